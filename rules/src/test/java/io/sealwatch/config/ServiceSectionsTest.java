package io.sealwatch.config;

import io.sealwatch.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceSectionsTest extends ConfigSectionsCase {
    private static final String BASE = config(List.of(), "");

    ServiceSectionsTest() {
        super(BASE);
    }

    @Test
    void withoutAWatchSectionTheServiceListensOnLoopbackAndKeepsItsStateBesideTheConfig() throws Exception {
        SealwatchConfig c = load("");
        assertEquals("127.0.0.1", c.watch().host());
        assertEquals(8787, c.watch().port());
        assertEquals(Duration.ofSeconds(10), c.watch().poll());
        assertEquals(dir.resolve("state").toAbsolutePath(), c.watch().state());
        assertTrue(c.watch().loopback());
        assertNull(c.watch().nightlyOut());
        assertTrue(c.alerts().isEmpty());
    }

    @Test
    void everyKeyIsRead() throws Exception {
        SealwatchConfig c = load("""
                watch:
                  listen: 0.0.0.0:9000
                  poll: PT5S
                  state: run/state
                  nightly: { at: "03:30", out: bundles/nightly }
                  quarterly: { out: bundles/quarters }
                  auth-token-env: TOKEN
                alerts:
                  - { type: webhook, url: "http://127.0.0.1:9/hook", secret-env: HOOK_SECRET }
                  - { type: slack, url-env: SLACK_URL, min-severity: medium }
                  - { type: pagerduty, routing-key-env: PD_KEY, min-severity: critical }
                  - { type: email, host: 127.0.0.1, port: 2525, starttls: true, from: a@example.com,
                      to: [b@example.com], username-env: U, password-env: P }
                """);
        WatchSpec w = c.watch();
        assertEquals("0.0.0.0", w.host());
        assertEquals(9000, w.port());
        assertFalse(w.loopback());
        assertEquals(Duration.ofSeconds(5), w.poll());
        assertEquals(dir.resolve("run/state").toAbsolutePath(), w.state());
        assertEquals(LocalTime.of(3, 30), w.nightlyAt());
        assertEquals(dir.resolve("bundles/nightly").toAbsolutePath(), w.nightlyOut());
        assertEquals(dir.resolve("bundles/quarters").toAbsolutePath(), w.quarterlyOut());
        assertEquals("TOKEN", w.authTokenEnv());
        assertEquals(List.of("webhook", "slack", "pagerduty", "email"),
                c.alerts().stream().map(AlertSpec::type).toList());
        assertEquals(Severity.HIGH, c.alerts().get(0).minSeverity());
        assertEquals(Severity.MEDIUM, c.alerts().get(1).minSeverity());
        AlertSpec mail = c.alerts().get(3);
        assertEquals(2525, mail.port());
        assertTrue(mail.starttls());
        assertEquals(List.of("b@example.com"), mail.to());
        assertEquals("P", mail.passwordEnv());
    }

    @Test
    void badSinksAndListenAddressesAreNamedWithTheirKey() {
        List<String> e = errors("""
                watch:
                  listen: localhost
                  poll: PT0S
                alerts:
                  - { type: teams, url: "http://x" }
                  - { type: slack }
                  - { type: webhook, url: "http://x", routing-key-env: K }
                  - { type: email, host: h, from: a@example.com }
                  - { type: pagerduty, routing-key-env: K, min-severity: urgent }
                """);
        String all = String.join("\n", e);
        assertTrue(all.contains("watch.listen: 'localhost' is not HOST:PORT"), all);
        assertTrue(all.contains("watch.poll: 'PT0S' must be longer than zero"), all);
        assertTrue(all.contains("alerts[0].type: unknown alert sink 'teams'"), all);
        assertTrue(all.contains("alerts[1]: a slack sink needs exactly one of 'url' and 'url-env'"), all);
        assertTrue(all.contains("alerts[2].routing-key-env: 'routing-key-env' is not a setting of a webhook sink"), all);
        assertTrue(all.contains("alerts[3].to: missing required key 'to'"), all);
        assertTrue(all.contains("alerts[4].min-severity: 'urgent' is not a severity"), all);
        assertEquals(7, e.size(), all);
    }
}
