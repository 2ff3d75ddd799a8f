package io.sealwatch.result;

import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.rules.Evaluation;
import io.sealwatch.rules.Facts;
import io.sealwatch.rules.RuleMeta;

import java.util.List;
import java.util.Map;

/**
 * Everything the renderers need, small enough for the driver: the judged facts, the evaluation,
 * the normalised events of the period's episodes (and those attached to them), and the accounting.
 *
 * @param duplicates native events dropped as re-deliveries, over all inputs
 * @param timingsMillis stage name → elapsed milliseconds (run.json only; not part of deterministic outputs)
 */
public record RunResult(RunInfo info, SealwatchConfig config, Facts facts, Evaluation evaluation,
                        List<RuleMeta> rules, List<NormalizedEvent> events, List<InputFileStats> inputs,
                        long duplicates, List<SourceCoverage> coverage, Map<String, Long> timingsMillis) {
}
