package io.sealwatch.engine.ingest;

import io.sealwatch.model.QuarantineEntry;
import io.sealwatch.config.IdentityMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static io.sealwatch.engine.ingest.IngestTestSupport.account;
import static io.sealwatch.engine.ingest.IngestTestSupport.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Memory and time stay bounded whatever a file holds: a gzip document that inflates to far more
 * than the reading JVM's heap is read record by record, and enormous or odd numbers are judged in
 * bounded time. The reader alone, as an executor runs it.
 */
class ReaderBoundsTest {
    private static final String ARN = "arn:aws:iam::111122223333:user/breakglass";
    private static final String HEAP = "-Xmx96m";

    static IngestSpec spec(Path dir) {
        return IngestSpec.of(config(dir, List.of(), List.of(account("bg",
                List.of(new IdentityMatch("aws-cloudtrail", ARN)), List.of(), List.of()))));
    }

    static String record(int id, String who, String extra) {
        return "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-07-01T10:00:00Z\",\"eventID\":\"" + id
                + "\",\"eventName\":\"GetObject\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"" + who
                + "\"},\"requestParameters\":{\"bucketName\":\"data\",\"key\":\"path/to/object.parquet\"},"
                + "\"userAgent\":\"aws-sdk-java/2.20.0 Linux/5.10 OpenJDK_64-Bit_Server_VM/17\"" + extra + "}";
    }

    /** Reads one file and prints its accounting: run in a JVM whose heap is smaller than the file inflated. */
    public static void main(String[] args) {
        Path f = Path.of(args[0]);
        FileScan s = FileReader.read(new FileTask("aws-cloudtrail", f.toUri().toString(), f.toString()),
                spec(f.getParent()), Map.of());
        System.out.println(s.read() + " " + s.normalised() + " " + s.notRelevant() + " " + s.quarantined() + " "
                + s.quarantine().stream().map(QuarantineEntry::reason).toList() + " " + s.error());
    }

    /**
     * {@code {"Records":[…]}} of 600 MB inflated (plus one 20 MB record) from a 2 MB gzip, read in a JVM
     * of 96 MB heap: before documents streamed, the whole document was buffered and this died of
     * OutOfMemoryError.
     */
    @Test
    void aDecompressionBombIsReadRecordByRecordInBoundedMemory(@TempDir Path dir) throws Exception {
        Path bomb = dir.resolve("bomb.json.gz");
        byte[] irrelevant = (record(0, "arn:aws:iam::111122223333:user/someone", "") + ",")
                .getBytes(StandardCharsets.UTF_8);
        int copies = (600 << 20) / irrelevant.length;
        Deflater fast = new Deflater(Deflater.BEST_SPEED, true);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16) {
            {
                def = fast;
            }
        }) {
            out.write(("{\"Records\":[" + record(1, ARN, "") + ",").getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[irrelevant.length * 1000];
            for (int i = 0; i < 1000; i++) {
                System.arraycopy(irrelevant, 0, block, i * irrelevant.length, irrelevant.length);
            }
            for (int i = 0; i < copies / 1000; i++) {
                out.write(block);
            }
            out.write(record(2, ARN, ",\"blob\":\"" + "z".repeat(20 << 20) + "\"").getBytes(StandardCharsets.UTF_8));
            out.write(("," + record(3, ARN, "") + "]}").getBytes(StandardCharsets.UTF_8));
        }
        fast.end();
        assertTrue(Files.size(bomb) < 8 << 20, "a small file: " + Files.size(bomb));

        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-cp", classpath, ReaderBoundsTest.class.getName(), bomb.toString())
                .redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the reader finished");
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        System.out.println(out);
        assertEquals(0, child.exitValue(), out);
        long records = copies / 1000 * 1000L + 3;
        assertEquals(records + " 2 " + (records - 3) + " 1 [record " + (copies / 1000 * 1000 + 2) + " is longer than 16 MiB,"
                + " the most one record may hold; not parsed] null", out.lines().reduce((a, b) -> b).orElse(""));
    }

    /**
     * Per-file state stays bounded by record count too: more timestamps than are held at once are folded
     * into coverage intervals (the same intervals as unfolded), and past {@link FileReader#MAX_LISTED}
     * quarantined records are counted, not listed, and the file names the cut.
     */
    @Test
    void manyRecordsFoldTheirTimesAndCapTheQuarantineListing(@TempDir Path dir) throws IOException {
        int first = 600_000;
        int second = 600_000;
        int garbage = FileReader.MAX_LISTED + 5000;
        java.time.Instant a = java.time.Instant.parse("2026-07-01T00:00:00Z");
        java.time.Instant b = java.time.Instant.parse("2026-08-01T00:00:00Z");
        Path f = dir.resolve("many.jsonl");
        try (var w = Files.newBufferedWriter(f)) {
            for (int i = 0; i < first + second; i++) {
                java.time.Instant t = i < first ? a.plusSeconds(i) : b.plusSeconds(i - first);
                w.write("{\"eventTime\":\"" + t + "\"}\n");
            }
            for (int i = 0; i < garbage; i++) {
                w.write("not json\n");
            }
        }
        FileScan s = FileReader.read(new FileTask("aws-cloudtrail", f.toUri().toString(), f.toString()), spec(dir),
                Map.of());
        assertEquals(first + second, s.timed());
        assertEquals(List.of(a.toEpochMilli(), a.plusSeconds(first - 1).toEpochMilli(), b.toEpochMilli(),
                b.plusSeconds(second - 1).toEpochMilli()), java.util.Arrays.stream(s.intervals()).boxed().toList());
        assertEquals(garbage, s.quarantined());
        assertEquals(FileReader.MAX_LISTED, s.quarantine().size());
        assertEquals("more than 20000 records quarantined: the first 20000 are listed, the others (from record "
                + (first + second + FileReader.MAX_LISTED + 1) + ") only counted", s.error());
        assertEquals(s.read(), s.notRelevant() + s.quarantined());
    }

    /** Numbers of thousands of digits, huge exponents and malformed numbers: each judged in bounded time. */
    @Test
    void strangeNumbersAreJudgedInBoundedTime(@TempDir Path dir) throws IOException {
        List<String> numbers = List.of("9".repeat(5000), "-" + "1".repeat(100_000), "0." + "5".repeat(5000),
                "1e999999999", "1E-2147483649", "-0.0e-99999", "1" + "0".repeat(999), "12345678901234567890e12345678",
                "1.e5", "01", "--1", "0x10", "1e+", "9".repeat(1 << 20));
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            // each number twice: in an irrelevant record (the scan only) and in a relevant one (a tree too)
            file.append(record(i, "arn:aws:iam::1:user/other", ",\"n\":" + numbers.get(i))).append('\n');
            file.append(record(i, ARN, ",\"n\":" + numbers.get(i))).append('\n');
        }
        Path f = dir.resolve("numbers.jsonl");
        Files.writeString(f, file);
        FileScan s = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> FileReader.read(
                new FileTask("aws-cloudtrail", f.toUri().toString(), f.toString()), spec(dir), Map.of()));
        assertEquals(2L * numbers.size(), s.read());
        assertEquals(s.read(), s.normalised() + s.notRelevant() + s.quarantined());
        // legal numbers of up to 1000 digits are accepted: 1e999999999, 1E-2147483649, -0.0e-99999, 10^999, 20 digits e…
        assertEquals(5, s.normalised(), s.quarantine().toString());
        assertTrue(s.quarantine().stream().anyMatch(q -> q.reason().contains("Number value length (5000) exceeds")),
                s.quarantine().toString());
    }
}
