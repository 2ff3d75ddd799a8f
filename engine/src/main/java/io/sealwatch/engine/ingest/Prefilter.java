package io.sealwatch.engine.ingest;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Byte-level test run on every raw record before any JSON parsing: does it contain, ignoring ASCII
 * case, at least one literal that a configured identity or sealed secret of its source needs? A
 * record that contains none cannot concern a break-glass account. Literals are searched as UTF-8
 * bytes; only ASCII letters are case-folded (identity strings are ASCII in practice).
 */
final class Prefilter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final byte[][] needles;

    Prefilter(List<String> literals) {
        this.needles = literals.stream().distinct()
                .map(l -> l.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    boolean mayMatch(byte[] raw) {
        for (byte[] needle : needles) {
            if (contains(raw, needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        if (needle.length == 0) {
            return true;
        }
        byte first = needle[0];
        outer:
        for (int i = 0, last = hay.length - needle.length; i <= last; i++) {
            if (lower(hay[i]) != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (lower(hay[i + j]) != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }
}
