package io.sealwatch.alerts;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sealwatch.alerts.DeliveryState.State;
import io.sealwatch.config.AlertSpec;
import io.sealwatch.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.sealwatch.alerts.AlertsTesting.FAST;
import static io.sealwatch.alerts.AlertsTesting.alert;
import static io.sealwatch.alerts.AlertsTesting.metric;
import static io.sealwatch.alerts.AlertsTesting.of;
import static io.sealwatch.alerts.AlertsTesting.until;
import static io.sealwatch.alerts.AlertsTesting.webhook;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OutboxTest {
    private static final String SECRET = "s3cr3t-hook-key";
    private static final Function<String, String> ENV = Map.of("HOOK_SECRET", SECRET)::get;

    @TempDir
    Path dir;

    private Outbox open(List<AlertSpec> sinks, PrometheusRegistry registry) throws Exception {
        return Outbox.open(dir, sinks, ENV, Clock.systemUTC(), registry, FAST);
    }

    @Test
    void webhookBodyIsTheAlertsJsonSignedWithTheSecret() throws Exception {
        try (Receiver signed = Receiver.answering(204); Receiver plain = Receiver.answering(200);
             Outbox outbox = open(List.of(webhook(signed.uri(), "HOOK_SECRET", Severity.HIGH),
                     webhook(plain.uri(), null, Severity.HIGH)), new PrometheusRegistry())) {
            Alert a = alert(1, Severity.CRITICAL);
            assertTrue(outbox.post(a));
            Receiver.Request r = signed.await(1).get(0);
            assertEquals("POST", r.method());
            assertEquals("application/json", r.header("Content-Type"));
            assertArrayEquals(a.json(), r.body());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertEquals("sha256=" + HexFormat.of().formatHex(mac.doFinal(r.body())),
                    r.header("X-Sealwatch-Signature"));
            assertNull(plain.await(1).get(0).header("X-Sealwatch-Signature"), "no secret, no signature");
            until("both delivered", () -> outbox.deliveries().stream().allMatch(d -> d.state() == State.DELIVERED));
        }
    }

    /** The receiver's check of docs/watch.md, word for word, accepts the signature and refuses a changed body. */
    @Test
    void theDocumentedOpensslCheckAcceptsTheSignature() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")) || Files.isExecutable(Path.of("/bin/openssl")),
                "openssl not installed");
        String check = "expected=\"sha256=$(openssl dgst -sha256 -hmac \"$SEALWATCH_HOOK_SECRET\" -r body.json"
                + " | cut -d' ' -f1)\"\n"
                + "[ \"$expected\" = \"$SIGNATURE\" ] && echo valid || echo FORGED\n";
        try (Receiver signed = Receiver.answering(200);
             Outbox outbox = open(List.of(webhook(signed.uri(), "HOOK_SECRET", Severity.HIGH)),
                     new PrometheusRegistry())) {
            outbox.post(alert(1, Severity.HIGH));
            Receiver.Request r = signed.await(1).get(0);
            Files.write(dir.resolve("body.json"), r.body());
            assertEquals("valid", run(check, r.header("X-Sealwatch-Signature")));
            byte[] changed = r.body().clone();
            changed[changed.length / 2] ^= 1;
            Files.write(dir.resolve("body.json"), changed);
            assertEquals("FORGED", run(check, r.header("X-Sealwatch-Signature")));
        }
    }

    private String run(String script, String signature) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("SEALWATCH_HOOK_SECRET", SECRET);
        pb.environment().put("SIGNATURE", signature);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void aKnownIdIsPostedOnceAndMinSeverityFilters() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        try (Receiver all = Receiver.answering(200); Receiver critical = Receiver.answering(200);
             Outbox outbox = open(List.of(webhook(all.uri(), null, Severity.INFO),
                     webhook(critical.uri(), null, Severity.CRITICAL)), registry)) {
            Alert low = alert(1, Severity.LOW);
            assertTrue(outbox.post(low));
            assertFalse(outbox.post(low));
            assertTrue(outbox.post(alert(2, Severity.CRITICAL)));
            all.await(2);
            critical.await(1);
            until("three deliveries", () -> outbox.deliveries().stream().filter(d -> d.state() == State.DELIVERED)
                    .count() == 3);
            assertEquals(List.of(low.id(), alert(2, Severity.CRITICAL).id()),
                    of(outbox, "webhook-0").stream().map(DeliveryState::alertId).toList());
            assertEquals(1, of(outbox, "webhook-1").size(), "the low alert never reached the critical-only sink");
            assertEquals(2, outbox.alerts().size());
            assertEquals(2.0, metric(registry, "sealwatch_alerts_sent", "webhook-0"));
            assertEquals(1.0, metric(registry, "sealwatch_alerts_sent", "webhook-1"));
            assertEquals(2, all.requests().size(), "the repeated post sent nothing");
        }
    }

    @Test
    void aFailingAndAHangingSinkDelayNeitherTheGoodOneNorPost() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        try (Receiver failing = Receiver.answering(500); Receiver hanging = Receiver.answering(Receiver.HANG);
             Receiver good = Receiver.answering(200)) {
            Outbox outbox = open(List.of(webhook(failing.uri(), null, Severity.INFO),
                    webhook(hanging.uri(), null, Severity.INFO), webhook(good.uri(), null, Severity.INFO)), registry);
            for (int i = 0; i < 5; i++) {
                assertTrue(outbox.post(alert(i, Severity.HIGH)));
            }
            // the hanging receiver holds its first request until it is closed: everything the good one gets, it got
            // while the other two sinks were failing or stuck
            assertEquals(5, good.await(5).size());
            until("good sink all delivered", () -> of(outbox, "webhook-2").stream()
                    .allMatch(d -> d.state() == State.DELIVERED));
            assertFalse(hanging.requests().isEmpty(), "the hanging sink was tried");
            assertTrue(of(outbox, "webhook-1").stream().noneMatch(d -> d.state() == State.DELIVERED));
            until("failing sink retried", () -> failing.requests().size() >= 6);
            DeliveryState failed = of(outbox, "webhook-0").get(0);
            assertEquals(State.PENDING, failed.state());
            assertEquals("the receiver answered HTTP 500", failed.lastError());
            assertTrue(metric(registry, "sealwatch_alerts_failed", "webhook-0") >= 1);
            assertEquals(5.0, metric(registry, "sealwatch_outbox_pending", "webhook-1"));
            assertEquals(0.0, metric(registry, "sealwatch_outbox_pending", "webhook-2"));
            outbox.close(); // returns although a send is stuck: the worker is interrupted
            assertTrue(of(outbox, "webhook-1").stream().allMatch(d -> d.state() == State.PENDING));
        }
    }

    @Test
    void retriesUntilTheSinkAcceptsAndCountsEachAttempt() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        try (Receiver flaky = new Receiver(n -> n <= 2 ? 502 : 200);
             Outbox outbox = open(List.of(webhook(flaky.uri(), null, Severity.INFO)), registry)) {
            outbox.post(alert(1, Severity.HIGH));
            until("delivered", () -> of(outbox, "webhook-0").get(0).state() == State.DELIVERED);
            DeliveryState d = of(outbox, "webhook-0").get(0);
            assertEquals(3, d.attempts());
            assertNull(d.lastError());
            assertNull(d.nextAttempt());
            assertEquals(2.0, metric(registry, "sealwatch_alerts_failed", "webhook-0"));
            assertEquals(1.0, metric(registry, "sealwatch_alerts_sent", "webhook-0"));
            assertEquals(3, flaky.requests().size());
        }
    }

    @Test
    void givesUpWhenTheTimeIsUpAndStaysGivenUpAfterARestart() throws Exception {
        Backoff brief = new Backoff(FAST.base(), FAST.cap(), Duration.ofMillis(30));
        try (Receiver down = Receiver.answering(503)) {
            List<AlertSpec> sinks = List.of(webhook(down.uri(), null, Severity.INFO));
            try (Outbox outbox = Outbox.open(dir, sinks, ENV, Clock.systemUTC(), new PrometheusRegistry(), brief)) {
                outbox.post(alert(1, Severity.HIGH));
                until("given up", () -> of(outbox, "webhook-0").get(0).state() == State.GAVE_UP);
                assertNull(of(outbox, "webhook-0").get(0).nextAttempt());
            }
            int attempts = down.requests().size();
            assertTrue(attempts >= 2, "retried before giving up: " + attempts);
            PrometheusRegistry registry = new PrometheusRegistry();
            try (Outbox again = Outbox.open(dir, sinks, ENV, Clock.systemUTC(), registry, brief)) {
                DeliveryState d = of(again, "webhook-0").get(0);
                assertEquals(State.GAVE_UP, d.state());
                assertEquals(attempts, d.attempts());
                assertEquals(0.0, metric(registry, "sealwatch_outbox_pending", "webhook-0"));
            }
        }
    }

    @Test
    void aRestartResendsWhatIsPendingAndNothingDelivered() throws Exception {
        List<Alert> alerts = List.of(alert(1, Severity.HIGH), alert(2, Severity.CRITICAL), alert(3, Severity.HIGH));
        try (Receiver good = Receiver.answering(200); Receiver down = Receiver.answering(500)) {
            List<AlertSpec> before = List.of(hook(good), hook(down));
            try (Outbox outbox = open(before, new PrometheusRegistry())) {
                for (Alert a : alerts) {
                    outbox.post(a);
                }
                good.await(3);
                until("good delivered", () -> delivered(outbox, "webhook-0"));
                until("each tried on the failing sink",
                        () -> of(outbox, "webhook-1").stream().allMatch(d -> d.attempts() > 0));
            }
            try (Receiver back = Receiver.answering(200)) {
                // the same sink (webhook-1), now at a receiver that answers
                List<AlertSpec> after = List.of(hook(good), hook(back));
                PrometheusRegistry registry = new PrometheusRegistry();
                try (Outbox outbox = open(after, registry)) {
                    assertEquals(alerts, outbox.alerts());
                    assertTrue(of(outbox, "webhook-0").stream().allMatch(d -> d.state() == State.DELIVERED),
                            "delivered before the restart, so never queued again");
                    assertEquals(0.0, metric(registry, "sealwatch_outbox_pending", "webhook-0"));
                    assertFalse(outbox.post(alerts.get(0)), "the id is remembered across the restart");
                    Set<String> resent = back.await(3).stream().map(OutboxTest::id).collect(Collectors.toSet());
                    assertEquals(alerts.stream().map(Alert::id).collect(Collectors.toSet()), resent);
                    until("all delivered", () -> delivered(outbox, "webhook-1"));
                    assertTrue(of(outbox, "webhook-1").stream().allMatch(d -> d.attempts() >= 2),
                            "attempts before the restart still count");
                }
            }
            assertEquals(3, good.requests().size());
        }
    }

    static String id(Receiver.Request r) {
        try {
            return Journal.JSON.readTree(r.body()).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AlertSpec hook(Receiver r) {
        return webhook(r.uri(), null, Severity.INFO);
    }

    private static boolean delivered(Outbox outbox, String sink) {
        return of(outbox, sink).stream().allMatch(d -> d.state() == State.DELIVERED);
    }

    @Test
    void aMissingSecretNamesTheSinkAndVariableNeverAValue() {
        AlertSpec slack = new AlertSpec("slack", Severity.HIGH, null, "SLACK_URL", null, null, null, 0, false, null,
                null, null, null, 12);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Outbox.open(dir, List.of(slack), Map.of("SLACK_URL", "")::get, Clock.systemUTC(),
                        new PrometheusRegistry()));
        assertEquals("alert sink slack (config line 12): environment variable SLACK_URL (url-env) is not set or empty",
                missing.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Outbox.open(dir, List.of(slack), Map.of("SLACK_URL", "ftp://T0/B0/xoxb-secret")::get,
                        Clock.systemUTC(), new PrometheusRegistry()));
        assertEquals("alert sink slack (config line 12): the URL in SLACK_URL is not an http or https URL",
                bad.getMessage());
    }

    @Test
    void everySinkTypeIsFoundThroughTheServiceLoader() throws Exception {
        Map<String, String> env = Map.of("URL", "https://hooks.slack.test/x", "PD", "k", "U", "u", "P", "p");
        List<AlertSpec> sinks = List.of(
                new AlertSpec("webhook", Severity.HIGH, "http://127.0.0.1:9/x", null, null, null, null, 0, false, null,
                        null, null, null, 1),
                new AlertSpec("slack", Severity.HIGH, null, "URL", null, null, null, 0, false, null, null, null, null,
                        2),
                new AlertSpec("pagerduty", Severity.HIGH, null, null, null, "PD", null, 0, false, null, null, null,
                        null, 3),
                new AlertSpec("email", Severity.HIGH, null, null, null, null, "127.0.0.1", 25, true, "a@example.com",
                        List.of("b@example.com"), "U", "P", 4));
        PrometheusRegistry registry = new PrometheusRegistry();
        try (Outbox outbox = Outbox.open(dir, sinks, env::get, Clock.systemUTC(), registry)) {
            for (String name : List.of("webhook-0", "slack-1", "pagerduty-2", "email-3")) {
                assertEquals(0.0, metric(registry, "sealwatch_outbox_pending", name));
            }
            assertTrue(outbox.deliveries().isEmpty());
        }
        assertTrue(registry.scrape().size() == 0, "closing unregisters the series, so a reloaded outbox can register");
    }

    @Test
    void aSecondOutboxOnTheSameFolderIsRefused() throws Exception {
        try (Outbox first = open(List.of(), new PrometheusRegistry())) {
            IOException e = assertThrows(IOException.class, () -> open(List.of(), new PrometheusRegistry()));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
            assertTrue(first.alerts().isEmpty());
        }
    }
}
