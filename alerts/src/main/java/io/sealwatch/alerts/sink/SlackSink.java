package io.sealwatch.alerts.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealwatch.alerts.Alert;
import io.sealwatch.alerts.Sink;
import io.sealwatch.alerts.SinkFactory;
import io.sealwatch.config.AlertSpec;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code slack}: an incoming-webhook message {@code {"text": …}}. Slack reads {@code &}, {@code <} and {@code >} as
 * control characters ({@code <!channel>} notifies everyone, {@code <url|label>} disguises a link), so every string
 * in the text is escaped as Slack's formatting reference asks: those three, and only those, as HTML entities.
 */
public final class SlackSink {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackSink() {
    }

    static byte[] body(Alert alert) throws IOException {
        return JSON.writeValueAsBytes(Map.of("text", text(alert)));
    }

    /** Severity, kind and rule, then account and episode, the message, the times and id, and the link. */
    static String text(Alert a) {
        StringBuilder t = new StringBuilder("*[").append(a.severity().wire().toUpperCase(Locale.ROOT)).append("] ")
                .append(a.kind().wire());
        if (a.rule() != null) {
            t.append(' ').append(escape(a.rule()));
        }
        t.append("*");
        if (a.account() != null) {
            t.append(" · account ").append(escape(a.account()));
        }
        if (a.episode() != null) {
            t.append(" · episode ").append(escape(a.episode()));
        }
        t.append('\n').append(escape(a.message())).append("\nat ").append(a.at()).append(", detected ")
                .append(a.detectedAt()).append(" · ").append(a.id());
        if (a.url() != null) {
            t.append('\n').append(escape(a.url()));
        }
        return t.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Registered in {@code META-INF/services/io.sealwatch.alerts.SinkFactory}. */
    public static final class Factory implements SinkFactory {
        @Override
        public String type() {
            return "slack";
        }

        @Override
        public Sink create(AlertSpec spec, Function<String, String> env) {
            return Http.posting(Http.uri(spec, env), SlackSink::body);
        }
    }
}
