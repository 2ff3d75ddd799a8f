package io.sealwatch.cli.command;

import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.cli.job.Launch;
import io.sealwatch.cli.job.ObjectStoreOut;
import io.sealwatch.cli.job.ObjectStoreState;
import io.sealwatch.cli.job.PeriodSpec;
import io.sealwatch.cli.job.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code sealwatch run}: the nightly / quarterly job. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "The nightly/quarterly job: ingest → rebuild episodes → evaluate rules → reports → sign.",
        footer = {"", "Examples:",
                "  SEALWATCH_KEY_PASSWORD=… sealwatch run -c sealwatch.yaml --quarter 2026-Q3 --out q3",
                "  sealwatch run -c sealwatch.yaml --from 2026-07-01 --to 2026-08-01 --no-sign --fail-on high",
                "  sealwatch run -c sealwatch.yaml --master spark://host:7077 --out nightly",
                "  sealwatch run -c sealwatch.yaml --state /var/lib/sealwatch/state --out nightly",
                "  sealwatch run -c sealwatch.yaml --out s3a://evidence-bucket/nightly",
                "  sealwatch run -c sealwatch.yaml --state s3a://evidence-bucket/state --out s3a://evidence-bucket/nightly",
                "  sealwatch run -c sealwatch.yaml --quarter 2026-Q4 --out q4 --previous q3"})
public final class RunCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, description = "the sealwatch.yaml")
    Path config;
    @Option(names = "--from", description = "period start, ISO-8601 (default: start of the quarter)")
    String from;
    @Option(names = "--to", description = "period end and as-of time, exclusive (default: start of today, UTC)")
    String to;
    @Option(names = "--quarter", description = "shorthand for a calendar quarter, e.g. 2026-Q3")
    String quarter;
    @Option(names = "--out", defaultValue = "sealwatch-report", description = "bundle folder, or a Hadoop file-system "
            + "URI such as s3a://bucket/nightly (default ${DEFAULT-VALUE})")
    String out;
    @Option(names = "--state", description = "remember what was read in this folder, or at a Hadoop file-system URI "
            + "such as s3a://bucket/state; later runs read only new or changed input files (nightly use)")
    String state;
    @Option(names = "--previous", paramLabel = "DIR", description = "the bundle this one follows in its series; its "
            + "period and manifest hash go into the new manifest (default: the bundle replaced in --out, else the "
            + "last one remembered in --state)")
    Path previous;

    @Mixin
    SignedJobOptions job;

    @Override
    public Integer call() {
        PeriodSpec.Resolved period;
        try {
            period = PeriodSpec.resolve(from, to, quarter, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            System.err.println("sealwatch run: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        if (state != null && ObjectStoreOut.isUri(state)) {
            return ObjectStoreState.run(state, job.master, local -> run(period, local), System.err);
        }
        return run(period, state == null ? null : Path.of(state));
    }

    /** The run with its state in a local folder (the given one, or where a URI's state was copied to). */
    private int run(PeriodSpec.Resolved period, Path stateDir) {
        Function<Path, RunOptions> into = bundle -> new RunOptions(config, period, bundle, job.master,
                job.failOn.severity(), !job.noSign, job.ruleDirs, stateDir, previous);
        return ObjectStoreOut.isUri(out) ? ObjectStoreOut.run(out, into, System.err)
                : Launch.run(into.apply(Path.of(out)), System.err);
    }
}
