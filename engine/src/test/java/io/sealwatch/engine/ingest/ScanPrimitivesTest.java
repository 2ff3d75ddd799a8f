package io.sealwatch.engine.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-record primitives of the scan against their plain definitions, on many generated inputs. */
class ScanPrimitivesTest {

    /** The definition the prefilter must keep: some literal occurs, ASCII case ignored. */
    private static boolean naive(String text, List<String> literals) {
        String hay = asciiLower(text);
        return literals.stream().anyMatch(l -> hay.contains(asciiLower(l)));
    }

    private static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.chars().forEach(c -> b.append((char) (c >= 'A' && c <= 'Z' ? c + 32 : c)));
        return b.toString();
    }

    @Test
    void prefilterFindsExactlyTheRecordsHoldingALiteral() {
        Random random = new Random(42);
        String alphabet = "abrkglsAR:/-_.@0123\"{},";
        List<List<String>> literalSets = List.of(
                List.of("arn:aws:iam::111122223333:user/breakglass-admin", "breakglass-admin", "bg-admin01@x.com"),
                List.of("ab", "Rk"), List.of("k"), List.of("glass", "gl", "ARN:"), List.of("a-b-a-b-a"));
        int hits = 0;
        for (List<String> literals : literalSets) {
            Prefilter prefilter = new Prefilter(literals);
            for (int i = 0; i < 4000; i++) {
                StringBuilder text = new StringBuilder();
                int len = random.nextInt(random.nextBoolean() ? 120 : 600);
                for (int j = 0; j < len; j++) {
                    if (random.nextInt(40) == 0) {
                        String l = literals.get(random.nextInt(literals.size()));
                        text.append(random.nextBoolean() ? l.toUpperCase(Locale.ROOT) : l);
                    } else {
                        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
                String pad = "xx" + text + "yy";
                byte[] bytes = pad.getBytes(StandardCharsets.UTF_8);
                boolean expected = naive(text.toString(), literals);
                hits += expected ? 1 : 0;
                assertEquals(expected, prefilter.mayMatch(bytes, 2, bytes.length - 4), literals + " in " + text);
            }
        }
        assertTrue(hits > 1000, "the generated inputs hold literals often enough to test both outcomes: " + hits);
        assertFalse(new Prefilter(List.of()).mayMatch(new byte[]{'a'}, 0, 1));
        assertTrue(new Prefilter(List.of("", "x")).mayMatch(new byte[0], 0, 0));
    }

    @Test
    void commonTimestampFormMatchesTheGeneralParser() throws RecordException {
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            long seconds = random.nextLong() % 253_402_300_799L;
            Instant t = Instant.ofEpochSecond(Math.abs(seconds), random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = t.toString();
            assertEquals(t, Times.parse(text, "t"), text);
            assertEquals(OffsetDateTime.parse(text).toInstant(), Times.parse(text, "t"));
        }
        // not the common form: decided by the general path exactly as before
        assertEquals(Instant.parse("2018-12-31T10:00:00Z"), Times.parse("2019-01-00T10:00:00Z", "t"));
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), Times.parse("2026-02-29T10:00:00Z", "t"));
        assertEquals(Instant.parse("2026-07-01T10:00:00.1Z"), Times.parse("2026-07-01T10:00:00.1z", "t"));
    }

    @Test
    void utf8ValidityAsJavaDecodesIt() {
        Random random = new Random(3);
        byte[] interesting = {0x00, 0x41, 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC2, (byte) 0xDF,
                (byte) 0xE0, (byte) 0xA0, (byte) 0xED, (byte) 0x9F, (byte) 0xEF, (byte) 0xF0, (byte) 0x90,
                (byte) 0xF4, (byte) 0x8F, (byte) 0xF5, (byte) 0xFF};
        List<byte[]> samples = new ArrayList<>();
        for (int i = 0; i < 20000; i++) {
            byte[] b = new byte[random.nextInt(6)];
            for (int j = 0; j < b.length; j++) {
                b[j] = interesting[random.nextInt(interesting.length)];
            }
            samples.add(b);
        }
        int invalid = 0;
        for (byte[] b : samples) {
            byte[] roundTrip = new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            boolean javaValid = java.util.Arrays.equals(b, roundTrip);
            assertEquals(javaValid, Utf8.valid(b, 0, b.length), java.util.HexFormat.of().formatHex(b));
            invalid += javaValid ? 0 : 1;
            assertArrayEquals(roundTrip, Utf8.repaired(b, 0, b.length));
        }
        assertTrue(invalid > 1000 && invalid < samples.size() - 1000, "both kinds generated: " + invalid);
    }
}
