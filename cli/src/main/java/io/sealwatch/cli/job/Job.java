package io.sealwatch.cli.job;

import io.sealwatch.cli.BuildInfo;
import io.sealwatch.cli.ExitCode;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.engine.episode.Reconstruct;
import io.sealwatch.engine.episode.Reconstruction;
import io.sealwatch.engine.ingest.Ingest;
import io.sealwatch.engine.ingest.IngestResult;
import io.sealwatch.engine.spark.Sparks;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.Finding;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.Severity;
import io.sealwatch.model.Stage;
import io.sealwatch.reports.Renderers;
import io.sealwatch.reports.bundle.Bundle;
import io.sealwatch.reports.signing.Signer;
import io.sealwatch.reports.signing.SigningException;
import io.sealwatch.result.RunInfo;
import io.sealwatch.result.RunResult;
import io.sealwatch.result.SourceCoverage;
import io.sealwatch.rules.Evaluation;
import io.sealwatch.rules.RuleEngine;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The nightly job, stage by stage: INGEST → RECONSTRUCT → EVALUATE → RENDER → SIGN. */
public final class Job {
    private final PrintStream err;

    public Job(PrintStream err) {
        this.err = err;
    }

    /** What a finished run produced, for the summary and the exit code. */
    public record Outcome(ExitCode exit, RunResult result, Path bundle) {
    }

    public Outcome run(SealwatchConfig config, RunOptions options, RuleEngine rules, Signer signer)
            throws IOException, SigningException {
        Progress progress = new Progress(err);
        Path work = Files.createTempDirectory(options.out().toAbsolutePath().getParent(),
                "." + options.out().getFileName() + ".work-");
        try {
            SparkSession spark = Sparks.session(options.master(), jarOf(Job.class));

            progress.start(Stage.INGEST);
            IngestResult ingest = Ingest.run(spark, config, options.period(), work);
            long read = ingest.inputs().stream().mapToLong(InputFileStats::read).sum();
            long normalised = ingest.inputs().stream().mapToLong(InputFileStats::normalised).sum();
            progress.done(String.format("%d files, %d records, %d normalised, %d quarantined, %d duplicates",
                    ingest.inputs().size(), read, normalised, ingest.quarantined(), ingest.duplicates()));

            progress.start(Stage.RECONSTRUCT);
            List<CoverageGap> gaps = ingest.coverage().stream().flatMap(c -> c.gaps().stream()).toList();
            Reconstruction rebuilt = Reconstruct.run(spark, ingest.eventsTable(), config, options.period(), gaps);
            progress.done(rebuilt.facts().episodes().size() + " episodes, " + rebuilt.events().size()
                    + " events attached");

            progress.start(Stage.EVALUATE);
            Evaluation evaluation = rules.evaluate(rebuilt.facts());
            progress.done(evaluation.findings().size() + " findings (" + bySeverity(evaluation.findings()) + ")");

            List<String> problems = new ArrayList<>();
            for (InputFileStats f : ingest.unreadable()) {
                problems.add(f.path() + ": " + f.error());
            }
            RunInfo info = new RunInfo(config.organization(), config.timezone(), options.period(),
                    BuildInfo.version(), config.sha256(), rules.packHash(), problems.isEmpty(), problems,
                    signer != null);
            RunResult result = new RunResult(info, config, rebuilt.facts(), evaluation, rules.rules(),
                    rebuilt.events(), ingest.inputs(), ingest.duplicates(), ingest.coverage(), progress.timings());

            progress.start(Stage.RENDER);
            Bundle.write(result, options.out(), signer, Renderers.run(), work);
            progress.done((signer == null ? "unsigned bundle " : "signed bundle ") + options.out());

            ExitCode exit = !problems.isEmpty() ? ExitCode.INCOMPLETE
                    : evaluation.findings().stream().anyMatch(f -> !f.accepted()
                    && f.severity().atLeast(options.failOn())) ? ExitCode.FINDINGS : ExitCode.OK;
            return new Outcome(exit, result, options.out());
        } finally {
            deleteTree(work);
        }
    }

    static String bySeverity(List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder();
        counts.forEach((s, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(s.wire()));
        return sb.length() == 0 ? "none" : sb.toString();
    }

    private static String jarOf(Class<?> type) {
        try {
            Path p = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p.toString() : null;
        } catch (Exception e) {
            return null;
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
