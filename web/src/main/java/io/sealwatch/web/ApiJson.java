package io.sealwatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.reports.json.EpisodesJsonRenderer;
import io.sealwatch.reports.json.FindingsJsonRenderer;
import io.sealwatch.reports.json.Json;
import io.sealwatch.result.RunResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The bodies of {@code /api/*}. Episodes and findings are the bundle's own renderers' bytes, so the API and
 * {@code episodes.json}/{@code findings.json} cannot drift apart; alerts and sources are written with the same
 * Jackson set-up ({@link Json}: {@code < > &} escaped, ISO-8601 instants, fields in a fixed order).
 */
final class ApiJson {

    private static final byte[] EMPTY = "[]\n".getBytes(StandardCharsets.UTF_8);

    private ApiJson() {
    }

    /** {@code episodes.json} of the latest judgement; an empty array before the first. */
    static byte[] episodes(RunResult result) {
        try {
            return result == null ? EMPTY.clone() : EpisodesJsonRenderer.bytes(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code findings.json} of the latest judgement; an empty array before the first. */
    static byte[] findings(RunResult result) {
        try {
            return result == null ? EMPTY.clone() : FindingsJsonRenderer.bytes(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The alerts raised, each with the fields the sinks receive, oldest first. */
    static byte[] alerts(StatusSnapshot s) {
        ArrayNode alerts = Json.array();
        for (AlertRow a : s.alerts()) {
            ObjectNode o = alerts.addObject();
            o.put("id", a.id());
            o.put("kind", a.kind());
            o.put("severity", a.severity());
            o.put("account", a.account());
            o.put("episode", a.episode());
            o.put("rule", a.rule());
            Json.put(o, "at", a.at());
            Json.put(o, "detectedAt", a.detectedAt());
            o.put("message", a.message());
            o.put("url", a.url());
        }
        return pretty(alerts);
    }

    /** The outbox: one delivery per alert and sink, with its state and attempts. */
    static byte[] outbox(StatusSnapshot s) {
        ArrayNode outbox = Json.array();
        for (OutboxRow r : s.outbox()) {
            ObjectNode o = outbox.addObject();
            o.put("alertId", r.alertId());
            o.put("kind", r.kind());
            o.put("severity", r.severity());
            o.put("sink", r.sink());
            o.put("state", r.state());
            o.put("attempts", r.attempts());
            Json.put(o, "lastAttempt", r.lastAttempt());
            o.put("lastError", r.lastError());
            Json.put(o, "nextAttempt", r.nextAttempt());
        }
        return pretty(outbox);
    }

    /** One object per configured source; {@code lagSeconds} is null until the source has shown an event. */
    static byte[] sources(StatusSnapshot s) {
        ArrayNode out = Json.array();
        for (SourceRow r : s.sources()) {
            ObjectNode o = out.addObject();
            o.put("type", r.type());
            o.put("path", r.path());
            o.put("files", r.files());
            o.put("records", r.records());
            Json.put(o, "lastFileAt", r.lastFileAt());
            Json.put(o, "lastEventAt", r.lastEventAt());
            if (r.lag() == null) {
                o.putNull("lagSeconds");
            } else {
                o.put("lagSeconds", r.lag().toSeconds());
            }
            o.put("silent", r.silent());
            o.put("lastError", r.lastError());
        }
        return pretty(out);
    }

    private static byte[] pretty(JsonNode node) {
        try {
            return Json.prettyBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
