package io.sealwatch.engine.ingest;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The scan's fast path: a validating JSON scanner over UTF-8 bytes that takes a record's
 * {@link Probe} in one pass, without building tokens, names or parser state. Nearly every record is
 * irrelevant, so this is most of what a scan costs.
 *
 * <p>It is conservative by design: it answers only for JSON it reads exactly as Jackson does. On
 * anything else (a syntax error, a duplicated key, escapes in a field name or a wanted value, deep
 * nesting, very long numbers or names) it gives up, returning null, and the caller asks Jackson
 * (strict about duplicates), whose verdict and error message stand. So whatever it accepts, Jackson
 * accepts with the same values; it may only be slower on odd input, never different. One instance
 * per reader (not thread-safe).
 */
final class Skim {
    private static final int MAX_DEPTH = 100;
    private static final int MAX_NUMBER = 100;
    private static final int MAX_NAME = 1000;
    /**
     * Keys of one object compared pairwise for duplicates; beyond this many Jackson decides (its
     * detector is a hash set), so a record with a million keys costs no quadratic time here.
     */
    private static final int MAX_KEYS = 128;
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final GiveUp GIVE_UP = new GiveUp();
    private static final long QUOTES = Swar.lanes('"');
    private static final long BACKSLASHES = Swar.lanes('\\');

    /** A field name the probe looks for at some depth: a wanted path, the prefix of one, or both. */
    private record Name(byte[] bytes, String path, boolean wanted, Name[] children) {
    }

    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private final Name[] top;
    private byte[] b;
    private int end;
    private boolean escaped;
    private boolean escapedText;
    /** Where {@link #more} leaves the scan. */
    private int at;
    /** Just past the element {@link #element} answered for. */
    private int after;
    private Map<String, String> values;
    private Set<String> nonText;
    /** The keys of the objects open on the scan's path, innermost last: where and a hash of each. */
    private int[] keyAt = new int[64];
    private int[] keyEnd = new int[64];
    private long[] keyHash = new long[64];
    private int keys;

    Skim(Probe.Fields fields) {
        this.top = names("", fields);
    }

    private static Name[] names(String prefix, Probe.Fields fields) {
        Set<String> here = new java.util.TreeSet<>();
        for (String p : fields.wanted()) {
            if (prefix.isEmpty() || p.startsWith(prefix + ".")) {
                String rest = prefix.isEmpty() ? p : p.substring(prefix.length() + 1);
                here.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
            }
        }
        return here.stream().map(n -> {
            String path = prefix.isEmpty() ? n : prefix + "." + n;
            Name[] children = fields.prefixes().contains(path) ? names(path, fields) : null;
            return new Name(n.getBytes(StandardCharsets.UTF_8), path, fields.wanted().contains(path), children);
        }).toArray(Name[]::new);
    }

    /** The probe of the one JSON value in {@code raw[off, off + len)}, or null: ask Jackson. */
    Probe record(byte[] raw, int off, int len) {
        b = raw;
        end = off + len;
        keys = 0;
        escapedText = false;
        try {
            int i = ws(off);
            Probe probe;
            if (i < end && b[i] == '{') {
                i = probed(i);
                probe = new Probe(true, values, nonText);
            } else {
                i = rootScalar(i);
                probe = Probe.NOT_OBJECT;
            }
            return ws(i) == end ? probe : null;
        } catch (GiveUp e) {
            return null;
        } finally {
            b = null;
        }
    }

    /**
     * The record that starts at {@code raw[off]}, an element of a document still being read, if it is
     * complete and valid before {@code limit}: its probe, with {@link #after()} just past it. Else null
     * (cut off by the end of the bytes at hand, or anything {@link #record} would give up on): the
     * caller finds its end another way and asks {@link #record}. So a document is split and probed in
     * one pass wherever its records lie whole in the buffer.
     */
    Probe element(byte[] raw, int off, int limit) {
        b = raw;
        end = limit;
        keys = 0;
        escapedText = false;
        try {
            Probe probe;
            int i;
            if (b[off] == '{') {
                i = probed(off);
                probe = new Probe(true, values, nonText);
            } else {
                i = value(off, 1);
                probe = Probe.NOT_OBJECT;
            }
            after = i;
            return i < limit ? probe : null;   // a number that ends at the limit may go on after it
        } catch (GiveUp e) {
            return null;
        } finally {
            b = null;
        }
    }

    int after() {
        return after;
    }

    /** Did the record last answered hold a unicode escape or an escaped slash (text not there as written)? */
    boolean escapedText() {
        return escapedText;
    }

