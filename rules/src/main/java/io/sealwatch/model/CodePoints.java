package io.sealwatch.model;

import java.util.Comparator;

/** String order by code point: how Spark orders strings (by their UTF-8 bytes), unlike Java's UTF-16 order. */
public final class CodePoints {

    public static final Comparator<String> ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private CodePoints() {
    }
}
