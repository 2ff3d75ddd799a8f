package io.sealwatch.engine.ingest;

import java.util.Locale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Log timestamps: ISO-8601 with {@code Z} or an offset ({@code +02:00}, {@code +0200}, {@code +02}),
 * {@code T} or a space between date and time, fractional seconds of any length (cut to nanoseconds).
 * A time without a zone is refused: guessing it would shift events by hours.
 */
public final class Times {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2}(?::\\d{2})?)(?:[.,](\\d+))?\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?");

    private Times() {
    }

    public static Instant parse(String value, String field) throws RecordException {
        if (value == null || value.isBlank()) {
            throw new RecordException("missing timestamp (" + field + ")");
        }
        Instant common = utc(value);
        if (common != null) {
            return common;
        }
        Matcher m = ISO.matcher(value.trim());
        if (!m.matches()) {
            throw new RecordException("unparseable timestamp in " + field + ": '" + Redactor.cut(value, 40) + "'");
        }
        if (m.group(4) == null) {
            throw new RecordException("timestamp without zone in " + field + ": '" + Redactor.cut(value, 40) + "'");
        }
        String fraction = m.group(3) == null ? "" : "." + m.group(3).substring(0, Math.min(9, m.group(3).length()));
        String zone = m.group(4).toUpperCase(Locale.ROOT);
        if (!zone.equals("Z")) {
            String digits = zone.substring(1).replace(":", "");
            zone = zone.charAt(0) + digits.substring(0, 2) + ":" + (digits.length() > 2 ? digits.substring(2) : "00");
        }
        try {
            return OffsetDateTime.parse(m.group(1) + "T" + m.group(2) + fraction + zone).toInstant();
        } catch (DateTimeParseException e) {
            return lenient(m.group(1), m.group(2) + fraction + zone);
        }
    }

    /**
     * The form nearly every record carries, {@code 2026-07-01T10:00:00Z} with an optional fraction of up
     * to nine digits, read without a regular expression (it runs for every record, relevant or not);
     * null for anything else, which the general path then decides.
     */
    private static Instant utc(String v) {
        int n = v.length();
        if (n < 20 || n == 21 || n > 30 || v.charAt(n - 1) != 'Z' || v.charAt(4) != '-' || v.charAt(7) != '-'
                || v.charAt(10) != 'T' || v.charAt(13) != ':' || v.charAt(16) != ':' || (n > 20 && v.charAt(19) != '.')) {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        int fractionDigits = n > 20 ? n - 21 : 0;
        int fraction = digits(v, 20, fractionDigits);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || fraction < 0) {
            return null;
        }
        for (int i = fractionDigits; i < 9; i++) {
            fraction *= 10;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, fraction);
    }

    /** The decimal number in {@code v[from, from + count)}, or -1 if any of it is not an ASCII digit. */
    private static int digits(String v, int from, int count) {
        int out = 0;
        for (int i = from; i < from + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            out = out * 10 + (c - '0');
        }
        return out;
    }

    /**
     * Real logs carry placeholder dates such as {@code 2019-01-00}: out-of-range day or month values are
     * resolved by calendar arithmetic (day 0 = the last day of the month before), as lenient parsers do.
     */
    private static Instant lenient(String date, String timeAndZone) throws RecordException {
        String[] ymd = date.split("-");
        int month = Integer.parseInt(ymd[1]);
        int day = Integer.parseInt(ymd[2]);
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(ymd[0]), 1, 1).plusMonths(month - 1L).plusDays(day - 1L);
            return OffsetDateTime.parse(d + "T" + timeAndZone).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new RecordException("invalid timestamp '" + date + "T" + Redactor.cut(timeAndZone, 30) + "'");
        }
    }
}
