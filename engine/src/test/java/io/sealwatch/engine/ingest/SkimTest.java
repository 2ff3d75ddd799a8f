package io.sealwatch.engine.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast scanner against Jackson (strict about duplicated keys, as the reader runs it) on generated
 * records, valid and mutated: whenever it answers, Jackson must accept the same input with the same
 * probe; where it gives up, Jackson decides. It must answer for ordinary valid records. And the
 * streaming document splitter against Jackson: the same records at the same places.
 */
class SkimTest {
    private static final JsonFactory FACTORY = FileReader.FACTORY;
    private static final Probe.Fields FIELDS = Probe.Fields.of(List.of("eventTime", "type", "request.id",
            "properties.createdDateTime"));
    private static final String[] NAMES = {"eventTime", "type", "request", "id", "properties", "createdDateTime",
            "userIdentity", "arn", "Records", "value", "x"};

    private final Random random = new Random(11);

    private String scalar() {
        return switch (random.nextInt(9)) {
            case 0 -> "\"2026-07-01T10:00:00Z\"";
            case 1 -> "\"a\\\"b\\\\c\\u00e9\\n\"";
            case 2 -> "\"caf\u00e9 \u4e2d\"";
            case 3 -> String.valueOf(random.nextInt(2000) - 1000);
            case 4 -> "-12.5e+3";
            case 5 -> "true";
            case 6 -> "false";
            case 7 -> "null";
            default -> "\"arn:aws:iam::1:user/x\"";
        };
    }

    private String value(int depth) {
        int kind = depth > 3 ? 0 : random.nextInt(4);
        if (kind == 1) {
            return object(depth + 1);
        }
        if (kind == 2) {
            StringBuilder a = new StringBuilder("[");
            for (int i = random.nextInt(3); i > 0; i--) {
                a.append(value(depth + 1)).append(i > 1 ? ", " : "");
            }
            return a.append("]").toString();
        }
        return scalar();
    }

