package io.sealwatch.model;

import java.time.Instant;

/** A configured log source silent for longer than {@code log-gap} inside the period. */
public record CoverageGap(String source, Instant from, Instant to, long seconds) {
}
