package io.sealwatch.reports;

import io.sealwatch.model.EvidenceRef;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Text forms shared by the human-readable renderers (PDF, XLSX); machine outputs use ISO-8601. */
public final class Fmt {

    private Fmt() {
    }

    public static String instant(Instant t) {
        return t == null ? "" : t.toString();
    }

    /** {@code 1h 05m 09s}, {@code 2d 03h 00m}. */
    public static String duration(long seconds) {
        Duration d = Duration.ofSeconds(Math.abs(seconds));
        String sign = seconds < 0 ? "-" : "";
        if (d.toDays() > 0) {
            return String.format(Locale.ROOT, "%s%dd %02dh %02dm", sign, d.toDays(), d.toHoursPart(), d.toMinutesPart());
        }
        if (d.toHours() > 0) {
            return String.format(Locale.ROOT, "%s%dh %02dm %02ds", sign, d.toHours(), d.toMinutesPart(), d.toSecondsPart());
        }
        return String.format(Locale.ROOT, "%s%dm %02ds", sign, d.toMinutes(), d.toSecondsPart());
    }

    public static String ref(EvidenceRef r) {
        if (r == null) {
            return "";
        }
        String s = r.source() + " " + r.file() + "#" + r.record();
        return r.eventId() == null ? s : s + " (" + r.eventId() + ")";
    }

    public static String refs(List<EvidenceRef> refs) {
        return refs == null ? "" : refs.stream().map(Fmt::ref).collect(Collectors.joining("; "));
    }

    public static String join(List<String> items) {
        return items == null ? "" : String.join(", ", items);
    }

    public static String nz(String s) {
        return s == null ? "" : s;
    }
}
