package io.sealwatch.alerts;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery is tried again: after {@code base}, doubling with each failure up to {@code cap}, for
 * {@code giveUpAfter} from the first attempt; the last try falls on that mark, then the delivery is given up.
 * Package-private so that tests run the same schedule in milliseconds.
 */
record Backoff(Duration base, Duration cap, Duration giveUpAfter) {
    static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24));

    /** The wait after the {@code failures}-th failed attempt (1 for the first). */
    Duration delay(int failures) {
        // 2^20 × any sane base is past any sane cap; the bound only keeps the shift from overflowing
        Duration d = base.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        return d.compareTo(cap) > 0 ? cap : d;
    }

    /**
     * When to try again after {@code failures} failed attempts, the first at {@code first} and the latest at
     * {@code last}; null when the deliveries' time is up.
     */
    Instant next(Instant first, Instant last, int failures) {
        Instant end = first.plus(giveUpAfter);
        if (!last.isBefore(end)) {
            return null;
        }
        Instant next = last.plus(delay(failures));
        return next.isAfter(end) ? end : next;
    }
}
