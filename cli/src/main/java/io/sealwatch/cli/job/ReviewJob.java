package io.sealwatch.cli.job;

import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.cli.base.Failure;
import io.sealwatch.reports.catalog.Renderers;
import io.sealwatch.reports.bundle.Bundle;
import io.sealwatch.reports.signing.SigningException;
import io.sealwatch.result.AccountReview;
import io.sealwatch.result.RunInfo;
import io.sealwatch.result.RunResult;
import io.sealwatch.review.AnnualReview;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code sealwatch review}: the year's run (INGEST → RECONSTRUCT → EVALUATE over the calendar year,
 * judged as of its end), then the annual review of need rendered into a signed bundle
 * (annual-review.pdf, annual-review.xlsx, manifest). Exit codes as for {@code run}: 2 for a config,
 * rules or key problem, 3 when an input could not be read or the bundle not written, 1 when an open
 * finding of the year is at or above {@code failOn}.
 */
public final class ReviewJob {

    private ReviewJob() {
    }

    /** {@code options.period()} is the reviewed year; a null {@code options.password()} reads it from the environment. */
    public static int run(RunOptions options, PrintStream err) {
        try (OutFolder claimed = OutFolder.claim(options.out(), err)) {
            Launch.Prepared prepared = Launch.prepare(options, err, Renderers.review());
            if (prepared == null) {
                return ExitCode.USAGE.code();
            }
            RunResult year = new Job(err).analyse(prepared.config(), options, prepared.rules());
            RunResult reviewed = year.withReview(AnnualReview.of(year));
            Bundle.write(reviewed, options.out(), prepared.signer(), Renderers.review());
            ExitCode exit = Job.exitCode(year, options.failOn());
            summary(reviewed, claimed.path(), prepared.signer() != null, exit, err);
            return exit.code();
        } catch (OutFolder.Refused e) {
            err.println("sealwatch: " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (IOException | SigningException | RuntimeException e) {
            err.println("sealwatch: the annual review could not be produced: " + Failure.describe(e));
            return ExitCode.INCOMPLETE.code();
        }
    }

    private static void summary(RunResult reviewed, Path out, boolean signed, ExitCode exit, PrintStream err) {
        RunInfo info = reviewed.info();
        err.println();
        err.printf("  %-24s %s%n", "organisation", info.organization());
        err.printf("  %-24s %d%n", "year", reviewed.review().year());
        if (info.clamped()) {
            err.printf("  %-24s %s%n", "judged as of now", Launch.clampNote(info));
        }
        for (AccountReview a : reviewed.review().accounts()) {
            err.printf("  %-24s %s%n", a.account(), a.recommendation().headline());
        }
        if (!info.complete()) {
            err.println("  evidence                 INCOMPLETE:");
            info.problems().forEach(p -> err.println("    " + p));
        }
        err.printf("  %-24s %s%n", signed ? "signed bundle" : "unsigned bundle", out);
        err.printf("  %-24s %d%n", "exit code", exit.code());
    }
}