    /** A scalar at the top level must be followed by white space or the end. */
    private int rootScalar(int i) {
        int after = value(i, 0);
        if (after < end && !space(b[after])) {
            throw GIVE_UP;
        }
        return after;
    }

    /** A record object, collecting the probe's fields into {@link #values} and {@link #nonText}. */
    private int probed(int open) {
        values = new HashMap<>(4);
        nonText = new HashSet<>(2);
        return object(open, 2, top);
    }

    /** One value of any kind, validated; returns the index after it. */
    private int value(int i, int depth) {
        if (i >= end) {
            throw GIVE_UP;
        }
        byte c = b[i];
        switch (c) {
            case '"':
                return string(i);
            case '{':
                return object(i, depth + 1, null);
            case '[':
                return array(i, depth + 1);
            case 't':
                return literal(i, TRUE);
            case 'f':
                return literal(i, FALSE);
            case 'n':
                return literal(i, NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number(i);
                }
                throw GIVE_UP;
        }
    }

    /** An object; {@code names}: the probe's names at this depth, or null when nothing here is wanted. */
    private int object(int open, int depth, Name[] names) {
        if (depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
        int i = ws(open + 1);
        if (i < end && b[i] == '}') {
            return i + 1;
        }
        int first = keys;
        long seen = 0;
        while (true) {
            int close = key(i);
            seen = distinct(first, i + 1, close, seen);
            Name name = names == null ? null : match(names, i + 1, close);
            i = colon(close + 1);
            i = name == null ? value(i, depth) : wanted(i, depth, name);
            if (!more(i, '}')) {
                keys = first;
                return at;
            }
            i = at;
        }
    }

    /**
     * Gives up when the key {@code b[from, to)} is already a key of the object whose keys start at
     * {@code first}: a duplicated key makes a record ambiguous, and Jackson (strict) names it. A key
     * with escapes cannot be compared byte by byte, so it is left to Jackson too.
     *
     * @param seen one bit per hash bucket of the object's keys so far: a key in an empty bucket is new
     *             without comparing it to the others (most are; the comparisons were a sixth of the scan)
     * @return {@code seen} with this key's bucket
     */
    private long distinct(int first, int from, int to, long seen) {
        if (escaped || keys - first >= MAX_KEYS) {
            throw GIVE_UP;
        }
        int len = to - from;
        long hash;
        if (len >= Swar.WIDTH) {
            hash = len ^ Swar.word(b, from) * 0x9E3779B97F4A7C15L ^ Swar.word(b, to - Swar.WIDTH) * 0xC2B2AE3D27D4EB4FL;
        } else {
            hash = len ^ shortKey(from, len) * 0x9E3779B97F4A7C15L;
        }
        long bucket = 1L << (hash * 0x9E3779B97F4A7C15L >>> 58);
        for (int k = first; (seen & bucket) != 0 && k < keys; k++) {
            if (keyHash[k] == hash && java.util.Arrays.equals(b, keyAt[k], keyEnd[k], b, from, to)) {
                throw GIVE_UP;
            }
        }
        if (keys == keyHash.length) {
            keyAt = java.util.Arrays.copyOf(keyAt, keys * 2);
            keyEnd = java.util.Arrays.copyOf(keyEnd, keys * 2);
            keyHash = java.util.Arrays.copyOf(keyHash, keys * 2);
        }
        keyAt[keys] = from;
        keyEnd[keys] = to;
        keyHash[keys++] = hash;
        return seen | bucket;
    }

    /** A key shorter than a word as one word, first byte lowest: read whole and masked where the array allows. */
    private long shortKey(int from, int len) {
        if (len == 0) {
            return 0;
        }
        if (from + Swar.WIDTH <= b.length) {
            return Swar.word(b, from) & -1L >>> (Swar.WIDTH - len) * 8;
        }
        long w = 0;
        for (int k = 0; k < len; k++) {
            w |= (b[from + k] & 0xFFL) << 8 * k;
        }
        return w;
    }

    /** The value of a wanted name or prefix, recorded as {@link Probe#scan} records it. */
    private int wanted(int i, int depth, Name name) {
        if (i >= end) {
            throw GIVE_UP;
        }
        byte c = b[i];
        if (c == '{' && name.children() != null) {
            return object(i, depth + 1, name.children());
        }
        if (!name.wanted()) {
            return value(i, depth);
        }
        if (c == '{' || c == '[') {
            nonText.add(name.path());
            return value(i, depth);
        }
        int after = value(i, depth);
        if (c == '"') {
            if (escaped) {
                throw GIVE_UP;
            }
            values.put(name.path(), new String(b, i + 1, after - i - 2, StandardCharsets.UTF_8));
        } else if (c != 'n') {
            values.put(name.path(), new String(b, i, after - i, StandardCharsets.US_ASCII));
            nonText.add(name.path());
        }
        return after;
    }

    private int array(int open, int depth) {
        if (depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
        int i = ws(open + 1);
        if (i < end && b[i] == ']') {
            return i + 1;
        }
        while (more(value(i, depth), ']')) {
            i = at;
        }
        return at;
    }

    /**
     * After a member or element ending at {@code i}: true when a comma follows ({@link #at} is then the
     * next one), false when the container closes ({@link #at} is then just past it).
     */
    private boolean more(int i, char close) {
        i = ws(i);
        if (i < end && b[i] == ',') {
            at = ws(i + 1);
            return true;
        }
        if (i < end && b[i] == close) {
            at = i + 1;
            return false;
        }
        throw GIVE_UP;
    }

    /** A field name at {@code i}; returns the index of its closing quote. */
    private int key(int i) {
        if (i >= end || b[i] != '"') {
            throw GIVE_UP;
        }
        int after = string(i);
        if (after - i > MAX_NAME) {
            throw GIVE_UP;
        }
        return after - 1;
    }

    private int colon(int i) {
        i = ws(i);
        if (i >= end || b[i] != ':') {
            throw GIVE_UP;
        }
        return ws(i + 1);
    }

    /** The name among {@code names} equal to {@code b[from, to)} (which has no escapes: {@link #distinct}). */
    private Name match(Name[] names, int from, int to) {
        for (Name n : names) {
            if (same(n.bytes(), from, to)) {
                return n;
            }
        }
        return null;
    }

    /** Is {@code b[from, to)} equal to {@code name}? (A plain loop: names are short, most differ early.) */
    private boolean same(byte[] name, int from, int to) {
        if (name.length != to - from) {
            return false;
        }
        for (int k = 0; k < name.length; k++) {
            if (name[k] != b[from + k]) {
                return false;
            }
        }
        return true;
    }

    /** A string starting at its opening quote; returns the index after the closing one. */
    private int string(int open) {
        escaped = false;
        int i = open + 1;
        while (i < end) {
            if (i + Swar.WIDTH <= end) {
                long w = Swar.word(b, i);
                long special = Swar.equal(w, QUOTES) | Swar.equal(w, BACKSLASHES) | Swar.control(w);
                if (special == 0) {
                    i += Swar.WIDTH;
                    continue;
                }
                i += Swar.first(special);
            }
            byte c = b[i];
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                i = escape(i);
            } else if (c >= 0 && c < 0x20) {
                throw GIVE_UP;
            } else {
                i++;
            }
        }
        throw GIVE_UP;
    }

    private int escape(int i) {
        escaped = true;
        if (i + 1 >= end) {
            throw GIVE_UP;
        }
        switch (b[i + 1]) {
            case '"', '\\', 'b', 'f', 'n', 'r', 't':
                return i + 2;
            case '/':
                escapedText = true;
                return i + 2;
            case 'u':
                escapedText = true;
                if (i + 5 >= end) {
                    throw GIVE_UP;
                }
                for (int k = i + 2; k < i + 6; k++) {
                    if (Character.digit(b[k], 16) < 0) {
                        throw GIVE_UP;
                    }
                }
                return i + 6;
            default:
                throw GIVE_UP;
        }
    }

    private int number(int start) {
        int i = start;
        if (b[i] == '-') {
            i++;
        }
        if (i < end && b[i] == '0') {
            i++;
        } else {
            i = digits(i);
        }
        if (i < end && b[i] == '.') {
            i = digits(i + 1);
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            i = digits(i);
        }
        if (i - start > MAX_NUMBER) {
            throw GIVE_UP;
        }
        return delimited(i);
    }

    /** At least one digit; returns the index after the last. */
    private int digits(int i) {
        int first = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        if (i == first) {
            throw GIVE_UP;
        }
        return i;
    }

    private int literal(int i, byte[] word) {
        if (end - i < word.length || !same(word, i, i + word.length)) {
            throw GIVE_UP;
        }
        return delimited(i + word.length);
    }

    /** A number or literal must end at white space, a comma, a closing bracket or the end of input. */
    private int delimited(int i) {
        if (i < end) {
            byte c = b[i];
            if (!space(c) && c != ',' && c != ']' && c != '}') {
                throw GIVE_UP;
            }
        }
        return i;
    }

    private int ws(int i) {
        while (i < end && space(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean space(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
