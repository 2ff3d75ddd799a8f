package io.sealwatch.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How an account (or a sealed secret) appears in one source type: an exact string, or a glob with
 * {@code *}. Matching ignores the case of ASCII letters (people and IAM names are case-insensitive) but compares
 * every other character exactly, so a look-alike (Cyrillic letters, the Kelvin sign) never matches.
 */
public record IdentityMatch(String source, String match) implements java.io.Serializable {

    public boolean matches(String value) {
        if (value == null) {
            return false;
        }
        if (match.indexOf('*') < 0) {
            return Names.equalsIgnoreAsciiCase(match, value);
        }
        return pattern().matcher(value).matches();
    }

    private Pattern pattern() {
        StringBuilder re = new StringBuilder();
        for (String part : match.split("\\*", -1)) {
            if (re.length() > 0) {
                re.append(".*");
            }
            re.append(Pattern.quote(part));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /**
     * Whether one value of the same source type could match both patterns. With {@code *} the only
     * wildcard this reads both patterns left to right at once: a literal meets an equal literal (ASCII
     * case folded, as in {@link #matches}) or is swallowed by a {@code *} of the other pattern, and a
     * {@code *} may also stop matching at any point. Exact strings are patterns without {@code *}.
     * Quadratic in the patterns' lengths.
     */
    public boolean overlaps(IdentityMatch other) {
        return source.equals(other.source) && intersect(Names.toLowerAscii(match), Names.toLowerAscii(other.match));
    }

    private static boolean intersect(String a, String b) {
        // rest[i][j]: a from i and b from j can still match one common string
        boolean[][] rest = new boolean[a.length() + 1][b.length() + 1];
        for (int i = a.length(); i >= 0; i--) {
            for (int j = b.length(); j >= 0; j--) {
                boolean aEnd = i == a.length();
                boolean bEnd = j == b.length();
                boolean aStar = !aEnd && a.charAt(i) == '*';
                boolean bStar = !bEnd && b.charAt(j) == '*';
                rest[i][j] = aEnd && bEnd
                        || aStar && (rest[i + 1][j] || !bEnd && rest[i][j + 1])
                        || bStar && (rest[i][j + 1] || !aEnd && rest[i + 1][j])
                        || !aEnd && !bEnd && a.charAt(i) == b.charAt(j) && rest[i + 1][j + 1];
            }
        }
        return rest[0][0];
    }

    /** The longest literal run of the pattern, lower case: what a byte-level prefilter can search for. */
    public String literal() {
        String best = "";
        for (String part : match.split("\\*")) {
            if (part.length() > best.length()) {
                best = part;
            }
        }
        return best.toLowerCase(Locale.ROOT);
    }
}
