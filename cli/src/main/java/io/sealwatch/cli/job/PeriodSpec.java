package io.sealwatch.cli.job;

import io.sealwatch.config.ConfigLoader;
import io.sealwatch.model.Period;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code --from}, {@code --to} and {@code --quarter} into the judged period. {@code --to}
 * defaults to the start of the current UTC day; {@code --from} to the start of the quarter that
 * contains the last day before {@code --to}, so a nightly run judges the quarter to date. An end
 * later than the clock's "now" is clamped to now: nothing is judged ahead of the clock.
 */
public final class PeriodSpec {
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    private PeriodSpec() {
    }

    /** The judged period and, when the end asked for lay in the future, that end (else null). */
    public record Resolved(Period period, Instant requestedTo) {
    }

    public static Resolved resolve(String from, String to, String quarter, Clock clock) {
        return clamp(asked(from, to, quarter, clock), clock);
    }

    /** The calendar year (UTC) of {@code review --year}, up to now when it is not over. */
    public static Resolved year(int year, Clock clock) {
        return clamp(new Period(LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant()), clock);
    }

    private static Resolved clamp(Period asked, Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (!asked.to().isAfter(now)) {
            return new Resolved(asked, null);
        }
        if (!asked.from().isBefore(now)) {
            throw new IllegalArgumentException("the period starting " + asked.from() + " has not begun yet (now is "
                    + now + ")");
        }
        return new Resolved(new Period(asked.from(), now), asked.to());
    }

    private static Period asked(String from, String to, String quarter, Clock clock) {
        if (quarter != null) {
            if (from != null || to != null) {
                throw new IllegalArgumentException("--quarter cannot be combined with --from or --to");
            }
            Matcher m = QUARTER.matcher(quarter.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("--quarter '" + quarter + "' is not of the form 2026-Q3");
            }
            LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
            return new Period(start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    start.plusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        Instant end = to == null ? clock.instant().truncatedTo(ChronoUnit.DAYS) : parse("--to", to);
        Instant start;
        if (from == null) {
            LocalDate last = LocalDate.ofInstant(end.minusSeconds(1), ZoneOffset.UTC);
            start = last.with(IsoFields.DAY_OF_QUARTER, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        } else {
            start = parse("--from", from);
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("--from " + start + " must be before --to " + end);
        }
        return new Period(start, end);
    }

    private static Instant parse(String option, String value) {
        try {
            return ConfigLoader.parseInstant(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " '" + value
                    + "' is not an ISO-8601 date or time (e.g. 2026-07-01 or 2026-07-01T00:00:00Z)");
        }
    }
}
