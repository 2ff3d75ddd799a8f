package io.sealwatch.cli.job;

import io.sealwatch.model.Period;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Nothing is judged ahead of the clock: a period ending after "now" ends now, and says what was asked. */
class PeriodSpecTest {
    private static final Instant NOW = Instant.parse("2026-11-12T09:30:15.250Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void aQuarterNotOverIsJudgedUpToNow() {
        PeriodSpec.Resolved q4 = PeriodSpec.resolve(null, null, "2026-Q4", CLOCK);
        assertEquals(new Period(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-12T09:30:15Z")),
                q4.period());
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), q4.requestedTo());
    }

    @Test
    void aPastPeriodIsKeptAsAsked() {
        PeriodSpec.Resolved q3 = PeriodSpec.resolve(null, null, "2026-Q3", CLOCK);
        assertEquals(Instant.parse("2026-10-01T00:00:00Z"), q3.period().to());
        assertNull(q3.requestedTo());
        PeriodSpec.Resolved nightly = PeriodSpec.resolve(null, null, null, CLOCK);
        assertEquals(new Period(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-12T00:00:00Z")),
                nightly.period());
        assertNull(nightly.requestedTo());
    }

    @Test
    void aFutureToIsClampedAndAFutureFromRefused() {
        PeriodSpec.Resolved r = PeriodSpec.resolve("2026-11-01", "2026-12-01", null, CLOCK);
        assertEquals(Instant.parse("2026-11-12T09:30:15Z"), r.period().to());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), r.requestedTo());
        assertThrows(IllegalArgumentException.class, () -> PeriodSpec.resolve("2026-12-01", "2027-01-01", null, CLOCK));
    }

    @Test
    void aYearNotOverIsReviewedUpToNow() {
        PeriodSpec.Resolved y = PeriodSpec.year(2026, CLOCK);
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), y.period().from());
        assertEquals(Instant.parse("2026-11-12T09:30:15Z"), y.period().to());
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), y.requestedTo());
        assertNull(PeriodSpec.year(2025, CLOCK).requestedTo());
    }
}
