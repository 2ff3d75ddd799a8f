package io.sealwatch.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whether two patterns can match one value: exact strings, {@code *} globs, and both mixed. */
class IdentityMatchTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
            "breakglass@example.com,     BreakGlass@Example.com,    true",
            "breakglass@example.com,     breakglass@example.org,    false",
            "breakglass*,                breakglass@example.com,    true",
            "*@example.com,              breakglass@example.com,    true",
            "*@example.com,              breakglass@example.org,    false",
            "a*c,                        abc,                       true",
            "a*c,                        ab,                        false",
            "a*c,                        ac,                        true",
            "a*,                         *b,                        true",
            "a*b,                        b*a,                       false",
            "*x*,                        *y*,                       true",
            "ab*cd,                      a*d,                       true",
            "ab*cd,                      ab*ce,                     false",
            "ab*,                        abc*d,                     true",
            "role/*/alice,               role/BreakGlass/*,         true",
            "role/Okta*,                 role/BreakGlass/*,         false",
            "x*y*z,                      *yy*,                      true",
            "xyz*,                       xy,                        false",
            "bre\u0430kglass*,           breakglass*,               false",
    })
    void overlapsWhenOneValueMatchesBoth(String a, String b, boolean overlap) {
        IdentityMatch left = new IdentityMatch("okta-system-log", a);
        IdentityMatch right = new IdentityMatch("okta-system-log", b);
        assertEquals(overlap, left.overlaps(right));
        assertEquals(overlap, right.overlaps(left), "symmetric");
    }

    @ParameterizedTest(name = "{0} ~ {1} in another source")
    @CsvSource({"breakglass@example.com, breakglass@example.com", "*, *x"})
    void neverAcrossSourceTypes(String a, String b) {
        assertEquals(false, new IdentityMatch("okta-system-log", a).overlaps(new IdentityMatch("gcp-audit", b)));
    }

    /** Every pair of patterns over a, b and * up to three long agrees with brute force over {@link IdentityMatch#matches}. */
    @Test
    void agreesWithMatchingEveryShortValue() {
        List<String> patterns = words("ab*", 3);
        // a common value, if any, needs no letters beyond the patterns' literals: six at most
        List<String> values = words("ab", 6);
        for (String a : patterns) {
            for (String b : patterns) {
                IdentityMatch left = new IdentityMatch("gcp-audit", a);
                IdentityMatch right = new IdentityMatch("gcp-audit", b);
                boolean common = values.stream().anyMatch(v -> left.matches(v) && right.matches(v));
                assertEquals(common, left.overlaps(right), a + " ~ " + b);
            }
        }
    }

    private static List<String> words(String alphabet, int maxLength) {
        List<String> out = new ArrayList<>(List.of(""));
        for (int i = 0; i < out.size() && out.get(i).length() < maxLength; i++) {
            for (char c : alphabet.toCharArray()) {
                out.add(out.get(i) + c);
            }
        }
        return out;
    }
}
