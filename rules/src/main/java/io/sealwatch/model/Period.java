package io.sealwatch.model;

import java.time.Instant;

/** The judged period {@code [from, to)}; {@code to} is also "now" for every deadline (as-of time). */
public record Period(Instant from, Instant to) {
    public Period {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("period start " + from + " is not before its end " + to);
        }
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    public Instant asOf() {
        return to;
    }
}
