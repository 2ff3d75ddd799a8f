package io.sealwatch.samples.scenarios;

import io.sealwatch.samples.internal.Iso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Made-up but stable identifiers and the vendors' time formats. An id is the SHA-256 of its parts joined by
 * {@code /}, each part spelled as the scenario inputs always spelled it (a time as {@code 2026-08-14 09:00:00+00:00},
 * an absent part as {@code None}), so every id in the committed inputs stays what it is.
 */
final class Ids {
    private Ids() {
    }

    /** The first {@code n} hex digits of the SHA-256 of the parts. */
    static String hex(int n, Object... parts) {
        StringBuilder joined = new StringBuilder();
        for (Object p : parts) {
            joined.append(joined.isEmpty() ? "" : "/").append(part(p));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, n);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String hex32(Object... parts) {
        return hex(32, parts);
    }

    /** {@link #hex} upper-cased, as AWS and PagerDuty ids are. */
    static String upper(int n, Object... parts) {
        return hex(n, parts).toUpperCase(Locale.ROOT);
    }

    /** A UUID spelled from the first 32 hex digits (no version bits: the ids only need to look like UUIDs). */
    static String uuid(Object... parts) {
        String h = hex32(parts);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    private static String part(Object p) {
        if (p == null) {
            return "None";
        }
        if (p instanceof Instant t) {
            if (t.getNano() != 0) {
                throw new IllegalArgumentException("ids take whole-second times, not " + t);
            }
            return utc(t, "%1$tY-%1$tm-%1$td %1$tH:%1$tM:%1$tS+00:00");
        }
        return p.toString();
    }

    /** {@code 2026-08-14T09:00:00Z}. */
    static String iso(Instant t) {
        return Iso.seconds(t.toEpochMilli());
    }

    /** {@code 2026-08-14T09:00:00.000Z}. */
    static String isoMillis(Instant t) {
        return Iso.millis(t.toEpochMilli());
    }

    /** The time in UTC through a {@link java.util.Formatter} pattern whose argument 1 is the time. */
    static String utc(Instant t, String pattern) {
        return String.format(Locale.ROOT, pattern, ZonedDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    /** Each word's first letter upper-cased, the rest lower-cased ({@code ops-lead} is {@code Ops-Lead}). */
    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean inWord = false;
        for (char c : s.toCharArray()) {
            sb.append(inWord ? Character.toLowerCase(c) : Character.toUpperCase(c));
            inWord = Character.isLetter(c);
        }
        return sb.toString();
    }
}
