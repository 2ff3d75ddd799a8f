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
