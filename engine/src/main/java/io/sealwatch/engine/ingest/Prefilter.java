package io.sealwatch.engine.ingest;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Byte-level test run on every raw record before any JSON parsing: does it contain, ignoring ASCII
 * case, at least one literal that a configured identity or sealed secret of its source needs? A
 * record that contains none cannot concern a break-glass account. Literals are searched as UTF-8
 * bytes; only ASCII letters are case-folded (identity strings are ASCII in practice).
 *
 * <p>Every record of every file goes through here, so the search is one pass for all literals
 * (Wu–Manber): a table indexed by a hash of the case-folded three-byte block at the end of a window
 * as long as the shortest literal says how far the window may jump; only blocks that end some
 * literal's window are checked against the literals. Most windows of log text jump by nearly the
 * window length. (Hash collisions only shorten jumps; a match is always confirmed byte by byte.)
 */
final class Prefilter implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final int MAX_WINDOW = 127;
    private static final int BLOCK = 3;
    private static final int HASH_BITS = 15;
    private static final byte[] LOWER = new byte[256];

    static {
        for (int b = 0; b < 256; b++) {
            LOWER[b] = (byte) (b >= 'A' && b <= 'Z' ? b + 32 : b);
        }
    }

    private final byte[][] needles;
    private final boolean matchesAll;
    /** The shortest literal's length: each literal is looked for by its last {@code window} bytes (names end literals). */
    private final int window;
    private final int longest;
    /** Built on first use where the records are read, so the shipped object stays small. */
    private transient volatile Tables tables;

    private record Tables(byte[] shift, int[][] candidates) {
    }

    Prefilter(List<String> literals) {
        List<String> lower = literals.stream().map(l -> l.toLowerCase(Locale.ROOT)).distinct().toList();
        // a literal containing another adds nothing: wherever it occurs, the shorter one does too
        this.needles = lower.stream().filter(l -> lower.stream().noneMatch(o -> !o.equals(l) && l.contains(o)))
                .map(l -> l.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.matchesAll = Arrays.stream(needles).anyMatch(n -> n.length == 0);
        this.longest = Arrays.stream(needles).mapToInt(n -> n.length).max().orElse(0);
        this.window = Math.min(MAX_WINDOW, Arrays.stream(needles).mapToInt(n -> n.length).min().orElse(0));
    }

    /** Whether {@code raw[off, off + len)} contains one of the literals. */
    boolean mayMatch(byte[] raw, int off, int len) {
        if (matchesAll) {
            return true;
        }
        if (needles.length == 0) {
            return false;
        }
        int end = off + len;
        if (window < BLOCK) {
            return naive(raw, off, end);
        }
        Tables t = tables();
        // Each jump waits for the table lookup before it; two cursors over the two halves (the first
        // running on far enough to see every literal that ends there) let the processor overlap them.
        int mid = off + len / 2;
        int firstEnd = Math.min(end, mid + longest - 1);
        int a = off + window - 1;
        int b = mid + window - 1;
        if (len < 4 * longest) {
            b = end;
            firstEnd = end;
        }
        while (a < firstEnd && b < end) {
            int shiftA = t.shift[hash(raw[a - 2], raw[a - 1], raw[a])];
            int shiftB = t.shift[hash(raw[b - 2], raw[b - 1], raw[b])];
            if (shiftA == 0) {
                if (endsAt(raw, off, end, a, t)) {
                    return true;
                }
                shiftA = 1;
            }
            if (shiftB == 0) {
                if (endsAt(raw, off, end, b, t)) {
                    return true;
                }
                shiftB = 1;
            }
            a += shiftA;
            b += shiftB;
        }
        return rest(raw, off, end, a, firstEnd, t) || rest(raw, off, end, b, end, t);
    }

    /** One cursor from {@code i} to {@code to}. */
    private boolean rest(byte[] raw, int off, int end, int i, int to, Tables t) {
        while (i < to) {
            int shift = t.shift[hash(raw[i - 2], raw[i - 1], raw[i])];
            if (shift == 0) {
                if (endsAt(raw, off, end, i, t)) {
                    return true;
                }
                shift = 1;
            }
            i += shift;
        }
        return false;
    }

    /** Does a literal end at {@code i} (whose block has jump 0)? */
    private boolean endsAt(byte[] raw, int off, int end, int i, Tables t) {
        for (int n : t.candidates[hash(raw[i - 2], raw[i - 1], raw[i])]) {
            byte[] needle = needles[n];
            int start = i + 1 - needle.length;
            if (start >= off && at(raw, start, end, needle)) {
                return true;
            }
        }
        return false;
    }

    /** Equal ignoring ASCII case ⇒ equal hash: {@code | 0x20} folds letters (and merges some punctuation, which is harmless). */
    private static int hash(byte a, byte b, byte c) {
        int key = ((a | 0x20) & 0xFF) << 16 | ((b | 0x20) & 0xFF) << 8 | ((c | 0x20) & 0xFF);
        return (key * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    private Tables tables() {
        Tables t = tables;
        if (t == null) {
            byte[] shift = new byte[1 << HASH_BITS];
            Arrays.fill(shift, (byte) (window - BLOCK + 1));
            Map<Integer, List<Integer>> ending = new HashMap<>();
            for (int n = 0; n < needles.length; n++) {
                byte[] needle = needles[n];
                int from = needle.length - window;
                for (int q = BLOCK; q <= window; q++) {
                    int block = hash(needle[from + q - 3], needle[from + q - 2], needle[from + q - 1]);
                    shift[block] = (byte) Math.min(shift[block], window - q);
                    if (q == window) {
                        ending.computeIfAbsent(block, k -> new ArrayList<>()).add(n);
                    }
                }
            }
            int[][] candidates = new int[1 << HASH_BITS][];
            ending.forEach((block, n) -> candidates[block] = n.stream().mapToInt(Integer::intValue).toArray());
            t = new Tables(shift, candidates);
            tables = t;
        }
        return t;
    }

    /** Literals shorter than a block: a plain scan. */
    private boolean naive(byte[] raw, int off, int end) {
        for (byte[] needle : needles) {
            for (int i = off; i <= end - needle.length; i++) {
                if (at(raw, i, end, needle)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean at(byte[] raw, int start, int end, byte[] needle) {
        if (end - start < needle.length) {
            return false;
        }
        for (int j = 0; j < needle.length; j++) {
            if (LOWER[raw[start + j] & 0xFF] != needle[j]) {
                return false;
            }
        }
        return true;
    }
}
