package io.sealwatch.cli.fault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.samples.ExampleCorp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real application in its own JVM, killed with SIGKILL before its first stage and right after
 * each stage's progress line: {@code --out} never shows a partial bundle (it keeps the previous
 * complete one), and the next uninterrupted run removes the leftovers and produces the same bundle
 * as a run that was never interrupted.
 */
class CrashSafetyTest {
    /**
     * The progress line after which the process is killed; null: as soon as it holds {@code --out}'s lock. After
     * RENDER (printed as SIGN begins) the half-made bundle is in its hidden sibling folder.
     */
    static final List<String> KILL_AFTER = java.util.Arrays.asList(null, "INGEST", "RECONSTRUCT", "EVALUATE", "RENDER");

    @TempDir
    Path tmp;

    @Test
    void aKilledRunLeavesThePreviousBundleAndTheNextRunCleansUp() throws Exception {
        Path config = ExampleCorp.extract(tmp.resolve("org"));
        Path out = tmp.resolve("bundle");
        Path reference = tmp.resolve("reference");
        assertEquals(ExitCode.FINDINGS.code(), run(config, reference, "2026-10-01").exit());
        // the previous night's complete bundle (a shorter period, so it differs from the new one)
        assertEquals(ExitCode.FINDINGS.code(), run(config, out, "2026-09-01").exit());
        Map<String, String> previous = snapshot(out);
        String classpath = ChildJvm.installed(tmp.resolve("app"));

        for (String stage : KILL_AFTER) {
            Process p = start(config, out, classpath);
            try {
                awaitKillPoint(p, stage, out);
            } finally {
                p.destroyForcibly();
                p.waitFor();
            }
            assertTrue(!Files.exists(out) || snapshot(out).equals(previous),
                    "after a kill " + (stage == null ? "before the first stage" : "after " + stage)
                            + " --out holds the previous complete bundle or nothing");
        }
        assertFalse(stale(out).isEmpty(), "the run killed while signing left its half-made bundle behind");

        FaultKit.Cli again = run(config, out, "2026-10-01");
        assertEquals(ExitCode.FINDINGS.code(), again.exit(), again.err());
        assertEquals(List.of(), stale(out), "the next run removed what the killed ones left");
        for (String f : List.of("findings.json", "episodes.json", "evidence.xlsx")) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        ObjectNode want = (ObjectNode) FaultKit.json(reference.resolve("run.json"));
        ObjectNode got = (ObjectNode) FaultKit.json(out.resolve("run.json"));
        want.remove("timings");
        got.remove("timings");
        assertEquals(want, got, "run.json differs only in its timings");
        assertEquals(ExitCode.OK.code(), FaultKit.cli("verify", "--allow-unsigned", out.toString()).exit());
    }

    private static FaultKit.Cli run(Path config, Path out, String to) {
        return FaultKit.cli("run", "-c", config.toString(), "--from", "2026-07-01", "--to", to, "--out",
                out.toString(), "--no-sign");
    }

    private static Process start(Path config, Path out, String classpath) throws IOException {
        return new ProcessBuilder(ChildJvm.command(classpath, List.of("-Xmx1g"), List.of("run", "-c",
                config.toString(), "--from", "2026-07-01", "--to", "2026-10-01", "--out", out.toString(),
                "--no-sign"))).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Waits for the progress line of {@code stage} on the child's stderr (or, for null, its claim of --out). */
    private static void awaitKillPoint(Process p, String stage, Path out) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuilder seen = new StringBuilder();
        Thread reader = new Thread(() -> pump(p.getErrorStream(), lines), "child-stderr");
        reader.setDaemon(true);
        reader.start();
        while (true) {
            if (stage == null && FaultKit.claimed(out, p.pid())) {
                return;
            }
            String line = lines.poll(50, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.append(line).append('\n');
                if (stage != null && line.startsWith(stage + " ")) {
                    return;
                }
            }
            if (line == null && !p.isAlive() && lines.isEmpty()) {
                throw new AssertionError("the run ended (exit " + p.exitValue() + ") before "
                        + (stage == null ? "it claimed --out" : stage) + ":\n" + seen);
            }
        }
    }

    private static void pump(InputStream in, BlockingQueue<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l);
            }
        } catch (IOException e) {
            // the process was killed
        }
    }

    /**
     * The hidden siblings of {@code out} a run works in: {@code .<out>.tmp-*}, {@code .old-*}
     * (not the lock file, which stays).
     */
    private static List<String> stale(Path out) throws IOException {
        String prefix = "." + out.getFileName() + ".";
        try (var list = Files.list(out.getParent())) {
            return list.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && !n.equals(prefix + "lock")).sorted().toList();
        }
    }

    /** Relative path -> sha-256 of every file of a bundle. */
    private static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }
}
