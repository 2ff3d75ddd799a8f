package io.sealwatch.cli.watch;

import io.sealwatch.cli.Main;
import io.sealwatch.cli.job.Job;
import io.sealwatch.cli.job.OutFolder;
import io.sealwatch.cli.job.PeriodSpec;
import io.sealwatch.cli.job.RunOptions;
import io.sealwatch.config.ConfigLoader;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.model.Severity;
import io.sealwatch.reports.signing.KeyTool;
import io.sealwatch.reports.signing.Signer;
import io.sealwatch.rules.RuleEngine;
import io.sealwatch.samples.ExampleCorp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service writes the nightly bundle at {@code nightly.at} (local time) and a closed quarter's bundle,
 * signed, with findings.json, episodes.json and evidence.xlsx byte-identical to {@code run} over the same
 * period, the next night's chained to the previous one.
 */
class WatchBundlesTest {
    private static final String PASSWORD = "watch-bundles-7c1e";
    private static final List<String> SAME = List.of("findings.json", "episodes.json", "evidence.xlsx");

    @TempDir
    Path tmp;

    @Test
    void nightlyAndQuarterlyBundlesAreThoseOfRun() throws Exception {
        Path config = ExampleCorp.extract(tmp.resolve("org"));
        KeyTool.init(tmp.resolve("org/keys"), PASSWORD.toCharArray());
        Files.writeString(config, Files.readString(config) + """

                watch:
                  nightly: { at: "02:00", out: bundles/nightly }
                  quarterly: { out: bundles/quarters }
                """);
        TestClock clock = new TestClock(Instant.parse("2026-09-30T23:30:00Z"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(log, true, StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("SEALWATCH_KEY_PASSWORD", PASSWORD);
        Path nightly = tmp.resolve("org/bundles/nightly");
        try (Service service = Watch.open(new Watch.Options(config, "127.0.0.1", 0, null, List.of(), false), err, clock,
                env::get)) {
            service.tick();   // 01:30 in Berlin, the config's zone: not yet
            assertFalse(Files.exists(nightly), log.toString());
            assertFalse(Files.exists(tmp.resolve("org/bundles/quarters/2026-Q2")), "closed before the first start");
            clock.set(Instant.parse("2026-10-01T01:30:00Z"));   // 03:30 in Berlin; and Q3 has closed
            service.tick();
            clock.set(Instant.parse("2026-10-02T01:30:00Z"));
            service.tick();
        }
        Path quarter = tmp.resolve("org/bundles/quarters/2026-Q3");
        Path first = nightly.resolve("2026-10-01");
        assertTrue(Files.isRegularFile(quarter.resolve("manifest.json.p7s")), log.toString());
        assertTrue(Files.isRegularFile(first.resolve("manifest.json.p7s")), log.toString());

        Path run = tmp.resolve("run-q3");
        SealwatchConfig loaded = ConfigLoader.load(config, true);
        RunOptions q3 = new RunOptions(config, PeriodSpec.resolve(null, null, "2026-Q3", Clock.systemUTC()), run, null,
                Severity.CRITICAL, true, List.of(), null, null);
        try (OutFolder ignored = OutFolder.claim(run, err)) {
            new Job(new PrintStream(OutputStream.nullOutputStream())).run(loaded, q3, RuleEngine.load(List.of()),
                    Signer.load(loaded.signing().keystore(), PASSWORD.toCharArray(), loaded.signing().alias()), null);
        }
        for (String file : SAME) {
            byte[] expected = Files.readAllBytes(run.resolve(file));
            assertArrayEquals(expected, Files.readAllBytes(quarter.resolve(file)), "quarterly " + file);
            // the night of 2026-10-01 judges the quarter to date as of its start: all of Q3
            assertArrayEquals(expected, Files.readAllBytes(first.resolve(file)), "nightly " + file);
        }
        Path second = nightly.resolve("2026-10-02");
        assertTrue(Files.readString(second.resolve("manifest.json")).contains("\"previous\""),
                "the second night follows the first");
        assertEquals(0, Main.execute("verify", first.toString(), second.toString()), "the chain verifies");
    }
}
