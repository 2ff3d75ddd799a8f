package io.sealwatch.cli;

import io.sealwatch.samples.ExampleCorp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run --state}: a nightly run reads only the new files and judges exactly as a full run. */
class IncrementalRunTest {
    @TempDir
    Path tmp;

    @Test
    void aNewDayOverRememberedHistoryGivesTheFullRunsFindings() throws IOException {
        Path org = Files.createDirectories(tmp.resolve("org"));
        Path config = ExampleCorp.extract(org);
        Path full = tmp.resolve("full");
        assertEquals(1, run(config, full, null).exit);

        // the last day of CloudTrail and the evidence file arrive only the next night
        Path lastDay = org.resolve("logs/cloudtrail/AWSLogs/111122223333/CloudTrail/us-east-1/2026/09/30");
        Path evidence = org.resolve("logs/evidence");
        Path aside = Files.createDirectories(tmp.resolve("aside"));
        long arriving = count(lastDay) + count(evidence);
        Files.move(lastDay, aside.resolve("30"));
        Files.move(evidence, aside.resolve("evidence"));
        Path state = tmp.resolve("state");
        Result first = run(config, tmp.resolve("night-1"), state);
        assertTrue(first.stderr.contains("INGEST"), first.stderr);

        Files.move(aside.resolve("30"), lastDay);
        Files.move(aside.resolve("evidence"), evidence);
        Path second = tmp.resolve("night-2");
        Result night = run(config, second, state);
        assertEquals(1, night.exit, night.stderr);
        assertEquals(arriving, read(night.stderr), "only the new files are read: " + night.stderr);
        for (String f : List.of("findings.json", "episodes.json", "evidence.xlsx")) {
            assertArrayEquals(Files.readAllBytes(full.resolve(f)), Files.readAllBytes(second.resolve(f)), f);
        }
    }

    @Test
    void aChangedFileIsReadAgain() throws IOException {
        Path org = Files.createDirectories(tmp.resolve("org"));
        Path config = ExampleCorp.extract(org);
        Path state = tmp.resolve("state");
        assertEquals(1, run(config, tmp.resolve("a"), state).exit);
        Path csv = org.resolve("logs/evidence/process-evidence-2026.csv");
        Files.writeString(csv, "2026-08-14T03:00:00Z,approval,aws-root-breakglass,ciso@example.com,INC-4388,,,"
                + "late entry in the ticket\n", java.nio.file.StandardOpenOption.APPEND);
        Result again = run(config, tmp.resolve("b"), state);
        assertEquals(1, read(again.stderr), again.stderr);
        String findings = Files.readString(tmp.resolve("b/findings.json"));
        assertTrue(!findings.contains("\"BG-APPROVAL-MISSING\""), "the added approval is seen: " + findings);
    }

    private record Result(int exit, String stderr) {
    }

    /** Files actually read, from the INGEST progress line "N files (M unchanged)". */
    private static long read(String stderr) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("INGEST +(\\d+) files \\((\\d+) unchanged\\)")
                .matcher(stderr);
        assertTrue(m.find(), stderr);
        return Long.parseLong(m.group(1)) - Long.parseLong(m.group(2));
    }

    private static long count(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    private static Result run(Path config, Path out, Path state) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            List<String> args = new java.util.ArrayList<>(List.of("run", "-c", config.toString(), "--quarter",
                    "2026-Q3", "--out", out.toString(), "--no-sign"));
            if (state != null) {
                args.addAll(List.of("--state", state.toString()));
            }
            int exit = Main.execute(args.toArray(String[]::new));
            return new Result(exit, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
            System.err.print(buffer.toString(StandardCharsets.UTF_8));
        }
    }
}