    private String object(int depth) {
        StringBuilder o = new StringBuilder("{");
        int n = random.nextInt(5);
        List<String> used = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = random.nextInt(20) == 0 ? "event\\u0054ime" : NAMES[random.nextInt(NAMES.length)];
            if (used.contains(name) && random.nextInt(4) != 0) {
                continue;   // mostly distinct keys; now and then a duplicate, which only Jackson may judge
            }
            used.add(name);
            o.append(i > 0 ? (random.nextBoolean() ? "," : " ,\n ") : "").append('"').append(name).append("\":")
                    .append(random.nextBoolean() ? " " : "").append(value(depth));
        }
        return o.append("}").toString();
    }

    private String mutate(String s) {
        if (s.isEmpty() || random.nextInt(3) == 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s);
        String noise = "{}[]\",:\\ 0-.eEtfnu\u0001a";
        for (int k = 1 + random.nextInt(2); k > 0 && b.length() > 0; k--) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, noise.charAt(random.nextInt(noise.length())));
                default -> b.setCharAt(at, noise.charAt(random.nextInt(noise.length())));
            }
        }
        return b.toString();
    }

    private static Probe jackson(byte[] bytes) {
        try {
            return Probe.scan(FACTORY, bytes, 0, bytes.length, FIELDS);
        } catch (IOException e) {
            return null;
        }
    }

    @Test
    void recordsAgreeWithJackson() {
        Skim skim = new Skim(FIELDS);
        int answered = 0;
        int ordinaryAnswered = 0;
        int ordinary = 0;
        int duplicated = 0;
        int iterations = 30000;
        for (int i = 0; i < iterations; i++) {
            String original = random.nextInt(10) == 0 ? value(0) : object(0);
            String text = mutate(original);
            byte[] bytes = ("  " + text + " ").getBytes(StandardCharsets.UTF_8);
            Probe fast = skim.record(bytes, 2, bytes.length - 2);
            Probe slow = jackson(("  " + text + " ").substring(2).getBytes(StandardCharsets.UTF_8));
            if (text.equals(original) && slow == null) {
                duplicated++;   // the generator writes valid JSON: only a duplicated key makes strict Jackson refuse it
            } else if (text.equals(original) && !text.contains("\\u0054")) {
                ordinary++;
                ordinaryAnswered += fast != null ? 1 : 0;
            }
            if (fast != null) {
                answered++;
                assertNotNull(slow, "Jackson refuses what the scanner accepted: " + text);
                assertEquals(slow, fast, text);
            }
        }
        assertTrue(ordinaryAnswered > ordinary * 0.95, "answers ordinary valid records (no escaped names): "
                + ordinaryAnswered + "/" + ordinary);
        assertTrue(duplicated > 300, "duplicated keys were generated, and never accepted: " + duplicated);
        assertTrue(answered < iterations, "gives up on some mutated ones");
    }

    /** The records of a document as Jackson finds them: elements of top-level and wrapper arrays, else values. */
    private static List<String> jacksonDocument(byte[] bytes) {
        List<String> out = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(bytes)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                int start = (int) p.currentTokenLocation().getByteOffset();
                if (t == JsonToken.START_ARRAY) {
                    elements(p, bytes, out);
                    continue;
                }
                boolean wrapper = false;
                if (t == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        if (p.nextToken() == JsonToken.START_ARRAY && FileReader.WRAPPER_KEYS.contains(name)) {
                            wrapper = true;
                            elements(p, bytes, out);
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                if (!wrapper) {
                    p.finishToken();
                    out.add(text(bytes, start, (int) p.currentLocation().getByteOffset()));
                }
            }
            return out;
        } catch (IOException e) {
            return null;
        }
    }

    private static void elements(JsonParser p, byte[] bytes, List<String> out) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new IOException("end inside an array");
            }
            int start = (int) p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            p.finishToken();
            out.add(text(bytes, start, (int) p.currentLocation().getByteOffset()));
        }
    }

    /** Jackson's location after a top-level number includes the white space that ended it. */
    private static String text(byte[] bytes, int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.UTF_8).strip();
    }

    /**
     * The splitter's records, fed through a small buffer so records straddle refills; null when it breaks.
     * Where it probed a record while splitting, the probe is Jackson's.
     */
    private static List<String> streamed(byte[] bytes, int buffer) throws IOException {
        Elements doc = new Elements(new ByteArrayInputStream(bytes), new byte[buffer], 0, 0, new Skim(FIELDS),
                FileReader.WRAPPER_KEYS, 1 << 20, 100);
        List<String> out = new ArrayList<>();
        try {
            while (doc.next()) {
                byte[] record = Arrays.copyOfRange(doc.bytes(), doc.start(), doc.end());
                out.add(new String(record, StandardCharsets.UTF_8));
                if (doc.probe() != null) {
                    assertEquals(jackson(record), doc.probe(), new String(record, StandardCharsets.UTF_8));
                }
            }
            return out;
        } catch (Elements.Broken e) {
            return null;
        }
    }

    @Test
    void documentsSplitAsJacksonSplitsThem() throws IOException {
        int answered = 0;
        for (int i = 0; i < 8000; i++) {
            StringBuilder doc = new StringBuilder();
            int form = random.nextInt(3);
            StringBuilder records = new StringBuilder();
            for (int r = random.nextInt(4); r > 0; r--) {
                records.append(random.nextInt(8) == 0 ? scalar() : object(1)).append(r > 1 ? ",\n" : "");
            }
            if (form == 0) {
                doc.append("[").append(records).append("]");
            } else if (form == 1) {
                doc.append("{\"meta\": {\"a\": [1]}, \"").append(random.nextBoolean() ? "Records" : "value")
                        .append("\": [").append(records).append("], \"n\": 1}");
            } else {
                doc.append(object(0)).append("\n").append(object(0));
            }
            String text = mutate(doc.toString());
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            List<String> slow = jacksonDocument(bytes);
            List<String> fast = streamed(bytes, random.nextBoolean() ? 16 : 1 << 16);
            if (slow != null) {
                answered++;
                assertEquals(slow, fast, "a document Jackson reads is split the same way: " + text);
            }
        }
        assertTrue(answered > 3000, "most documents are valid: " + answered);
    }
}
