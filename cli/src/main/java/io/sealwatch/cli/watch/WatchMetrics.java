package io.sealwatch.cli.watch;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sealwatch.engine.ingest.ListedFile;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.result.RunResult;
import io.sealwatch.result.SourceCoverage;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** The service's own series on the one registry the status server exposes (the outbox registers its own). */
final class WatchMetrics {
    private final Counter filesRead;
    private final Counter records;
    private final Gauge lag;
    private final Histogram judge;

    WatchMetrics(PrometheusRegistry registry) {
        filesRead = Counter.builder().name("sealwatch_files_read_total")
                .help("Input files read (new or changed since the judgement before; all of them at start), per source")
                .labelNames("source").register(registry);
        records = Counter.builder().name("sealwatch_records_total")
                .help("Records in the files read, per source").labelNames("source").register(registry);
        lag = Gauge.builder().name("sealwatch_source_lag_seconds")
                .help("Seconds from a source's newest event to the service's clock, per source")
                .labelNames("source").register(registry);
        judge = Histogram.builder().name("sealwatch_judge_seconds")
                .help("Time to judge: list, read what changed, rebuild episodes, evaluate the rules")
                .classicUpperBounds(0.5, 1, 2, 5, 10, 30, 60, 120, 300).register(registry);
    }

    /** One judgement: the files that changed since {@code before}, each source's lag, its duration. */
    void judged(RunResult result, Map<String, ListedFile> before, Map<String, ListedFile> listed, Instant now,
                Duration took) {
        for (InputFileStats in : result.inputs()) {
            ListedFile now0 = listed.get(in.path());
            if (now0 != null && !Objects.equals(now0, before.get(in.path()))) {
                filesRead.labelValues(in.source()).inc();
                records.labelValues(in.source()).inc(in.read());
            }
        }
        for (SourceCoverage c : result.coverage()) {
            Instant last = AlertDerivation.lastEvent(c, result.info().period());
            if (last != null) {
                lag.labelValues(c.source()).set(Duration.between(last, now).toSeconds());
            }
        }
        judge.observe(took.toNanos() / 1e9);
    }
}
