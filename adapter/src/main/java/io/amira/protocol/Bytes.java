package io.amira.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte scanning eight bytes at a time (SWAR), and a cheap hash of a short byte range. */
final class Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    static final long LF_PATTERN = ONES * '\n';
    static final long COLON_PATTERN = ONES * ':';

    private Bytes() {
    }

    /** The index of the first {@code wanted} byte in {@code a[from, end)}, or -1; {@code pattern} is it repeated 8 times. */
    static int indexOf(byte[] a, int from, int end, byte wanted, long pattern) {
        int i = from;
        for (int last = end - 8; i <= last; i += 8) {
            long w = (long) LONGS.get(a, i) ^ pattern;
            // a zero byte in w is a match; the lowest flagged byte is always a true one (little-endian)
            long found = (w - ONES) & ~w & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (a[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code a[aFrom, aFrom + length)} and {@code b[bFrom, bFrom + length)} hold the same bytes. */
    static boolean equal(byte[] a, int aFrom, byte[] b, int bFrom, int length) {
        if (length >= 8) {
            int last = length - 8;
            for (int i = 0; i < last; i += 8) {
                if ((long) LONGS.get(a, aFrom + i) != (long) LONGS.get(b, bFrom + i)) {
                    return false;
                }
            }
            return (long) LONGS.get(a, aFrom + last) == (long) LONGS.get(b, bFrom + last);
        }
        for (int i = 0; i < length; i++) {
            if (a[aFrom + i] != b[bFrom + i]) {
                return false;
            }
        }
        return true;
    }

    /** A hash of {@code a[from, to)} from its length and at most its first and last eight bytes. */
    static int hash(byte[] a, int from, int to) {
        int length = to - from;
        long h;
        if (length >= 8) {
            h = (long) LONGS.get(a, from) * 0x9E3779B97F4A7C15L + (long) LONGS.get(a, to - 8);
        } else {
            h = 0;
            for (int i = from; i < to; i++) {
                h = (h << 8) | (a[i] & 0xff);
            }
        }
        h = (h + length) * 0xC2B2AE3D27D4EB4FL;
        return (int) (h >>> 32);
    }
}
