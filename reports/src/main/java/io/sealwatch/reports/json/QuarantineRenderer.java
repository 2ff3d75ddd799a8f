package io.sealwatch.reports.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.sealwatch.model.QuarantineEntry;
import io.sealwatch.result.Renderer;
import io.sealwatch.result.RunResult;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code quarantine/<source>.jsonl}: one file per source type with quarantined records, one JSON object per line
 * ({@code file}, {@code record}, {@code reason}, {@code excerpt}) sorted by {@link QuarantineEntry#ORDER}. No folder
 * when nothing was quarantined. Compact lines (one record a line), so not {@link Json}'s pretty printing.
 */
public final class QuarantineRenderer implements Renderer {

    public static final String NAME = "quarantine-jsonl";
    private static final String DIR = "quarantine";
    private static final ObjectWriter LINE = new ObjectMapper().writer();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> files(RunResult result) {
        return bySource(result).keySet().stream().map(QuarantineRenderer::file).toList();
    }

    @Override
    public void render(RunResult result, Path dir) throws IOException {
        for (Map.Entry<String, List<QuarantineEntry>> e : bySource(result).entrySet()) {
            Path file = dir.resolve(file(e.getKey()));
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (QuarantineEntry q : e.getValue()) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("file", q.file());
                    line.put("record", q.record());
                    line.put("reason", q.reason());
                    line.put("excerpt", q.excerpt());
                    w.write(LINE.writeValueAsString(line));
                    w.write('\n');
                }
            }
        }
    }

    private static String file(String source) {
        return DIR + "/" + source + ".jsonl";
    }

    private static Map<String, List<QuarantineEntry>> bySource(RunResult result) {
        Map<String, List<QuarantineEntry>> out = new TreeMap<>();
        result.quarantine().forEach(q -> out.computeIfAbsent(q.source(), k -> new ArrayList<>()).add(q));
        out.values().forEach(l -> l.sort(QuarantineEntry.ORDER));
        return out;
    }
}
