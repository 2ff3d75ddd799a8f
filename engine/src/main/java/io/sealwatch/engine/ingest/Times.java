package io.sealwatch.engine.ingest;

import java.time.Instant;
import java.time.LocalDate;
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
        Matcher m = ISO.matcher(value.trim());
        if (!m.matches()) {
            throw new RecordException("unparseable timestamp in " + field + ": '" + Redactor.cut(value, 40) + "'");
        }
        if (m.group(4) == null) {
            throw new RecordException("timestamp without zone in " + field + ": '" + Redactor.cut(value, 40) + "'");
        }
        String fraction = m.group(3) == null ? "" : "." + m.group(3).substring(0, Math.min(9, m.group(3).length()));
        String zone = m.group(4).toUpperCase();
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
