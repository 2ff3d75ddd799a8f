package io.sealwatch.reports.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.reports.Fixtures;
import io.sealwatch.result.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonRenderersTest {

    @TempDir
    Path dir;

    @Test
    void findingsJsonHasTheContractFieldsInOrder() throws Exception {
        RunResult r = Fixtures.many();
        String text = Files.readString(Fixtures.render(new FindingsJsonRenderer(), r, dir));
        assertTrue(text.endsWith("]\n"), "trailing newline");
        JsonNode arr = Json.MAPPER.readTree(text);
        assertEquals(r.evaluation().findings().size(), arr.size());
        JsonNode f = arr.get(0);
        List<String> keys = new ArrayList<>();
        f.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("rule", "severity", "account", "episode", "at", "message", "controls", "evidence",
                "accepted", "waiver"), keys);
        assertTrue(f.get("at").asText().endsWith("Z"));
        JsonNode accepted = null;
        for (JsonNode n : arr) {
            if (n.get("accepted").asBoolean()) {
                accepted = n;
            }
        }
        assertEquals("ciso@example.com", accepted.get("waiver").get("approvedBy").asText());
        // a waiver names an account, or for BG-LOG-GAP a source type: both keys, one of them null
        assertEquals(List.of("rule", "account", "source", "until", "reason", "approvedBy"),
                fieldNames(accepted.get("waiver")));
        assertTrue(accepted.get("waiver").get("source").isNull());
        JsonNode ev = f.get("evidence").get(0);
        assertEquals(List.of("source", "file", "record", "eventId"), fieldNames(ev));
    }

    @Test
    void markupInLogDataIsEscaped() throws Exception {
        RunResult r = Fixtures.hostile();
        new FindingsJsonRenderer().render(r, dir);
        new EpisodesJsonRenderer().render(r, dir);
        new OcsfRenderer().render(r, dir);
        for (String f : List.of("findings.json", "episodes.json", "findings.ocsf.jsonl")) {
            String text = Files.readString(dir.resolve(f));
            assertFalse(text.contains("<") || text.contains(">") || text.contains("&"), f);
        }
        String findings = Files.readString(dir.resolve("findings.json"));
        assertTrue(findings.contains("\\u003Cscript\\u003E"), "escaped as unicode");
        assertTrue(Json.MAPPER.readTree(findings).toString().contains("<script>"), "and still the same text once parsed");
    }

    @Test
    void episodesAndRunJson() throws Exception {
        RunResult r = Fixtures.many();
        new EpisodesJsonRenderer().render(r, dir);
        new RunJsonRenderer().render(r, dir);
        JsonNode eps = Json.MAPPER.readTree(dir.resolve("episodes.json").toFile());
        assertEquals(12, eps.size());
        JsonNode e = eps.get(0);
        assertEquals(List.of("id", "account", "classification", "start", "end", "durationSeconds", "sources", "actors",
                "actions", "approvals", "custodians", "incident", "notifications", "rotations", "rotationStatus",
                "state", "carriedOver", "settlesAt", "owed"), fieldNames(e));
        for (int i = 1; i < eps.size(); i++) {
            assertTrue(eps.get(i - 1).get("start").asText().compareTo(eps.get(i).get("start").asText()) <= 0, "sorted by start");
        }
        for (JsonNode ep : eps) {
            // settled before the period end: nothing owed; else it settles after the end and owes what is missing
            boolean settled = "settled".equals(ep.get("state").asText());
            assertEquals(settled, ep.get("settlesAt").asText().compareTo("2026-10-01T00:00:00Z") < 0, ep.toString());
            assertEquals(settled, ep.get("owed").isEmpty(), ep.toString());
        }
        assertTrue(eps.get(4).get("rotations").get("mfa").isNull(), "unrotated credential is null");
        assertEquals("missing", eps.get(4).get("rotationStatus").get("mfa").asText());
        JsonNode run = Json.MAPPER.readTree(dir.resolve("run.json").toFile());
        assertEquals(140, run.get("totals").get("read").asLong());
        assertEquals(List.of("INGEST", "RENDER"), fieldNames(run.get("timings")), "stage order");
        assertEquals("2026-10-01T00:00:00Z", run.get("asOf").asText());
        assertEquals(1, run.get("waivers").get("expired").size());
        assertEquals(List.of("source", "path", "sha256", "bytes", "read", "normalised", "notRelevant", "quarantined",
                "duplicates", "error"), fieldNames(run.get("inputs").get(0)));
    }

    @Test
    void ocsfLinesAreDetectionFindings() throws Exception {
        RunResult r = Fixtures.many();
        List<String> lines = Files.readAllLines(Fixtures.render(new OcsfRenderer(), r, dir));
        assertEquals(r.evaluation().findings().size(), lines.size());
        JsonNode o = Json.MAPPER.readTree(lines.get(0));
        assertEquals(2004, o.get("class_uid").asInt());
        assertEquals(2, o.get("category_uid").asInt());
        assertEquals(1, o.get("activity_id").asInt());
        assertEquals(r.evaluation().findings().get(0).at().toEpochMilli(), o.get("time").asLong());
        assertEquals("Sealwatch", o.get("metadata").get("product").get("name").asText());
        assertEquals(32, o.get("finding_info").get("uid").asText().length());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"severity_id\":5")), "critical maps to 5");
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
