package io.amira.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Reuses the String of a short value seen before, for headers whose values repeat across events
 * (Privilege, ChannelStateDesc, Context, ...; see {@link HeaderNames}). Direct-mapped: a value
 * replaces whatever shared its slot, so the memory is fixed and garbage cannot grow it.
 * One instance per decoder; not thread-safe.
 */
final class ValueCache {

    static final int MAX_LENGTH = 48;
    private static final int SLOTS = 1024;

    /** The bytes of each slot's value, {@link #MAX_LENGTH} bytes per slot. */
    private final byte[] keys = new byte[SLOTS * MAX_LENGTH];
    private final int[] lengths = new int[SLOTS];
    private final String[] values = new String[SLOTS];

    /** The value spelled by {@code a[from, end)}; at most {@link #MAX_LENGTH} bytes, at least one. */
    String value(byte[] a, int from, int end) {
        int length = end - from;
        int slot = Bytes.hash(a, from, end) & (SLOTS - 1);
        int key = slot * MAX_LENGTH;
        if (lengths[slot] == length && Bytes.equal(keys, key, a, from, length)) {
            return values[slot];
        }
        String value = new String(a, from, length, StandardCharsets.UTF_8);
        System.arraycopy(a, from, keys, key, length);
        lengths[slot] = length;
        values[slot] = value;
        return value;
    }
}
