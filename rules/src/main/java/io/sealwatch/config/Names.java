package io.sealwatch.config;

/**
 * Case-insensitive comparison of identities and people that folds ASCII letters only. Java's own
 * {@code equalsIgnoreCase} also folds look-alikes such as the Kelvin sign (U+212A) to {@code k}: an
 * identity spelled with one is another identity and must never match.
 */
public final class Names {
    private Names() {
    }

    public static boolean equalsIgnoreAsciiCase(String a, String b) {
        if (a == null || b == null || a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (lower(a.charAt(i)) != lower(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Lower case for ASCII letters; every other character unchanged. */
    public static String toLowerAscii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            sb.append(lower(s.charAt(i)));
        }
        return sb.toString();
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
