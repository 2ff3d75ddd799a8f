package io.sealwatch.engine.ingest;

import java.util.regex.Pattern;

/**
 * Removes secrets from text taken from logs before it reaches any output (quarantine excerpts,
 * event details): values of secret-looking JSON keys, Vault HMACs and tokens, bearer tokens, JWTs,
 * SAML assertions, Okta API tokens.
 */
public final class Redactor {
    private static final String R = "[redacted]";
    private static final Pattern SECRET_KEY_VALUE = Pattern.compile(
            "(\"[^\"]{0,60}?(?:token|password|passwd|secret|assertion|saml|private_?key|accessor|signature|tokencode|auth_?code)"
                    + "[^\"]{0,60}?\"\\s*:\\s*)(?:\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+(?:\"|$)|[^\\s,}\\]\\[{\"]+)",
            Pattern.CASE_INSENSITIVE);
    /** {@code key=value} in URLs and messages, e.g. {@code X-Amz-Security-Token=…} in an error message. */
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "((?:x-amz-security-token|x-amz-signature|x-amz-credential|sessiontoken|password|passwd|secret|token)=)"
                    + "[^&\\s\"',;]+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PATTERNS = Pattern.compile(String.join("|",
            "hmac-sha256:[0-9a-fA-F]+",
            "(?i:bearer)\\s+[A-Za-z0-9._~+/=-]+",
            "\\bhv[sbr]\\.[A-Za-z0-9_-]{20,}",
            "\\b[sbr]\\.[A-Za-z0-9]{24}\\b",
            "\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*",
            "\\b00[A-Za-z0-9_-]{40}\\b",
            "(?i:PHNhbWxwOlJlc3BvbnNl|PHNhbWwyOl)[A-Za-z0-9+/=]+"));

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        // a string value cut off by an excerpt has no closing quote: it is redacted to the end
        String out = SECRET_KEY_VALUE.matcher(text).replaceAll("$1\"" + R + "\"");
        out = SECRET_PARAM.matcher(out).replaceAll("$1" + R);
        return PATTERNS.matcher(out).replaceAll(R);
    }

    /** A redacted excerpt of at most {@code max} characters (redacted before cutting, so no half secret stays). */
    public static String excerpt(String text, int max) {
        if (text == null) {
            return null;
        }
        return cut(redact(cut(text, Math.max(max * 10, 2000))), max);
    }

    public static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
