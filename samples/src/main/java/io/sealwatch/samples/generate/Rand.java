package io.sealwatch.samples.generate;

import java.util.SplittableRandom;

/**
 * A deterministic random source for one output file: seeded from the run seed and the file's key,
 * so every file's bytes depend only on (seed, key), whatever the thread that writes it.
 */
final class Rand {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private final SplittableRandom random;
    private final char[] buf = new char[64];

    Rand(long seed, long key) {
        this.random = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + key));
    }

    /** SplitMix64's finaliser: spreads nearby keys over the whole seed space. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long key(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    long nextLong() {
        return random.nextLong();
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    /** Picks an index by cumulative weights ({@code cum[i]} = sum of weights up to i; last = total). */
    int weighted(int[] cum) {
        int x = random.nextInt(cum[cum.length - 1]);
        int lo = 0;
        int hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    String hex(int n) {
        for (int i = 0; i < n; i++) {
            buf[i] = HEX[random.nextInt(16)];
        }
        return new String(buf, 0, n);
    }

    String upper(int n) {
        for (int i = 0; i < n; i++) {
            buf[i] = UPPER[random.nextInt(32)];
        }
        return new String(buf, 0, n);
    }

    String alnum(int n) {
        for (int i = 0; i < n; i++) {
            buf[i] = ALNUM[random.nextInt(ALNUM.length)];
        }
        return new String(buf, 0, n);
    }

    /** A random (version 4 shaped) UUID string. */
    String uuid() {
        long a = random.nextLong();
        long b = random.nextLong();
        int p = 0;
        for (int i = 0; i < 36; i++) {
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                buf[p++] = '-';
                continue;
            }
            long src = i < 18 ? a : b;
            buf[p++] = HEX[(int) ((src >>> ((i * 4) & 63)) & 15)];
        }
        buf[14] = '4';
        buf[19] = HEX[8 + (int) (b & 3)];
        return new String(buf, 0, 36);
    }

    /** A public-looking IPv4 address from documentation-free ranges of real providers. */
    String publicIp() {
        int first = pick(PUBLIC_FIRST_OCTETS);
        return first + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    String privateIp() {
        return "10." + random.nextInt(64) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static final Integer[] PUBLIC_FIRST_OCTETS = {3, 18, 34, 35, 52, 54, 62, 78, 81, 84, 91, 94, 104, 136,
            145, 176, 185, 188, 193, 203, 212, 217};
}
