package io.sealwatch.reports.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.model.Waiver;
import io.sealwatch.model.Finding;
import io.sealwatch.result.OneFileRenderer;
import io.sealwatch.result.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code findings.json}: every finding in {@link Finding#ORDER}, waived ones included and marked. */
public final class FindingsJsonRenderer extends OneFileRenderer {

    public static final String NAME = "findings-json";
    public static final String FILE = "findings.json";

    public FindingsJsonRenderer() {
        super(NAME, FILE);
    }

    @Override
    public void render(RunResult result, Path dir) throws IOException {
        Files.write(dir.resolve(FILE), bytes(result));
    }

    /** The file's bytes; the PDFs attach the same bytes. */
    public static byte[] bytes(RunResult result) throws IOException {
        ArrayNode out = Json.array();
        sorted(result).forEach(f -> out.add(finding(f)));
        return Json.prettyBytes(out);
    }

    public static List<Finding> sorted(RunResult result) {
        return result.evaluation().findings().stream().sorted(Finding.ORDER).toList();
    }

    static ObjectNode finding(Finding f) {
        ObjectNode o = Json.object();
        o.put("rule", f.rule());
        o.put("severity", f.severity().wire());
        o.put("account", f.account());
        o.put("episode", f.episode());
        Json.put(o, "at", f.at());
        o.put("message", f.message());
        o.set("controls", Json.strings(f.controls()));
        ArrayNode ev = o.putArray("evidence");
        if (f.evidence() != null) {
            f.evidence().forEach(r -> ev.add(Json.ref(r)));
        }
        o.put("accepted", f.accepted());
        if (f.waiver() == null) {
            o.putNull("waiver");
        } else {
            o.set("waiver", waiver(f.waiver()));
        }
        return o;
    }

    static ObjectNode waiver(Waiver w) {
        ObjectNode o = Json.object();
        o.put("rule", w.rule());
        o.put("account", w.account());
        o.put("source", w.source());
        Json.put(o, "until", w.until());
        o.put("reason", w.reason());
        o.put("approvedBy", w.approvedBy());
        return o;
    }
}
