package io.amira.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reuses the String of a short value seen before, for headers whose values repeat across events
 * (Privilege, ChannelStateDesc, Context, ...; see {@link HeaderNames}). Direct-mapped: a value
 * replaces whatever shared its slot, so the memory is bounded and garbage cannot grow it. A slot's
 * key is an exact copy of its value's bytes, made when the slot is (re)filled, so a session that
 * sees few distinct values (an idle pooled one) pays for those only, not for every slot.
 * One instance per decoder; not thread-safe.
 */
final class ValueCache {

    static final int MAX_LENGTH = 48;
    private static final int SLOTS = 1024;

    /** The bytes of each slot's value. */
    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];

    /** The value spelled by {@code a[from, end)}; at most {@link #MAX_LENGTH} bytes, at least one. */
    String value(byte[] a, int from, int end) {
        int length = end - from;
        int slot = Bytes.hash(a, from, end) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && key.length == length && Bytes.equal(key, 0, a, from, length)) {
            return values[slot];
        }
        String value = new String(a, from, length, StandardCharsets.UTF_8);
        keys[slot] = Arrays.copyOfRange(a, from, end);
        values[slot] = value;
        return value;
    }
}
