package io.sealwatch.cli.watch;

import io.sealwatch.samples.ExampleCorp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What keeps the service from starting, each with exit 2 and one sentence naming the key, line or variable. */
class WatchStartTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(log, true, StandardCharsets.UTF_8);
    private final TestClock clock = new TestClock(Instant.parse("2026-08-20T12:00:00Z"));

    private Path org(String extra) throws Exception {
        Path config = ExampleCorp.extract(tmp.resolve("org"));
        Files.writeString(config, Files.readString(config) + "\n" + extra);
        return config;
    }

    private int run(Path config, String host, Map<String, String> env) {
        return Watch.run(new Watch.Options(config, host == null ? "127.0.0.1" : host, 0, null, List.of(), false), err,
                clock, env::get);
    }

    @Test
    void aBadConfigNamesItsKeyAndLine() throws Exception {
        Path config = org("watch:\n  poll: often\n");
        int line = Files.readString(config).lines().toList().indexOf("  poll: often") + 1;
        assertEquals(2, run(config, null, Map.of()));
        assertTrue(log.toString().contains(":" + line + ": watch.poll"), log.toString());
    }

    @Test
    void offLoopbackItNeedsATokenInItsVariable() throws Exception {
        Path config = org("");
        assertEquals(2, run(config, "0.0.0.0", Map.of()));
        assertTrue(log.toString().contains("watch.auth-token-env"), log.toString());

        Path withToken = org("watch:\n  auth-token-env: WATCH_TOKEN\n");
        assertEquals(2, run(withToken, "0.0.0.0", Map.of("WATCH_TOKEN", "")));
        assertTrue(log.toString().contains("WATCH_TOKEN (watch.auth-token-env) is not set or empty"), log.toString());
    }

    @Test
    void aSinkWhoseVariableIsMissingStopsTheStart() throws Exception {
        Path config = org("alerts:\n  - { type: webhook, url: \"http://127.0.0.1:9/\", secret-env: HOOK_SECRET }\n");
        int line = Files.readString(config).lines().toList().indexOf("  - { type: webhook, url: \"http://127.0.0.1:9/\","
                + " secret-env: HOOK_SECRET }") + 1;
        assertEquals(2, run(config, null, Map.of()));
        assertTrue(log.toString().contains("alert sink webhook (config line " + line + "): environment variable "
                + "HOOK_SECRET (secret-env) is not set or empty"), log.toString());
    }

    @Test
    void aSecondServiceOnTheSameStateIsRefused() throws Exception {
        Path config = org("");
        try (Service first = Watch.open(new Watch.Options(config, "127.0.0.1", 0, null, List.of(), false), err, clock,
                Map.<String, String>of()::get)) {
            Watch.Refused refused = assertThrows(Watch.Refused.class, () -> Watch.open(
                    new Watch.Options(config, "127.0.0.1", 0, null, List.of(), false), err, clock,
                    Map.<String, String>of()::get));
            assertTrue(refused.getMessage().contains("is used by another service (process "
                    + ProcessHandle.current().pid()), refused.getMessage());
            assertTrue(first.snapshot().healthy());
        }
    }
}
