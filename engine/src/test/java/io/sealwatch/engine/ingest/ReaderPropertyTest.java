package io.sealwatch.engine.ingest;

import io.sealwatch.config.IdentityMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.sealwatch.engine.ingest.IngestTestSupport.account;
import static io.sealwatch.engine.ingest.IngestTestSupport.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No record vanishes, whatever its bytes: thousands of generated JSON-lines files mixing valid
 * records with NULs, lone CRs, byte-order marks and form feeds mid-file, invalid UTF-8, random
 * bytes, duplicated keys, strange numbers and long lines. For each (its own fixed seed), every
 * non-blank line is read and ends in exactly one state. Driven through the reader alone, as an
 * executor runs it.
 */
class ReaderPropertyTest {
    private static final String ARN = "arn:aws:iam::111122223333:user/breakglass";
    private static final int FILES = 3000;
    private static final long SEED = 20260701L;

    private static IngestSpec spec(Path dir) {
        return IngestSpec.of(config(dir, List.of(), List.of(account("bg",
                List.of(new IdentityMatch("aws-cloudtrail", ARN)), List.of(), List.of()))));
    }

    private static String record(Random r, String who, String extra) {
        return "{\"eventTime\":\"2026-07-01T10:00:" + (10 + r.nextInt(50)) + "Z\",\"eventID\":\"" + r.nextInt(1000000)
                + "\",\"eventName\":\"ConsoleLogin\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"" + who
                + "\"},\"responseElements\":{\"ConsoleLogin\":\"Success\"}" + extra + "}";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One line's bytes, without its line break. */
    private static byte[] line(Random r) {
        String someone = "arn:aws:iam::111122223333:user/u" + r.nextInt(100);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        switch (r.nextInt(15)) {
            case 0 -> b.writeBytes(utf8(record(r, ARN, "")));
            case 1 -> b.writeBytes(utf8(record(r, someone, "")));
            case 2 -> {
                b.write(0);
                b.writeBytes(utf8(r.nextBoolean() ? record(r, ARN, "") : ""));
            }
            case 3 -> b.writeBytes(utf8(r.nextBoolean() ? "\r" : record(r, ARN, "").replace(",", ",\r")));
            case 4 -> b.writeBytes(utf8(r.nextBoolean() ? "\uFEFF" + record(r, someone, "")
                    : record(r, ARN, "").replace(":", ":\uFEFF")));
            case 5 -> b.writeBytes(utf8(r.nextBoolean() ? "\f" : "\f" + record(r, someone, "")));
            case 6 -> {
                String rec = record(r, r.nextBoolean() ? ARN : someone, ",\"note\":\"@\"");
                int at = rec.indexOf('@');
                b.writeBytes(utf8(rec.substring(0, at)));
                b.writeBytes(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
                b.writeBytes(utf8(rec.substring(at + 1)));
            }
            case 7 -> b.writeBytes(utf8(r.nextInt(8) == 0 ? record(r, someone, ",\"blob\":\"" + "x".repeat(20000
                    + r.nextInt(200000)) + "\"") : record(r, someone, ",\"blob\":\"" + "y".repeat(r.nextInt(3000)) + "\"")));
            case 8 -> b.writeBytes(utf8(List.of("", " ", "\t", "\r", " \t \r").get(r.nextInt(5))));
            case 9 -> {
                for (int i = 1 + r.nextInt(60); i > 0; i--) {
                    int c = r.nextInt(256);
                    b.write(c == '\n' ? ' ' : c);
                }
            }
            case 10 -> b.writeBytes(utf8(record(r, r.nextBoolean() ? ARN : someone, r.nextBoolean()
                    ? ",\"eventName\":\"x\"" : ",\"requestParameters\":{\"a\":1,\"a\":2}")));
            case 11 -> b.writeBytes(utf8(record(r, r.nextBoolean() ? ARN : someone, ",\"n\":" + List.of("1e99999",
                    "-0.0", "9".repeat(1 + r.nextInt(3000)), "1." + "0".repeat(r.nextInt(2000)), "01", "-", "1e",
                    "Infinity", "NaN").get(r.nextInt(9)))));
            case 12 -> {
                if (r.nextBoolean()) {
                    // invalid UTF-8 and cut after a colon: the repaired copy ends exactly where the record does
                    b.writeBytes(utf8("{\"note\":\""));
                    b.write(0xFF);
                    b.writeBytes(utf8("\",\"" + List.of("eventTime", "x").get(r.nextInt(2)) + "\":"));
                } else {
                    String rec = record(r, ARN, "");
                    b.writeBytes(utf8(rec.substring(0, r.nextInt(rec.length()))));
                }
            }
            case 13 -> b.writeBytes(utf8(List.of("[1,2]", "\"text\"", "42", "null", "[{}]").get(r.nextInt(5))));
            default -> b.writeBytes(utf8(record(r, someone, ",\"userAgent\":\"a\\u0040b\\/c\"")));
        }
        return b.toByteArray();
    }

    /** Lines as the reader splits them (at LF; a last line without one counts) that hold any byte but space, tab, CR. */
    private static long nonBlank(byte[] file) {
        long count = 0;
        boolean blank = true;
        boolean open = false;
        for (byte c : file) {
            if (c == '\n') {
                count += blank ? 0 : 1;
                blank = true;
                open = false;
            } else {
                open = true;
                blank &= c == ' ' || c == '\t' || c == '\r';
            }
        }
        return count + (open && !blank ? 1 : 0);
    }

    @Test
    void everyNonBlankLineIsExactlyOneRecordInExactlyOneState(@TempDir Path dir) {
        IngestSpec spec = spec(dir);
        long[] totals = new long[4];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int n = 0; n < FILES; n++) {
                long seed = SEED + n;
                Random r = new Random(seed);
                ByteArrayOutputStream file = new ByteArrayOutputStream();
                file.writeBytes(utf8(record(r, r.nextBoolean() ? ARN : "x", "")));   // a record first: a line file
                for (int i = 1 + r.nextInt(25); i > 0; i--) {
                    file.writeBytes(utf8(r.nextInt(4) == 0 ? "\r\n" : "\n"));
                    file.writeBytes(line(r));
                }
                if (r.nextBoolean()) {
                    file.write('\n');
                }
                byte[] bytes = file.toByteArray();
                Path f = dir.resolve("f" + n + ".jsonl");
                Files.write(f, bytes);
                FileScan s = FileReader.read(new FileTask("aws-cloudtrail", f.toUri().toString(), f.toString()), spec,
                        Map.of());
                String counts = String.format("file %d seed %d: %d non-blank lines, read %d = normalised %d"
                        + " + not relevant %d + quarantined %d", n, seed, nonBlank(bytes), s.read(), s.normalised(),
                        s.notRelevant(), s.quarantined());
                System.out.println(counts);
                assertEquals(nonBlank(bytes), s.read(), counts);
                assertEquals(s.read(), s.normalised() + s.notRelevant() + s.quarantined(), counts);
                assertEquals(s.quarantined(), s.quarantine().size(), counts);
                assertNull(s.error(), counts);
                totals[0] += s.read();
                totals[1] += s.normalised();
                totals[2] += s.notRelevant();
                totals[3] += s.quarantined();
                Files.delete(f);
            }
        });
        System.out.printf("%d files: read %d = normalised %d + not relevant %d + quarantined %d%n", FILES, totals[0],
                totals[1], totals[2], totals[3]);
        assertTrue(totals[1] > 0 && totals[2] > 0 && totals[3] > 0, "all three states occur");
    }
}
