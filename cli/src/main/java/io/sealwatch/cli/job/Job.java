package io.sealwatch.cli.job;

import io.sealwatch.cli.base.BuildInfo;
import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.engine.episode.Reconstruct;
import io.sealwatch.engine.episode.Reconstruction;
import io.sealwatch.engine.ingest.Ingest;
import io.sealwatch.engine.ingest.IngestResult;
import io.sealwatch.engine.ingest.LiveScan;
import io.sealwatch.engine.spark.LazySession;
import io.sealwatch.engine.spark.Sparks;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.Finding;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.Severity;
import io.sealwatch.model.Stage;
import io.sealwatch.reports.catalog.Renderers;
import io.sealwatch.result.Renderer;
import io.sealwatch.reports.bundle.Bundle;
import io.sealwatch.reports.bundle.Predecessor;
import io.sealwatch.reports.signing.Signer;
import io.sealwatch.reports.signing.SigningException;
import io.sealwatch.result.RunInfo;
import io.sealwatch.result.RunResult;
import io.sealwatch.rules.Evaluation;
import io.sealwatch.rules.RuleEngine;

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
    private final Progress progress;

    public Job(PrintStream err) {
        this.progress = new Progress(err);
    }

    /** What a finished run produced, for the summary and the exit code. */
    public record Outcome(ExitCode exit, RunResult result, Path bundle) {
    }

    /** @param previous the bundle the new one follows, or null for the one it replaces in --out, if any */
    public Outcome run(SealwatchConfig config, RunOptions options, RuleEngine rules, Signer signer, Predecessor previous)
            throws IOException, SigningException {
        RunResult result = analyse(config, options, rules);
        List<Renderer> renderers = Renderers.run();
        Bundle.write(result, options.out(), signer, renderers, previous, stage -> {
            if (stage == Stage.SIGN) {
                progress.done(renderers.stream().mapToInt(r -> r.files(result).size()).sum() + " files rendered");
            }
            progress.start(stage);
        });
        Series.remember(options);
        progress.done((signer == null ? "unsigned bundle " : "signed bundle ") + options.out());
        return new Outcome(exitCode(result, options.failOn()), result, options.out());
    }

    /** 3 when an input could not be read (wins over 1), 1 for an open finding at or above {@code failOn}, else 0. */
    static ExitCode exitCode(RunResult result, Severity failOn) {
        if (!result.info().complete()) {
            return ExitCode.INCOMPLETE;
        }
        return result.evaluation().findings().stream().anyMatch(f -> !f.accepted() && f.severity().atLeast(failOn))
                ? ExitCode.FINDINGS : ExitCode.OK;
    }

    static String bySeverity(List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder();
        counts.forEach((s, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(s.wire()));
        return sb.length() == 0 ? "none" : sb.toString();
    }

    /**
     * Our own jars, for executors of a cluster: the cli jar and the sealwatch module jars in its
     * {@code lib/} (Spark brings the rest that executors use). Null when not running from jars.
     */
    public static String appJars() {
        try {
            Path jar = Path.of(Job.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!jar.toString().endsWith(".jar")) {
                return null;
            }
            List<String> jars = new ArrayList<>(List.of(jar.toString()));
            Path lib = jar.resolveSibling("lib");
            if (Files.isDirectory(lib)) {
                try (var list = Files.list(lib)) {
                    list.filter(p -> p.getFileName().toString().startsWith("sealwatch-")).sorted()
                            .forEach(p -> jars.add(p.toString()));
                }
            }
            return String.join(",", jars);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * INGEST → RECONSTRUCT → EVALUATE without rendering, for commands that render other reports from the
     * same facts (the annual review, {@link ReviewJob}). Writes nothing: the result carries what every output needs.
     * Spark is started only by a step that needs it ({@link LazySession}); {@code -v} says whether, and why.
     */
    public RunResult analyse(SealwatchConfig config, RunOptions options, RuleEngine rules) throws IOException {
        return analyse(config, options, rules, null);
    }

    /**
     * As {@link #analyse(SealwatchConfig, RunOptions, RuleEngine)}, ingesting through the service's scan kept
     * between judgements when {@code live} is given (then {@code options.state()} is not used).
     */
    public RunResult analyse(SealwatchConfig config, RunOptions options, RuleEngine rules, LiveScan live)
            throws IOException {
        LazySession spark = new LazySession(options.master(), appJars());
        boolean local = Sparks.isLocal(options.master());
        progress.start(Stage.INGEST);
        IngestResult ingest = live != null ? live.read(spark, local, config, options.period())
                : Ingest.run(spark, local, config, options.period(), options.state());
        long read = ingest.inputs().stream().mapToLong(InputFileStats::read).sum();
        long normalised = ingest.inputs().stream().mapToLong(InputFileStats::normalised).sum();
        progress.done(String.format("%d files%s, %d records, %d normalised, %d quarantined, %d duplicates",
                ingest.inputs().size(), ingest.reused() > 0 ? " (" + ingest.reused() + " unchanged)" : "",
                read, normalised, ingest.quarantined(), ingest.duplicates()));

        progress.start(Stage.RECONSTRUCT);
        List<CoverageGap> gaps = ingest.coverage().stream().flatMap(c -> c.gaps().stream()).toList();
        Reconstruction rebuilt = Reconstruct.run(spark, ingest, config, options.period(), gaps);
        progress.done(rebuilt.facts().episodes().size() + " episodes, " + rebuilt.events().size()
                + " events attached");

        progress.start(Stage.EVALUATE);
        long t = Steps.start();
        Evaluation evaluation = rules.evaluate(rebuilt.facts());
        Steps.done("evaluate: rules", t);
        progress.done(evaluation.findings().size() + " findings (" + bySeverity(evaluation.findings()) + ")");
        String why = spark.startedFor();
        Steps.note(why == null ? "Spark: not started (nothing in this run needed it)" : "Spark: started for " + why);

        List<String> problems = ingest.problems();
        RunInfo info = new RunInfo(config.organization(), config.timezone(), options.period(), BuildInfo.version(),
                config.sha256(), rules.packHash(), problems.isEmpty(), problems, options.sign(), options.requestedTo());
        return new RunResult(info, config, rebuilt.facts(), evaluation, rules.rules(), rebuilt.events(),
                ingest.inputs(), ingest.duplicates(), ingest.coverage(), ingest.events(), ingest.quarantine(),
                progress.timings());
    }
}
