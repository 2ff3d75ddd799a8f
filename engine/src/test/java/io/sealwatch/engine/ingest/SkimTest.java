package io.sealwatch.engine.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast scanner against Jackson on generated records and documents, valid and mutated: whenever
 * it answers, Jackson must accept the same input with the same probe (and split documents at the same
 * places); where it gives up, Jackson decides. It must answer for ordinary valid records.
 */
class SkimTest {
    private static final JsonFactory FACTORY = new JsonFactory();
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
        for (int i = 0; i < n; i++) {
            String name = random.nextInt(20) == 0 ? "event\\u0054ime" : NAMES[random.nextInt(NAMES.length)];
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
        Skim skim = new Skim(FIELDS, FileReader.WRAPPER_KEYS);
        int answered = 0;
        int validAnswered = 0;
        int valid = 0;
        int iterations = 30000;
        for (int i = 0; i < iterations; i++) {
            String original = random.nextInt(10) == 0 ? value(0) : object(0);
            String text = mutate(original);
            byte[] bytes = ("  " + text + " ").getBytes(StandardCharsets.UTF_8);
            Probe fast = skim.record(bytes, 2, bytes.length - 2);
            Probe slow = jackson(("  " + text + " ").substring(2).getBytes(StandardCharsets.UTF_8));
            if (text.equals(original)) {
                valid++;
                validAnswered += fast != null ? 1 : 0;
            }
            if (fast != null) {
                answered++;
                assertNotNull(slow, "Jackson refuses what the scanner accepted: " + text);
                assertEquals(slow, fast, text);
            }
        }
        assertTrue(validAnswered > valid * 0.85, "answers most valid records: " + validAnswered + "/" + valid);
        assertTrue(answered < iterations, "gives up on some mutated ones");
    }

    /** The documents as FileReader reads them with Jackson: elements of top-level and wrapper arrays, else values. */
    private static List<Skim.Element> jacksonDocument(byte[] bytes) {
        List<Skim.Element> out = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(bytes)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                int start = (int) p.currentTokenLocation().getByteOffset();
                if (t == JsonToken.START_ARRAY) {
                    elements(p, out);
                    continue;
                }
                boolean wrapper = false;
                if (t == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        if (p.nextToken() == JsonToken.START_ARRAY && FileReader.WRAPPER_KEYS.contains(name)) {
                            wrapper = true;
                            elements(p, out);
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                if (!wrapper) {
                    p.finishToken();
                    // Jackson's location after a top-level number includes the white space that ended it
                    int end = (int) p.currentLocation().getByteOffset();
                    while (end > start && Character.isWhitespace(bytes[end - 1])) {
                        end--;
                    }
                    out.add(new Skim.Element(start, end, null));
                }
            }
            return out;
        } catch (IOException e) {
            return null;
        }
    }

    private static void elements(JsonParser p, List<Skim.Element> out) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new IOException("end inside an array");
            }
            int start = (int) p.currentTokenLocation().getByteOffset();
            Probe probe;
            if (t == JsonToken.START_OBJECT) {
                probe = Probe.read(p, FIELDS);
            } else {
                p.skipChildren();
                p.finishToken();
                probe = Probe.NOT_OBJECT;
            }
            out.add(new Skim.Element(start, (int) p.currentLocation().getByteOffset(), probe));
        }
    }

    @Test
    void documentsSplitAsJacksonSplitsThem() {
        Skim skim = new Skim(FIELDS, FileReader.WRAPPER_KEYS);
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
            List<Skim.Element> fast = skim.document(bytes, 0, bytes.length);
            if (fast != null) {
                answered++;
                List<Skim.Element> slow = jacksonDocument(bytes);
                assertNotNull(slow, "Jackson refuses the document the scanner accepted: " + text);
                assertEquals(slow, fast, text);
            }
        }
        assertTrue(answered > 3000, "answers most documents: " + answered);
    }
}
