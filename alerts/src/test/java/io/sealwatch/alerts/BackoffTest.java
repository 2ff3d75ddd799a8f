package io.sealwatch.alerts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BackoffTest {
    private static final Instant T = Instant.parse("2026-07-01T00:00:00Z");

    @Test
    void doublesFromTenSecondsUpToAnHour() {
        Backoff b = Backoff.DEFAULT;
        assertEquals(Duration.ofSeconds(10), b.delay(1));
        assertEquals(Duration.ofSeconds(20), b.delay(2));
        assertEquals(Duration.ofSeconds(2560), b.delay(9));
        assertEquals(Duration.ofHours(1), b.delay(10));
        assertEquals(Duration.ofHours(1), b.delay(500));
    }

    @Test
    void triesForADayFromTheFirstAttemptThenGivesUp() {
        Backoff b = Backoff.DEFAULT;
        assertEquals(T.plusSeconds(10), b.next(T, T, 1));
        Instant late = T.plus(Duration.ofHours(23).plusMinutes(30));
        assertEquals(T.plus(Duration.ofHours(24)), b.next(T, late, 30), "the last try falls on the 24 h mark");
        assertNull(b.next(T, T.plus(Duration.ofHours(24)), 31));
    }
}
