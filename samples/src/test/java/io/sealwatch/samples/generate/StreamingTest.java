package io.sealwatch.samples.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generator writes file by file: 200 k events fit in a JVM whose heap could not hold them (about
 * 250 MB of JSON). No time or memory figure is asserted; only that the run completes.
 */
class StreamingTest {
    @TempDir
    Path dir;

    @Test
    void generatesTwoHundredThousandEventsInASmallHeap() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(List.of(java.toString(), "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), SmallHeapMain.class.getName(), dir.resolve("out").toString(),
                "200000", "7", "3"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = child.waitFor();
        String output = Files.readString(log);
        assertEquals(0, exit, output);
        assertTrue(output.contains("events=200000"), output);
        assertTrue(Files.isRegularFile(dir.resolve("out/expected-findings.json")));
    }
}
