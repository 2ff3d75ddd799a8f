package io.sealwatch.cli.job;

import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.cli.base.Failure;
import io.sealwatch.config.ConfigException;
import io.sealwatch.config.ConfigLoader;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.config.SigningSpec;
import io.sealwatch.engine.spark.Sparks;
import io.sealwatch.model.Finding;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.Severity;
import io.sealwatch.result.Renderer;
import io.sealwatch.reports.bundle.Predecessor;
import io.sealwatch.reports.catalog.Renderers;
import io.sealwatch.reports.signing.Signer;
import io.sealwatch.result.RunInfo;
import io.sealwatch.reports.signing.SigningException;
import io.sealwatch.rules.RuleCompileException;
import io.sealwatch.rules.RuleEngine;

import java.io.IOException;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything between the parsed command line and the job: load the config, the rules and the
 * signing key (failing fast, exit 2), run the job, print the summary, map the outcome to an exit code.
 */
public final class Launch {
    private Launch() {
    }

    /** What every job needs before any work starts, loaded and checked. */
    public record Prepared(SealwatchConfig config, Signer signer, RuleEngine rules) {
    }

    /**
     * Loads the config, the signing key (unless unsigned) and the rules, failing fast: null after
     * printing why (the caller exits 2). Once the config is valid, Spark and {@code renderers} warm up meanwhile.
     */
    public static Prepared prepare(RunOptions options, PrintStream err, List<Renderer> renderers) {
        SealwatchConfig config;
        long t = Steps.start();
        try {
            config = ConfigLoader.load(options.config(), options.sign());
            Steps.done("config", t);
        } catch (ConfigException e) {
            e.errors().forEach(x -> err.println("sealwatch: " + x));
            return null;
        }
        t = Steps.start();
        Fonts.load();
        Steps.done("fonts", t);
        warmUp(options, renderers);
        Signer signer = null;
        if (options.sign()) {
            SigningSpec spec = config.signing();
            if (spec == null) {
                err.println("sealwatch: " + options.config() + ": no 'signing' section; add one (see the README) "
                        + "or pass --no-sign for an unsigned bundle");
                return null;
            }
            char[] password = options.password() != null ? options.password() : passwordFromEnv(spec);
            if (password == null) {
                err.println("sealwatch: environment variable " + spec.passwordEnv()
                        + " (signing.password-env) is not set; it must hold the keystore password");
                return null;
            }
            try {
                signer = Signer.load(spec.keystore(), password, spec.alias()).withTimestamps(spec.tsaUrl());
            } catch (SigningException e) {
                err.println("sealwatch: " + e.getMessage());
                return null;
            }
        }
        try {
            t = Steps.start();
            RuleEngine rules = RuleEngine.load(options.ruleDirs());
            Steps.done("rules", t);
            return new Prepared(config, signer, rules);
        } catch (RuleCompileException e) {
            err.println("sealwatch: " + e.getMessage());
            return null;
        }
    }

    /**
     * Starts on a background thread what needs no input — the report templates and, for a cluster master (whose
     * executors read the inputs, so the session is needed for certain), Spark's start-up — so it overlaps with
     * loading the key, compiling the rules and reading the inputs. On a local master Spark is left to the step that
     * needs it, if any: a small run needs none, and starting it anyway costs seconds of CPU on a busy machine.
     * Errors are not lost: the job's own calls meet them again and report them.
     */
    private static void warmUp(RunOptions options, List<Renderer> renderers) {
        Thread warm = new Thread(() -> {
            if (!Sparks.isLocal(options.master())) {
                long t = Steps.start();
                try {
                    Sparks.session(options.master(), Job.appJars());
                    Steps.done("warm-up: Spark session (cluster master)", t);
                } catch (RuntimeException e) {
                    // the job starts Spark again and reports the failure
                }
            }
            for (Renderer r : renderers) {
                long t = Steps.start();
                r.prepare();
                Steps.done("warm-up: prepare " + r.getClass().getSimpleName(), t);
            }
        }, "sealwatch-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    public static int run(RunOptions options, PrintStream err) {
        try (OutFolder ignored = OutFolder.claim(options.out(), err)) {   // held: the lock on --out
            Predecessor previous = Series.predecessor(options);
            Prepared prepared = prepare(options, err, Renderers.run());
            if (prepared == null) {
                return ExitCode.USAGE.code();
            }
            Job.Outcome outcome = new Job(err).run(prepared.config(), options, prepared.rules(), prepared.signer(),
                    previous);
            summary(outcome, err);
            return outcome.exit().code();
        } catch (OutFolder.Refused | Series.Refused e) {
            err.println("sealwatch: " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (IOException | SigningException | RuntimeException e) {
            err.println("sealwatch: the evidence bundle could not be produced: " + Failure.describe(e));
            return ExitCode.INCOMPLETE.code();
        }
    }

    /** Why the period ends earlier than asked, for the summaries. */
    static String clampNote(RunInfo info) {
        return "the end asked for, " + info.requestedTo() + ", is in the future: judged up to "
                + info.period().to() + "; what is not yet due is pending";
    }

    private static char[] passwordFromEnv(SigningSpec spec) {
        String value = System.getenv(spec.passwordEnv());
        return value == null ? null : value.toCharArray();
    }

    private static void summary(Job.Outcome outcome, PrintStream err) {
        var result = outcome.result();
        Map<Severity, int[]> counts = new EnumMap<>(Severity.class);
        for (Finding f : result.evaluation().findings()) {
            int[] c = counts.computeIfAbsent(f.severity(), s -> new int[2]);
            c[f.accepted() ? 1 : 0]++;
        }
        err.println();
        err.printf("  %-22s %s%n", "organisation", result.info().organization());
        err.printf("  %-22s %s .. %s%n", "period", result.info().period().from(), result.info().period().to());
        if (result.info().clamped()) {
            err.printf("  %-22s %s%n", "judged as of now", clampNote(result.info()));
        }
        err.printf("  %-22s %d%n", "episodes", result.facts().episodes().size());
        long read = result.inputs().stream().mapToLong(InputFileStats::read).sum();
        long quarantined = result.inputs().stream().mapToLong(InputFileStats::quarantined).sum();
        err.printf("  %-22s %d read, %d quarantined%s%n", "records", read, quarantined,
                quarantined > 0 ? " (reasons in " + outcome.bundle().toAbsolutePath().normalize().resolve("quarantine") + ")" : "");
        for (Severity s : Severity.values()) {
            int[] c = counts.get(s);
            if (c != null) {
                err.printf("  %-22s %d%s%n", "findings " + s.wire(), c[0], c[1] > 0 ? " (+" + c[1] + " accepted)" : "");
            }
        }
        if (!result.info().complete()) {
            err.println("  evidence               INCOMPLETE:");
            result.info().problems().forEach(p -> err.println("    " + p));
        }
        err.printf("  %-22s %s%n", "bundle", outcome.bundle().toAbsolutePath().normalize());
        err.printf("  %-22s %d%n", "exit code", outcome.exit().code());
    }
}
