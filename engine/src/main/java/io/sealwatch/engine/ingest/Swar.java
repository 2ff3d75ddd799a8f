package io.sealwatch.engine.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time ("SIMD within a register") for the scan's byte loops: finding a newline, a
 * quote or a non-ASCII byte in a long word costs about what one byte costs. Each test returns a mask
 * with the high bit set in matching byte lanes; the lowest set lane is always exact (false positives
 * can only appear above a true one), so {@link #first} gives the index of the first match.
 */
final class Swar {
    static final int WIDTH = 8;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Swar() {
    }

    /** The eight bytes at {@code i} (which must have eight bytes after it), first byte in the lowest lane. */
    static long word(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** A byte pattern repeated in every lane, for {@link #equal}. */
    static long lanes(char c) {
        return ONES * c;
    }

    /** Lanes equal to the byte in {@code pattern} (made by {@link #lanes}). */
    static long equal(long word, long pattern) {
        long x = word ^ pattern;
        return (x - ONES) & ~x & HIGHS;
    }

    /** Lanes holding an ASCII control character (below 0x20). */
    static long control(long word) {
        return (word - ONES * 0x20) & ~word & HIGHS;
    }

    /** Lanes holding a byte of 0x80 or above (non-ASCII). */
    static long high(long word) {
        return word & HIGHS;
    }

    /** Index (0–7) of the lowest matching lane of a non-zero mask. */
    static int first(long mask) {
        return Long.numberOfTrailingZeros(mask) >>> 3;
    }
}
