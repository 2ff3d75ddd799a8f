package io.sealwatch.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sealwatch review}: the annual review of need. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "The annual review-of-need report per account (annual-review.pdf/.xlsx, signed).",
        footer = {"", "Example:", "  sealwatch review -c sealwatch.yaml --year 2026 --out review-2026"})
public final class ReviewCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, description = "the sealwatch.yaml")
    Path config;
    @Option(names = "--year", required = true, description = "the calendar year to review")
    int year;
    @Option(names = "--out", description = "output folder")
    Path out;

    @Override
    public Integer call() {
        return NotYet.say("review");
    }
}
