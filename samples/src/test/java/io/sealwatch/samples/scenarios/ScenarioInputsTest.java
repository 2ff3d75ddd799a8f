package io.sealwatch.samples.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The committed scenario inputs are exactly what {@link ScenarioInputs} writes: every {@code sealwatch.yaml},
 * {@code scenario.properties}, {@code logs/} and {@code late/} file under {@code samples/scenarios}, byte for byte,
 * and no other. Run with {@code -Dscenarios.update=true} to rewrite them after changing a scenario.
 */
class ScenarioInputsTest {
    private static final Path COMMITTED = Path.of("scenarios");

    @Test
    void committedInputsAreWhatTheWriterWrites(@TempDir Path tmp) throws IOException {
        if (Boolean.getBoolean("scenarios.update")) {
            for (Path p : inputs(COMMITTED).values()) {
                Files.delete(p);
            }
            ScenarioInputs.writeAll(COMMITTED);
        }
        ScenarioInputs.writeAll(tmp);
        TreeMap<String, Path> written = inputs(tmp);
        TreeMap<String, Path> committed = inputs(COMMITTED);
        List<String> missing = new ArrayList<>(committed.keySet());
        missing.removeAll(written.keySet());
        List<String> extra = new ArrayList<>(written.keySet());
        extra.removeAll(committed.keySet());
        List<String> differ = new ArrayList<>();
        for (String file : committed.keySet()) {
            if (written.containsKey(file) && Files.mismatch(committed.get(file), written.get(file)) >= 0) {
                differ.add(file);
            }
        }
        assertEquals(List.of(), missing, "committed files the writer does not write");
        assertEquals(List.of(), extra, "files the writer writes that are not committed");
        assertEquals(List.of(), differ, "files whose bytes differ from what the writer writes");
        assertTrue(committed.size() > 200, "the inputs of every scenario: " + committed.size());
    }

    /** The input files under {@code root} by relative path: everything but the recorded {@code expected/} findings. */
    private static TreeMap<String, Path> inputs(Path root) throws IOException {
        TreeMap<String, Path> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).forEach(p -> {
                Path rel = root.relativize(p);
                if (rel.getNameCount() > 1 && !"expected".equals(rel.getName(1).toString())
                        && !"README.md".equals(rel.toString())) {
                    files.put(rel.toString().replace('\\', '/'), p);
                }
            });
        }
        return files;
    }
}
