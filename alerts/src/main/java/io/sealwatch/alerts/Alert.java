package io.sealwatch.alerts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.model.Severity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One alert of the watch service (docs/watch.md, "Alerts"), the same JSON towards every sink.
 *
 * @param id         stable: the same alert always has the same id ({@link #id(AlertKind, String...)}); the
 *                   deduplication key towards every sink
 * @param account    the break-glass account, or null (e.g. for a silent source)
 * @param episode    the episode id, or null
 * @param rule       the rule id of a finding or deadline, or null
 * @param at         when the thing alerted about happened or became certain
 * @param detectedAt when the service saw it
 * @param message    one line for people; may carry strings from logs, so every sink treats it as data
 * @param url        where the status page shows it, or null
 */
public record Alert(String id, AlertKind kind, Severity severity, String account, String episode, String rule,
                    Instant at, Instant detectedAt, String message, String url) {
    private static final JsonFactory JSON = new JsonFactory();

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A stable id: "alert-" and the first 20 hex digits of the SHA-256 of the kind's wire name and the parts, joined
     * by NUL (a null part counts as empty). The caller names what makes the alert itself, e.g. the episode id for
     * {@code episode-started}, or rule, account, episode and decision time for {@code finding}.
     */
    public static String id(AlertKind kind, String... parts) {
        StringBuilder key = new StringBuilder(kind.wire());
        for (String p : parts) {
            key.append('\0').append(p == null ? "" : p);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return "alert-" + HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The canonical JSON, UTF-8, one line: keys in the order id, kind, severity, account, episode, rule, at,
     * detectedAt, message, url; times ISO-8601 in UTC; kind and severity as their wire names; absent values null.
     */
    public byte[] json() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Writes this alert as one JSON object into a generator (for payloads that embed it). */
    public void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("kind", kind.wire());
        g.writeStringField("severity", severity.wire());
        g.writeStringField("account", account);
        g.writeStringField("episode", episode);
        g.writeStringField("rule", rule);
        g.writeStringField("at", at.toString());
        g.writeStringField("detectedAt", detectedAt.toString());
        g.writeStringField("message", message);
        g.writeStringField("url", url);
        g.writeEndObject();
    }

    /** The alert of a {@link #json()} tree (the outbox's journal keeps them so). */
    static Alert parse(JsonNode n) {
        return new Alert(n.get("id").asText(), AlertKind.fromWire(n.get("kind").asText()),
                Severity.fromWire(n.get("severity").asText()), text(n, "account"), text(n, "episode"),
                text(n, "rule"), Instant.parse(n.get("at").asText()), Instant.parse(n.get("detectedAt").asText()),
                n.get("message").asText(), text(n, "url"));
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
