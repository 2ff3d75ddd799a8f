package io.sealwatch.alerts.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.alerts.Alert;
import io.sealwatch.alerts.Sink;
import io.sealwatch.alerts.SinkFactory;
import io.sealwatch.config.AlertSpec;
import io.sealwatch.model.Severity;

import java.io.IOException;
import java.net.URI;
import java.util.function.Function;

/**
 * {@code pagerduty}: an Events API v2 {@code trigger} with {@code dedup_key} = the alert id, so that PagerDuty folds a
 * repeated delivery into the same alert. PagerDuty answers 202 when it has taken the event.
 */
public final class PagerDutySink {
    static final String ENDPOINT = "https://events.pagerduty.com/v2/enqueue";
    static final int MAX_SUMMARY = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PagerDutySink() {
    }

    static byte[] body(Alert a, String routingKey) throws IOException {
        ObjectNode event = JSON.createObjectNode().put("routing_key", routingKey).put("event_action", "trigger")
                .put("dedup_key", a.id()).put("client", "Sealwatch");
        ObjectNode payload = event.putObject("payload").put("summary", summary(a)).put("source", "sealwatch")
                .put("severity", severity(a.severity())).put("timestamp", a.at().toString());
        if (a.account() != null) {
            payload.put("component", a.account());
        }
        if (a.episode() != null) {
            payload.put("group", a.episode()); // the alerts of one use of the account belong together
        }
        payload.put("class", a.kind().wire());
        payload.set("custom_details", JSON.readTree(a.json()));
        if (a.url() != null) {
            event.put("client_url", a.url());
            event.putArray("links").addObject().put("href", a.url()).put("text", "Sealwatch status page");
        }
        return JSON.writeValueAsBytes(event);
    }

    /** PagerDuty's four severities. */
    static String severity(Severity s) {
        return switch (s) {
            case CRITICAL -> "critical";
            case HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "info";
        };
    }

    /** "[severity] kind rule account: message", at most 1024 characters (PagerDuty's limit), never half a pair. */
    static String summary(Alert a) {
        StringBuilder s = new StringBuilder("[").append(a.severity().wire()).append("] ").append(a.kind().wire());
        if (a.rule() != null) {
            s.append(' ').append(a.rule());
        }
        if (a.account() != null) {
            s.append(' ').append(a.account());
        }
        s.append(": ").append(a.message());
        if (s.length() <= MAX_SUMMARY) {
            return s.toString();
        }
        int end = Character.isHighSurrogate(s.charAt(MAX_SUMMARY - 2)) ? MAX_SUMMARY - 2 : MAX_SUMMARY - 1;
        return s.substring(0, end) + "…";
    }

    /** Registered in {@code META-INF/services/io.sealwatch.alerts.SinkFactory}. */
    public static final class Factory implements SinkFactory {
        @Override
        public String type() {
            return "pagerduty";
        }

        @Override
        public Sink create(AlertSpec spec, Function<String, String> env) {
            String key = SinkFactory.required(spec, env, "routing-key-env", spec.routingKeyEnv());
            URI uri = Http.checked(spec, spec.url() == null ? ENDPOINT : spec.url(), "'url'");
            return Http.posting(uri, alert -> body(alert, key), 202);
        }
    }
}
