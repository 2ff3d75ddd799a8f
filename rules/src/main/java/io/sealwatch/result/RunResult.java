package io.sealwatch.result;

import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.model.IngestedEvent;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.QuarantineEntry;
import io.sealwatch.rules.Evaluation;
import io.sealwatch.rules.Facts;
import io.sealwatch.rules.RuleMeta;

import java.util.List;
import java.util.Map;

/**
 * Everything the renderers need, small enough for the driver: the judged facts, the evaluation,
 * the normalised events of the period's episodes (and those attached to them), everything ingest kept,
 * and the accounting; with what the outputs show of them, derived once ({@link RunViews}). Every file of a
 * bundle is rendered from it; the engine writes no output of its own.
 *
 * @param events     the normalised events behind the period's episodes, sorted by time
 * @param duplicates native events dropped as re-deliveries, over all inputs
 * @param ingested   every normalised event ingest kept (the events table), in the order ingest sorted them
 * @param quarantine every quarantined record, in input order (source, path) then record
 * @param timingsMillis stage name → elapsed milliseconds (run.json only; not part of deterministic outputs)
 * @param views what every output shows of the facts and findings, as {@link #RunResult(RunInfo, SealwatchConfig,
 *              Facts, Evaluation, List, List, List, long, List, List, List, Map) the short constructor} derives it
 *              (null for a result without facts, which only bundle tests make)
 * @param review the annual review of need when the run is a review's (the year), else null
 */
public record RunResult(RunInfo info, SealwatchConfig config, Facts facts, Evaluation evaluation,
                        List<RuleMeta> rules, List<NormalizedEvent> events, List<InputFileStats> inputs,
                        long duplicates, List<SourceCoverage> coverage, List<IngestedEvent> ingested,
                        List<QuarantineEntry> quarantine, Map<String, Long> timingsMillis, RunViews views,
                        ReviewResult review) {

    /** The result of a run with its views derived from the facts and the evaluation. */
    public RunResult(RunInfo info, SealwatchConfig config, Facts facts, Evaluation evaluation, List<RuleMeta> rules,
                     List<NormalizedEvent> events, List<InputFileStats> inputs, long duplicates,
                     List<SourceCoverage> coverage, List<IngestedEvent> ingested, List<QuarantineEntry> quarantine,
                     Map<String, Long> timingsMillis) {
        this(info, config, facts, evaluation, rules, events, inputs, duplicates, coverage, ingested, quarantine,
                timingsMillis, facts == null ? null : RunViews.of(config, facts, evaluation, rules), null);
    }

    /** This run (over a year) with its annual review, for the review's renderers. */
    public RunResult withReview(ReviewResult annualReview) {
        return new RunResult(info, config, facts, evaluation, rules, events, inputs, duplicates, coverage, ingested,
                quarantine, timingsMillis, views, annualReview);
    }
}
