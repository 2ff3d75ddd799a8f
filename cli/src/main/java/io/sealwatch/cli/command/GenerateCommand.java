package io.sealwatch.cli.command;

import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.samples.generate.Generator;
import io.sealwatch.samples.generate.GeneratorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/** {@code sealwatch generate}: synthetic multi-source logs with planted episodes. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Realistic multi-source synthetic logs with planted episodes, for demos and benchmarks.",
                "Writes logs/ (CloudTrail, Okta, Entra, GCP, Vault, evidence), sealwatch.yaml (no signing section: "
                        + "run it with --no-sign), expected-findings.json and planted-episodes.json."},
        footer = {"", "Example:", "  sealwatch generate --out /tmp/org --events 1000000 --days 90 --seed 7",
                "  sealwatch run -c /tmp/org/sealwatch.yaml --from 2026-07-03 --to 2026-10-01 --no-sign"})
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "output folder")
    Path out;
    @Option(names = "--events", defaultValue = "100000", description = "number of events (default ${DEFAULT-VALUE})")
    long events;
    @Option(names = "--days", defaultValue = "30", description = "days of history (default ${DEFAULT-VALUE})")
    int days;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--end", defaultValue = "2026-10-01",
            description = "exclusive end of the period, a UTC date (default ${DEFAULT-VALUE}: the period ends with "
                    + "2026-09-30)")
    String end;

    @Override
    public Integer call() {
        GeneratorOptions options;
        try {
            options = new GeneratorOptions(out, events, days, seed, endInstant());
        } catch (IllegalArgumentException e) {
            System.err.println("sealwatch generate: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        System.err.println("Generating " + events + " events over " + days + " days [" + options.start() + ", "
                + options.end() + ") into " + out + " ...");
        try {
            Generator.Summary s = Generator.generate(options);
            System.err.println("Wrote " + s.events() + " events in " + s.files() + " files, " + s.episodes()
                    + " planted episodes, " + s.expected() + " expected findings.");
            System.err.println("Run: sealwatch run -c " + s.config() + " --from " + s.from() + " --to " + s.to()
                    + " --no-sign");
            return ExitCode.OK.code();
        } catch (IOException e) {
            System.err.println("sealwatch generate: cannot write " + out + ": " + e.getMessage());
            return ExitCode.INCOMPLETE.code();
        }
    }

    private Instant endInstant() {
        try {
            return LocalDate.parse(end.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(end.trim());
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("--end '" + end + "' is not a date such as 2026-10-01");
            }
        }
    }
}
