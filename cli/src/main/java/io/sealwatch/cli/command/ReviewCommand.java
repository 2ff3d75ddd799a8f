package io.sealwatch.cli.command;

import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.cli.job.PeriodSpec;
import io.sealwatch.cli.job.ReviewJob;
import io.sealwatch.cli.job.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code sealwatch review}: the annual review of need. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "The annual review-of-need report per account (annual-review.pdf/.xlsx, signed): uses in the "
                + "year, findings, privileges, custodians, drills, last review, and a retain / reduce scope / retire "
                + "recommendation with its reasons (docs/annual-review.md).",
        footer = {"", "Examples:",
                "  SEALWATCH_KEY_PASSWORD=… sealwatch review -c sealwatch.yaml --year 2026 --out review-2026",
                "  sealwatch review -c sealwatch.yaml --year 2026 --no-sign"})
public final class ReviewCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, description = "the sealwatch.yaml")
    Path config;
    @Option(names = "--year", required = true, description = "the calendar year to review (UTC), e.g. 2026")
    int year;
    @Option(names = "--out", description = "bundle folder (default: sealwatch-review-<year>)")
    Path out;
    @Mixin
    SignedJobOptions job;

    @Override
    public Integer call() {
        if (year < 1970 || year > 9998) {
            System.err.println("sealwatch review: --year " + year + " is not a year between 1970 and 9998");
            return ExitCode.USAGE.code();
        }
        PeriodSpec.Resolved period;
        try {
            period = PeriodSpec.year(year, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            System.err.println("sealwatch review: --year " + year + ": " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        Path bundle = out != null ? out : Path.of("sealwatch-review-" + year);
        return ReviewJob.run(new RunOptions(config, period, bundle, job.master, job.failOn.severity(), !job.noSign,
                job.ruleDirs, null, null), System.err);
    }
}
