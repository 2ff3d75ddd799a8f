package io.sealwatch.reports.pdf;

import io.sealwatch.config.Policy;
import io.sealwatch.model.Episode;
import io.sealwatch.model.Finding;
import io.sealwatch.result.RunResult;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A run as every report chapter sees it: its episodes and findings in the canonical order ({@code RunResult.views()}), and the findings by episode. */
record ReportRun(RunResult result, Instant asOf, Policy policy, Display display, List<Episode> episodes,
                 List<Finding> findings, Map<String, List<Finding>> findingsByEpisode) {
    static ReportRun of(RunResult r) {
        List<Finding> findings = r.views().findings();
        return new ReportRun(r, r.info().period().asOf(), r.config().policy(), ReportContent.display(r),
                r.views().episodes(), findings, findings.stream().filter(f -> f.episode() != null)
                .collect(Collectors.groupingBy(Finding::episode)));
    }
}
