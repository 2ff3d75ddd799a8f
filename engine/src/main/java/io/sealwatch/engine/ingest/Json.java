package io.sealwatch.engine.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Typed access to a record's known fields by dotted path. Absent or null is {@code null}; a field
 * of the wrong JSON type is a {@link RecordException} naming the path, so the record is
 * quarantined with a reason instead of being half-read.
 */
public final class Json {
    private Json() {
    }

    /** A scalar as text (strings as they are; numbers and booleans in their JSON form). */
    public static String text(JsonNode root, String path) throws RecordException {
        JsonNode n = node(root, path);
        if (n == null) {
            return null;
        }
        if (n.isContainerNode()) {
            throw new RecordException(path + ": expected a value, found " + kind(n));
        }
        String s = n.asText();
        return s.isEmpty() ? null : s;
    }

    /** {@link #text}, where absence is a {@link RecordException} "missing PATH": the field a connector's mapping keys on. */
    public static String requiredText(JsonNode root, String path) throws RecordException {
        return required(text(root, path), path);
    }

    public static String lower(JsonNode root, String path) throws RecordException {
        String s = text(root, path);
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** An object, or null when absent. */
    public static JsonNode object(JsonNode root, String path) throws RecordException {
        JsonNode n = node(root, path);
        if (n != null && !n.isObject()) {
            throw new RecordException(path + ": expected an object, found " + kind(n));
        }
        return n;
    }

    /** {@link #object}, where absence is a {@link RecordException} "missing PATH". */
    public static JsonNode requiredObject(JsonNode root, String path) throws RecordException {
        return required(object(root, path), path);
    }

    private static <T> T required(T value, String path) throws RecordException {
        if (value == null) {
            throw new RecordException("missing " + path);
        }
        return value;
    }

    /** The elements of an array; empty when absent. */
    public static List<JsonNode> array(JsonNode root, String path) throws RecordException {
        JsonNode n = node(root, path);
        if (n == null) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new RecordException(path + ": expected an array, found " + kind(n));
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    /** Any node at the path (a value, object or array), or null when absent or null. */
    public static JsonNode node(JsonNode root, String path) throws RecordException {
        JsonNode n = root;
        int start = 0;
        while (n != null) {
            int dot = path.indexOf('.', start);
            String name = dot < 0 ? path.substring(start) : path.substring(start, dot);
            if (!n.isObject()) {
                throw new RecordException(path.substring(0, Math.max(0, start - 1)) + ": expected an object, found "
                        + kind(n));
            }
            n = n.get(name);
            if (n == null || n.isNull() || n.isMissingNode()) {
                return null;
            }
            if (dot < 0) {
                return n;
            }
            start = dot + 1;
        }
        return null;
    }

    private static String kind(JsonNode n) {
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
