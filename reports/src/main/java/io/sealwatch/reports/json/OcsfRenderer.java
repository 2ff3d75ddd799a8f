package io.sealwatch.reports.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.model.Finding;
import io.sealwatch.model.Severity;
import io.sealwatch.result.OneFileRenderer;
import io.sealwatch.result.RunResult;
import io.sealwatch.rules.RuleMeta;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code findings.ocsf.jsonl}: one OCSF 1.3 Detection Finding (class 2004) per finding, for SIEM import.
 * {@code finding_info.uid} is a hash of the finding's identity, so it is stable across runs.
 */
public final class OcsfRenderer extends OneFileRenderer {

    public static final String NAME = "ocsf";
    public static final String FILE = "findings.ocsf.jsonl";

    public OcsfRenderer() {
        super(NAME, FILE);
    }
    static final String OCSF_VERSION = "1.3.0";

    @Override
    public void render(RunResult result, Path dir) throws IOException {
        Map<String, RuleMeta> rules = result.rules().stream()
                .collect(Collectors.toMap(RuleMeta::id, Function.identity(), (a, b) -> a));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(FILE)))) {
            for (Finding f : result.views().findings()) {
                Json.writeLine(event(f, rules.get(f.rule()), result.info().engineVersion()), out);
            }
        }
    }

    static ObjectNode event(Finding f, RuleMeta meta, String version) {
        ObjectNode o = Json.object();
        o.put("class_uid", 2004);
        o.put("class_name", "Detection Finding");
        o.put("category_uid", 2);
        o.put("category_name", "Findings");
        o.put("activity_id", 1);
        o.put("activity_name", "Create");
        o.put("type_uid", 200401);
        o.put("severity_id", severityId(f.severity()));
        o.put("severity", capitalised(f.severity()));
        o.put("time", f.at().toEpochMilli());
        // OCSF status: 1 New, 3 Suppressed (an accepted waiver)
        o.put("status_id", f.accepted() ? 3 : 1);
        o.put("status", f.accepted() ? "Suppressed" : "New");
        o.put("message", f.message());
        ObjectNode info = o.putObject("finding_info");
        info.put("uid", uid(f));
        info.put("title", meta == null ? f.rule() : meta.title());
        info.put("desc", f.message());
        info.set("types", Json.strings(List.of(f.rule())));
        ObjectNode metadata = o.putObject("metadata");
        metadata.put("version", OCSF_VERSION);
        ObjectNode product = metadata.putObject("product");
        product.put("name", "Sealwatch");
        product.put("vendor_name", "Sealwatch");
        product.put("version", version);
        ObjectNode unmapped = o.putObject("unmapped");
        unmapped.put("rule", f.rule());
        unmapped.put("account", f.account());
        unmapped.put("episode", f.episode());
        unmapped.set("controls", Json.strings(f.controls()));
        ArrayNode ev = unmapped.putArray("evidence");
        if (f.evidence() != null) {
            f.evidence().forEach(r -> ev.add(Json.ref(r)));
        }
        return o;
    }

    static int severityId(Severity s) {
        return switch (s) {
            case CRITICAL -> 5;
            case HIGH -> 4;
            case MEDIUM -> 3;
            case LOW -> 2;
            case INFO -> 1;
        };
    }

    private static String capitalised(Severity s) {
        return s == Severity.INFO ? "Informational" : s.wire().substring(0, 1).toUpperCase(Locale.ROOT) + s.wire().substring(1);
    }

    private static String uid(Finding f) {
        String key = f.rule() + "\n" + f.account() + "\n" + f.episode() + "\n" + f.at() + "\n" + f.message();
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
