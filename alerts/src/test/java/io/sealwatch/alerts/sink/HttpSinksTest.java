package io.sealwatch.alerts.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealwatch.alerts.Alert;
import io.sealwatch.alerts.AlertKind;
import io.sealwatch.alerts.Receiver;
import io.sealwatch.alerts.Sink;
import io.sealwatch.config.AlertSpec;
import io.sealwatch.model.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Slack and PagerDuty bodies as their documentation describes them, received by a real server on loopback. */
class HttpSinksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A finding whose log-derived strings try Slack's control sequences. */
    private static final Alert PLANTED = new Alert(Alert.id(AlertKind.FINDING, "BG-APPROVAL-MISSING", "ep-7"),
            AlertKind.FINDING, Severity.CRITICAL, "aws-root-breakglass", "ep-7", "BG-APPROVAL-MISSING",
            Instant.parse("2026-07-01T09:15:00Z"), Instant.parse("2026-07-01T09:15:04Z"),
            "no approval for <!channel> & <https://evil.example|your bank> by mallory>", "http://127.0.0.1:8787/#ep-7");

    private static AlertSpec slack(String urlEnv) {
        return new AlertSpec("slack", Severity.HIGH, null, urlEnv, null, null, null, 0, false, null, null, null, null,
                3);
    }

    private static AlertSpec pagerduty(String url) {
        return new AlertSpec("pagerduty", Severity.HIGH, url, null, null, "PD_KEY", null, 0, false, null, null, null,
                null, 4);
    }

    @Test
    void slackGetsOneTextWithEveryControlCharacterEscaped() throws Exception {
        try (Receiver slack = Receiver.answering(200)) {
            Sink sink = new SlackSink.Factory().create(slack("SLACK_URL"),
                    Map.of("SLACK_URL", slack.uri().toString())::get);
            sink.deliver(PLANTED);
            JsonNode body = JSON.readTree(slack.await(1).get(0).body());
            assertEquals(List.of("text"), names(body));
            String text = body.get("text").asText();
            assertFalse(text.contains("<"), text);
            assertFalse(text.contains(">"), text);
            assertTrue(text.contains("no approval for &lt;!channel&gt; &amp; &lt;https://evil.example|your bank&gt;"
                    + " by mallory&gt;"), text);
            assertTrue(text.startsWith("*[CRITICAL] finding BG-APPROVAL-MISSING* · account aws-root-breakglass"
                    + " · episode ep-7\n"), text);
            assertTrue(text.contains(PLANTED.id()), text);
        }
    }

    @Test
    void aFailureNamesTheStatusButNeverTheSecretUrl() throws Exception {
        try (Receiver slack = Receiver.answering(404)) {
            String secretUrl = slack.uri() + "/T000/B000/XXXXsecret";
            Sink sink = new SlackSink.Factory().create(slack("SLACK_URL"), Map.of("SLACK_URL", secretUrl)::get);
            IOException e = assertThrows(IOException.class, () -> sink.deliver(PLANTED));
            assertEquals("the receiver answered HTTP 404", e.getMessage());
        }
        // nothing listens on a closed receiver's port any more: a connection failure, described without the URL
        String gone;
        try (Receiver r = Receiver.answering(200)) {
            gone = r.uri() + "/T000/B000/XXXXsecret";
        }
        Sink sink = new SlackSink.Factory().create(slack("SLACK_URL"), Map.of("SLACK_URL", gone)::get);
        IOException e = assertThrows(IOException.class, () -> sink.deliver(PLANTED));
        assertFalse(e.getMessage().contains("XXXXsecret"), e.getMessage());
    }

    @Test
    void pagerDutyGetsAnEventsApiV2Trigger() throws Exception {
        try (Receiver pd = Receiver.answering(202)) {
            Sink sink = new PagerDutySink.Factory().create(pagerduty(pd.uri().toString()),
                    Map.of("PD_KEY", "R0UTINGKEY")::get);
            sink.deliver(PLANTED);
            Receiver.Request r = pd.await(1).get(0);
            assertEquals("application/json", r.header("Content-Type"));
            JsonNode e = JSON.readTree(r.body());
            assertEquals("R0UTINGKEY", e.get("routing_key").asText());
            assertEquals("trigger", e.get("event_action").asText());
            assertEquals(PLANTED.id(), e.get("dedup_key").asText());
            JsonNode p = e.get("payload");
            assertEquals("[critical] finding BG-APPROVAL-MISSING aws-root-breakglass: " + PLANTED.message(),
                    p.get("summary").asText());
            assertEquals("sealwatch", p.get("source").asText());
            assertEquals("critical", p.get("severity").asText());
            assertEquals("2026-07-01T09:15:00Z", p.get("timestamp").asText());
            assertEquals("aws-root-breakglass", p.get("component").asText());
            assertEquals("ep-7", p.get("group").asText());
            assertEquals("finding", p.get("class").asText());
            assertEquals(JSON.readTree(PLANTED.json()), p.get("custom_details"));
            assertEquals(PLANTED.url(), e.get("links").get(0).get("href").asText());
        }
    }

    @Test
    void pagerDutyCountsOnly202AsTaken() throws Exception {
        try (Receiver pd = Receiver.answering(200)) {
            Sink sink = new PagerDutySink.Factory().create(pagerduty(pd.uri().toString()), Map.of("PD_KEY", "k")::get);
            assertThrows(IOException.class, () -> sink.deliver(PLANTED));
        }
    }

    @Test
    void pagerDutySummaryIsCutAt1024AndSeveritiesMap() {
        Alert longOne = new Alert(PLANTED.id(), AlertKind.FINDING, Severity.LOW, null, null, null, PLANTED.at(),
                PLANTED.detectedAt(), "x".repeat(1020) + "\uD83D\uDE00" + "y".repeat(100), null);
        String s = PagerDutySink.summary(longOne);
        assertTrue(s.length() <= PagerDutySink.MAX_SUMMARY, "length " + s.length());
        assertFalse(Character.isHighSurrogate(s.charAt(s.length() - 2)), "no half surrogate pair before the ellipsis");
        assertEquals(List.of("critical", "error", "warning", "info", "info"),
                List.of(Severity.values()).stream().map(PagerDutySink::severity).toList());
    }

    private static List<String> names(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
