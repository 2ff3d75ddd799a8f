package io.sealwatch.reports.json;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.model.EvidenceRef;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;

/**
 * Jackson set up once for every JSON output: insertion-ordered keys (callers add them in a fixed
 * order), ISO-8601 UTC instants as strings, LF pretty-printing with a trailing newline, and
 * {@code < > &} escaped as {@code \u003C} etc. so log data stays inert if a viewer inlines it in HTML.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper(
            new JsonFactoryBuilder().characterEscapes(new HtmlSafeEscapes()).build());

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static ObjectNode put(ObjectNode o, String key, Instant t) {
        return t == null ? o.putNull(key) : o.put(key, t.toString());
    }

    public static ArrayNode strings(Collection<String> items) {
        ArrayNode a = array();
        if (items != null) {
            items.forEach(a::add);
        }
        return a;
    }

    public static ObjectNode ref(EvidenceRef r) {
        ObjectNode o = object();
        o.put("source", r.source());
        o.put("file", r.file());
        o.put("record", r.record());
        o.put("eventId", r.eventId());
        return o;
    }

    /** Pretty-printed with LF line ends and a trailing newline. */
    public static void writePretty(JsonNode node, Path file) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            writePretty(node, out);
        }
    }

    public static byte[] prettyBytes(JsonNode node) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writePretty(node, out);
        return out.toByteArray();
    }

    private static void writePretty(JsonNode node, OutputStream out) throws IOException {
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(pp);
            MAPPER.writeTree(g, node);
        }
        out.write('\n');
    }

    /** One compact line (JSON Lines), LF-terminated. */
    public static void writeLine(JsonNode node, OutputStream out) throws IOException {
        out.write(MAPPER.writeValueAsBytes(node));
        out.write('\n');
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] table = CharacterEscapes.standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            table['<'] = CharacterEscapes.ESCAPE_STANDARD;
            table['>'] = CharacterEscapes.ESCAPE_STANDARD;
            table['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
