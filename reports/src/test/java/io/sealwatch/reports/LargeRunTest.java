package io.sealwatch.reports;

import io.sealwatch.result.RunResult;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10 000 episodes through every renderer, with a bounded heap. Too slow for the default suite (about a
 * minute on 2 cores), so it runs on request:
 * {@code mvn -o -pl reports test -Dtest=LargeRunTest -Dsealwatch.large=true -DextraArgLine=-Xmx1g}.
 * Asserts content, never time.
 */
@EnabledIfSystemProperty(named = "sealwatch.large", matches = "true")
class LargeRunTest {

    @TempDir
    Path dir;

    @Test
    void tenThousandEpisodes() throws Exception {
        RunResult r = Fixtures.large(10_000);
        for (Renderer renderer : Renderers.run()) {
            renderer.render(r, dir);
            renderer.files().forEach(f -> assertTrue(Files.exists(dir.resolve(f)), f));
        }
        try (PDDocument doc = Loader.loadPDF(dir.resolve("report.pdf").toFile())) {
            assertTrue(doc.getNumberOfPages() > 100, "every episode and finding is listed");
        }
    }
}
