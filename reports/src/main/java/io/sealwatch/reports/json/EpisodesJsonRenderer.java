package io.sealwatch.reports.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.model.CredentialRotation;
import io.sealwatch.model.Episode;
import io.sealwatch.result.EpisodeStatus;
import io.sealwatch.result.OneFileRenderer;
import io.sealwatch.result.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code episodes.json}: the period's episodes sorted by start then id, with the contract's fields
 * plus {@code rotationStatus} (done/late/pending/missing as of the period end).
 */
public final class EpisodesJsonRenderer extends OneFileRenderer {

    public static final String NAME = "episodes-json";
    public static final String FILE = "episodes.json";

    public EpisodesJsonRenderer() {
        super(NAME, FILE);
    }

    @Override
    public void render(RunResult result, Path dir) throws IOException {
        Files.write(dir.resolve(FILE), bytes(result));
    }

    /** The file's bytes; the PDFs attach the same bytes. */
    public static byte[] bytes(RunResult result) throws IOException {
        Instant asOf = result.info().period().asOf();
        Map<String, List<CredentialRotation>> rotations = result.facts().rotations().stream()
                .collect(Collectors.groupingBy(CredentialRotation::episode));
        ArrayNode out = Json.array();
        for (Episode e : sorted(result)) {
            out.add(episode(e, rotations.getOrDefault(e.id(), List.of()), asOf, EpisodeStatus.of(result.facts(), e)));
        }
        return Json.prettyBytes(out);
    }

    public static List<Episode> sorted(RunResult result) {
        return result.facts().episodes().stream().sorted(Episode.ORDER).toList();
    }

    static ObjectNode episode(Episode e, List<CredentialRotation> rotations, Instant asOf, EpisodeStatus status) {
        ObjectNode o = Json.object();
        o.put("id", e.id());
        o.put("account", e.account());
        o.put("classification", e.classification().wire());
        Json.put(o, "start", e.start());
        Json.put(o, "end", e.end());
        o.put("durationSeconds", e.durationSeconds());
        o.set("sources", Json.strings(e.sources()));
        o.set("actors", Json.strings(e.actors()));
        o.put("actions", e.actions());
        o.set("approvals", Json.strings(e.approvals()));
        o.set("custodians", Json.strings(e.custodians()));
        o.put("incident", e.incident());
        ObjectNode n = o.putObject("notifications");
        new TreeMap<>(e.notifications() == null ? Map.<String, Long>of() : e.notifications()).forEach(n::put);
        ObjectNode r = o.putObject("rotations");
        // TreeMap over a copy: the model map may hold null values, which Map.copyOf would reject
        TreeMap<String, Instant> rot = new TreeMap<>();
        if (e.rotations() != null) {
            rot.putAll(e.rotations());
        }
        rot.forEach((k, v) -> Json.put(r, k, v));
        ObjectNode s = o.putObject("rotationStatus");
        rotations.stream().sorted(Comparator.comparing(CredentialRotation::credential))
                .forEach(c -> s.put(c.credential(), c.status(asOf).wire()));
        o.put("state", status.state());
        o.put("carriedOver", status.carriedOver());
        Json.put(o, "settlesAt", status.settlesAt());
        ArrayNode owed = o.putArray("owed");
        status.owed().forEach(w -> {
            ObjectNode item = owed.addObject();
            item.put("what", w.what());
            Json.put(item, "due", w.due());
        });
        return o;
    }
}
