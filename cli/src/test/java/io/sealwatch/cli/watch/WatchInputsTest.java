package io.sealwatch.cli.watch;

import io.sealwatch.samples.ExampleCorp;
import io.sealwatch.web.AlertRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the service cannot read does not stop it: a source whose folder is gone and a truncated file are
 * {@code input-error} alerts, a source with no event for longer than log-gap a {@code source-silent} one,
 * each raised once however often it is judged again, and the status says what is wrong.
 */
class WatchInputsTest {
    @TempDir
    Path tmp;

    @Test
    void unreadableInputsAndSilentSourcesAreAlertedAndTheServiceGoesOn() throws Exception {
        Path config = ExampleCorp.extract(tmp.resolve("org"));
        Files.writeString(config, Files.readString(config).replace("sources:\n",
                "sources:\n  - { type: okta-system-log, path: \"unmounted/okta/*.json\" }\n"));
        Path day = tmp.resolve("org/logs/cloudtrail/AWSLogs/111122223333/CloudTrail/us-east-1/2026/08/08");
        byte[] whole;
        try (var list = Files.list(day)) {
            whole = Files.readAllBytes(list.findFirst().orElseThrow());
        }
        Files.write(day.resolve("111122223333_CloudTrail_us-east-1_20260808T2359Z_cut.json.gz"),
                Arrays.copyOf(whole, whole.length / 2));   // a delivery cut short
        // the Google Cloud audit sink is silent from 2026-08-08 to 08-10 in the sample
        TestClock clock = new TestClock(Instant.parse("2026-08-09T12:00:00Z"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(log, true, StandardCharsets.UTF_8);
        try (Service service = Watch.open(new Watch.Options(config, "127.0.0.1", 0, null, List.of(), false), err, clock,
                Map.<String, String>of()::get)) {
            assertTrue(service.tick());
            List<AlertRow> alerts = service.snapshot().alerts();
            assertTrue(alerts.stream().anyMatch(a -> a.kind().equals("input-error")
                    && a.message().contains("unmounted/okta/*.json")), alerts.toString());
            assertTrue(alerts.stream().anyMatch(a -> a.kind().equals("input-error")
                    && a.message().contains("20260808T2359Z_cut.json.gz (aws-cloudtrail) could not be read")),
                    alerts.toString());
            assertTrue(alerts.stream().anyMatch(a -> a.kind().equals("source-silent")
                    && a.message().startsWith("Source gcp-audit has no events since 2026-08-08")), alerts.toString());
            assertFalse(service.snapshot().healthy(), "the status says the evidence is incomplete");
            assertTrue(service.snapshot().sources().stream().anyMatch(s -> s.type().equals("gcp-audit") && s.silent()));

            clock.set(Instant.parse("2026-08-09T13:30:00Z"));   // judged again an hour later: nothing new to say
            assertTrue(service.tick());
            assertEquals(alerts, service.snapshot().alerts());
        }
    }
}
