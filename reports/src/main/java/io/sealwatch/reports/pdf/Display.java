package io.sealwatch.reports.pdf;

import io.sealwatch.model.EvidenceRef;
import io.sealwatch.reports.Fmt;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How the PDF prints times and evidence: one timestamp form everywhere, {@code 2026-07-14 03:12:09Z}
 * (to the second, in the config's display {@code timezone} with its offset; the logic ran in UTC), and
 * evidence as source, file name and record (the full path of every file is in evidence.xlsx and run.json).
 */
record Display(ZoneId zone) {

    private static final Display UTC = new Display(ZoneOffset.UTC);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssXXX");

    /** The display zone of a config's {@code timezone}; UTC when unset or unknown. */
    static Display of(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return new Display(ZoneOffset.UTC);
        }
        try {
            return new Display(ZoneId.of(timezone.trim()).normalized());
        } catch (DateTimeException e) {
            return new Display(ZoneOffset.UTC);
        }
    }

    String at(Instant t) {
        return t == null ? "" : AT.format(t.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    /** A period as whole UTC days when it is ({@code 2026-07-01 to 2026-10-01 (UTC days, end exclusive)}). */
    static String period(Instant from, Instant to) {
        boolean days = from.equals(from.truncatedTo(ChronoUnit.DAYS)) && to.equals(to.truncatedTo(ChronoUnit.DAYS));
        return days ? LocalDate.ofInstant(from, ZoneOffset.UTC) + " to " + LocalDate.ofInstant(to, ZoneOffset.UTC)
                + " (UTC days, end exclusive)"
                : UTC.at(from) + " to " + UTC.at(to) + " (end exclusive)";
    }

    /** {@code 3 months}, {@code 1 year}, {@code 1 year 6 months}, {@code 14 days}: a policy period in words. */
    static String period(java.time.Period p) {
        StringBuilder b = new StringBuilder();
        unit(b, p.getYears(), "year");
        unit(b, p.getMonths(), "month");
        unit(b, p.getDays(), "day");
        return b.isEmpty() ? "0 days" : b.toString();
    }

    private static void unit(StringBuilder b, int n, String name) {
        if (n != 0) {
            b.append(b.isEmpty() ? "" : " ").append(n).append(' ').append(name).append(Math.abs(n) == 1 ? "" : "s");
        }
    }

    /** The zone's name for column headings and the cover. */
    String label() {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** {@code T+1h 02m 03s}: {@code t} relative to {@code start}, for a timeline. */
    static String offset(Instant start, Instant t) {
        long s = t.getEpochSecond() - start.getEpochSecond();
        return "T" + (s < 0 ? "" : "+") + Fmt.duration(s);
    }

    static String ref(EvidenceRef r) {
        if (r == null) {
            return "";
        }
        String file = r.file() == null ? "" : r.file().substring(r.file().lastIndexOf('/') + 1);
        String s = r.source() + " " + file + "#" + r.record();
        return r.eventId() == null ? s : s + " (" + r.eventId() + ")";
    }

    static String refs(List<EvidenceRef> refs) {
        return refs == null ? "" : refs.stream().map(Display::ref).collect(Collectors.joining("\n"));
    }
}
