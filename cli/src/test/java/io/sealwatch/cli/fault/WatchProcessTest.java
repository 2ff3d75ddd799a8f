package io.sealwatch.cli.fault;

import io.sealwatch.samples.ExampleCorp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service as a real process: SIGHUP with a broken config keeps the running one and says why, and
 * SIGTERM — arriving during its first judgement — stops it within 10 s with exit 0, its state lock free
 * for the next start.
 */
class WatchProcessTest {
    @TempDir
    Path tmp;

    @Test
    void hangupReloadsOnlyAValidConfigAndTermStopsCleanly() throws Exception {
        Path config = ExampleCorp.extract(tmp.resolve("org"));
        String classpath = ChildJvm.installed(tmp.resolve("app"));
        Process p = new ProcessBuilder(ChildJvm.command(classpath, List.of("-Xmx1g"),
                List.of("watch", "-c", config.toString(), "--listen", "127.0.0.1:0"))).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuilder all = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        reader.start();
        try {
            await(lines, all, "sealwatch: watching ");
            String good = Files.readString(config);
            Files.writeString(config, good.replace("episode-gap: PT1H", "episode-gap: soon"));
            signal(p, "HUP");
            await(lines, all, "reload refused: 1 problem(s)");
            assertTrue(all.toString().contains("policy.episode-gap: 'soon' is not an ISO-8601 duration"), all.toString());
            Files.writeString(config, good);
            signal(p, "HUP");
            await(lines, all, "sealwatch: reloaded");

            p.destroy();   // SIGTERM, most likely during the judgement the reload asked for
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "stopped within 10 s: " + all);
            assertEquals(0, p.exitValue(), all.toString());
        } finally {
            p.destroyForcibly();
            reader.join();
        }
    }

    private static void signal(Process p, String name) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor());
    }

    /** Reads the child's stderr until a line contains {@code text}. */
    private static void await(BlockingQueue<String> lines, StringBuilder all, String text) throws InterruptedException {
        while (true) {
            String line = lines.poll(5, TimeUnit.MINUTES);
            assertTrue(line != null, "no line with '" + text + "' in: " + all);
            all.append(line).append('\n');
            if (line.contains(text)) {
                return;
            }
        }
    }
}
