package io.sealwatch.result;

import io.sealwatch.model.CoverageGap;

import java.time.Instant;
import java.util.List;

/** How well a configured source covers the period: its events (relevant or not) and its silent gaps. */
public record SourceCoverage(String source, long events, Instant first, Instant last, List<CoverageGap> gaps) {
}
