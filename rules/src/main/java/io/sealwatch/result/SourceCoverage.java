package io.sealwatch.result;

import io.sealwatch.model.CoverageGap;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** How well a configured source covers the period: its events (relevant or not) and its silent gaps. */
public record SourceCoverage(String source, long events, Instant first, Instant last, List<CoverageGap> gaps) {
    /** The order every output lists sources' coverage in: by source type. */
    public static final Comparator<SourceCoverage> ORDER = Comparator.comparing(SourceCoverage::source);
}
