package io.sealwatch.samples.generate;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What to generate.
 *
 * @param out    the output folder (created; existing generated files are overwritten)
 * @param events the total number of native log records over all sources (evidence rows not counted)
 * @param days   the length of the period, ending at {@code end}
 * @param seed   same seed, same bytes
 * @param end    the exclusive end of the period, a UTC midnight (e.g. 2026-10-01T00:00:00Z, the end of 2026-09-30)
 */
public record GeneratorOptions(Path out, long events, int days, long seed, Instant end) {
    /** The default period end: the end of 2026-09-30 (UTC), i.e. the end of 2026-Q3. */
    public static final Instant DEFAULT_END = Instant.parse("2026-10-01T00:00:00Z");
    /** Fewest days that fit every planted scenario with its windows and deadlines. */
    public static final int MIN_DAYS = 7;
    /** Fewest events per day that keep every source's hourly traffic free of accidental log gaps. */
    public static final long MIN_EVENTS_PER_DAY = 2_000;

    public GeneratorOptions {
        if (out == null) {
            throw new IllegalArgumentException("--out: an output folder is required");
        }
        if (days < MIN_DAYS || days > 3660) {
            throw new IllegalArgumentException("--days: " + days + " is outside " + MIN_DAYS + "..3660 (the planted "
                    + "scenarios need at least " + MIN_DAYS + " days)");
        }
        if (events < MIN_EVENTS_PER_DAY * days) {
            throw new IllegalArgumentException("--events: " + events + " is too few for " + days + " days (at least "
                    + MIN_EVENTS_PER_DAY * days + ", " + MIN_EVENTS_PER_DAY + " a day, so that no source falls "
                    + "silent by accident)");
        }
        if (end == null) {
            end = DEFAULT_END;
        }
        if (end.getEpochSecond() % 86_400 != 0 || end.getNano() != 0) {
            throw new IllegalArgumentException("--end: " + end + " is not a UTC midnight (give a date such as "
                    + "2026-10-01 for a period ending with 2026-09-30)");
        }
    }

    public Instant start() {
        return end.minusSeconds(days * 86_400L);
    }
}
