package io.sealwatch.reports;

import io.sealwatch.reports.catalog.Renderers;
import io.sealwatch.result.Renderer;
import io.sealwatch.result.RunResult;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10 000 episodes through every renderer, with a bounded heap. Too slow for the default suite (about a
 * minute on 2 cores), so it runs on request:
 * {@code mvn -o -pl reports test -Dtest=LargeRunTest -Dsealwatch.large=true -DextraArgLine=-Xmx1g}.
 * Asserts content, never time; prints each renderer's wall and CPU time and peak heap.
 */
@EnabledIfSystemProperty(named = "sealwatch.large", matches = "true")
class LargeRunTest {

    @TempDir
    Path dir;

    @Test
    void tenThousandEpisodes() throws Exception {
        RunResult r = Fixtures.large(10_000);
        for (Renderer renderer : Renderers.run()) {
            // measured for the record (printed, never asserted): wall time and the heap's peak during this renderer
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long t0 = System.nanoTime();
            long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            renderer.render(r, dir);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long cpuMs = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1_000_000;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("LargeRunTest %-13s %6d ms wall %6d ms cpu  peak heap %4d MB%n", renderer.name(), ms, cpuMs,
                    peak >> 20);
            renderer.files(r).forEach(f -> assertTrue(Files.exists(dir.resolve(f)), f));
        }
        try (PDDocument doc = Loader.loadPDF(dir.resolve("report.pdf").toFile())) {
            assertTrue(doc.getNumberOfPages() > 100, "every episode and finding is listed");
        }
    }
}
