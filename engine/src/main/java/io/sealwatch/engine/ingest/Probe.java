package io.sealwatch.engine.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One streaming pass over a record without building a tree: checks that it is one well-formed JSON
 * object and picks up a few scalar fields (the timestamp, pairing keys). This is all an irrelevant
 * record costs.
 *
 * @param object   false when the record is valid JSON but not an object
 * @param values   text of the wanted fields that were scalars
 * @param nonText  wanted fields present with a non-string value (object, array, number, boolean)
 */
record Probe(boolean object, Map<String, String> values, Set<String> nonText) {

    /** The wanted paths and every prefix of them, so the walk only descends where it must. */
    record Fields(Set<String> wanted, Set<String> prefixes) {
        static Fields of(List<String> paths) {
            Set<String> prefixes = new HashSet<>();
            for (String p : paths) {
                for (int i = p.indexOf('.'); i >= 0; i = p.indexOf('.', i + 1)) {
                    prefixes.add(p.substring(0, i));
                }
            }
            return new Fields(Set.copyOf(paths), prefixes);
        }
    }

    /** A valid JSON value that is not an object. */
    static final Probe NOT_OBJECT = new Probe(false, Map.of(), Set.of());

    /** Probes one record on its own: it must be exactly one JSON value. */
    static Probe scan(JsonFactory factory, byte[] raw, int off, int len, Fields fields) throws IOException {
        try (JsonParser p = factory.createParser(raw, off, len)) {
            Probe probe;
            if (p.nextToken() == JsonToken.START_OBJECT) {
                probe = read(p, fields);
            } else {
                p.skipChildren();
                probe = NOT_OBJECT;
            }
            requireEnd(p);
            return probe;
        }
    }

    /** Reads the object whose {@code START_OBJECT} the parser is at, leaving the parser at its {@code END_OBJECT}. */
    private static Probe read(JsonParser p, Fields fields) throws IOException {
        Map<String, String> values = new HashMap<>();
        Set<String> nonText = new HashSet<>();
        Deque<String> path = new ArrayDeque<>();
        path.push("");
        while (!path.isEmpty()) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_OBJECT) {
                path.pop();
                continue;
            }
            if (t == null) {
                throw new JsonParseException(p, "unexpected end of record");
            }
            String prefix = path.peek();
            String name = prefix.isEmpty() ? p.currentName() : prefix + "." + p.currentName();
            t = p.nextToken();
            boolean wanted = fields.wanted().contains(name);
            if (t == JsonToken.START_OBJECT && fields.prefixes().contains(name)) {
                path.push(name);
            } else if (t.isStructStart()) {
                if (wanted) {
                    nonText.add(name);
                }
                p.skipChildren();
            } else if (wanted && t != JsonToken.VALUE_NULL) {
                values.put(name, p.getText());
                if (t != JsonToken.VALUE_STRING) {
                    nonText.add(name);
                }
            }
        }
        return new Probe(true, values, nonText);
    }

    private static void requireEnd(JsonParser p) throws IOException {
        if (p.nextToken() != null) {
            throw new JsonParseException(p, "trailing data after the JSON value");
        }
    }
}
