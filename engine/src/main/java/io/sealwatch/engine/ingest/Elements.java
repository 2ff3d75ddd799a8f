package io.sealwatch.engine.ingest;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Splits a JSON document into its records as it streams: the elements of top-level arrays and of a
 * top-level object's wrapper arrays ({@code Records}, {@code records}, {@code value}), and every
 * other top-level value. Only one record is held at a time, so a document of any size (a gzip that
 * inflates to gigabytes) is read in bounded memory; a record longer than the cap is skipped to its
 * end and reported {@link #oversized} with its first bytes.
 *
 * <p>An array element that lies whole in the buffer is split, validated and probed by {@link Skim}
 * in one pass; any other record is followed here by its structure only — strings, brackets — and
 * then checked whole by {@link Skim} or Jackson, so a malformed record is quarantined alone. Where the
 * structure between records breaks (a missing comma, a bracket that closes the wrong thing, the end
 * of input inside the document) the rest cannot be split: {@link Broken}.
 */
final class Elements {
    private static final long QUOTES = Swar.lanes('"');
    private static final long BACKSLASHES = Swar.lanes('\\');
    /** Deeper than any parser accepts (Jackson stops at 1000); bounds the bracket stack of a hostile record. */
    private static final int MAX_DEPTH = 1 << 16;
    private static final int TOP = 0;
    private static final int ARRAY = 1;
    private static final int MEMBERS = 2;

    /** The document's structure breaks: nothing after it can be split into records. */
    static final class Broken extends IOException {
        private static final long serialVersionUID = 1L;

        Broken(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final Skim skim;
    private final Set<String> wrapperKeys;
    private final int maxRecord;
    private final int headBytes;
    private byte[] buf;
    private int p;
    private int limit;
    private boolean eof;
    /** The first byte still needed (the record being read, or a top-level object that may be one), or -1. */
    private int keep = -1;
    /** The field name being read in a top-level object (held while it is read), or -1. */
    private int name = -1;
    private byte[] head;
    private Probe probe;
    private int start;
    private int end;
    private long index;
    /** Where the scan is in the document: between top-level values, in an array of records, or in a top-level object. */
    private int state = TOP;
    /** Nothing read yet in the current array or object (a comma may not come first). */
    private boolean first;
    /** The array being read is a wrapper's: its end returns to the object's members. */
    private boolean inWrapper;
    /** The top-level object being read has a wrapper array, so it is no record itself. */
    private boolean objectIsWrapper;
    /** The closing brackets a record's open containers expect, innermost last. */
    private byte[] closers = new byte[64];
    private int depth;

    /**
     * @param buf       bytes already read: the document starts at {@code from}, {@code [from, limit)} is filled
     * @param skim      splits and probes array elements that lie whole in the buffer in one pass
     * @param maxRecord the longest record held; the buffer grows to at most this size
     * @param headBytes how much of an oversized record is kept, for its excerpt
     */
    Elements(InputStream in, byte[] buf, int from, int limit, Skim skim, Set<String> wrapperKeys, int maxRecord,
             int headBytes) {
        this.in = in;
        this.skim = skim;
        this.buf = buf;
        this.p = from;
        this.limit = limit;
        this.wrapperKeys = wrapperKeys;
        this.maxRecord = maxRecord;
        this.headBytes = headBytes;
    }

    /** The buffer as it is now (it may have grown): the current record lies in it, the reader keeps it for its next file. */
    byte[] bytes() {
        return buf;
    }

    /** The current record is {@code bytes()[start, end)}, valid until the next call of {@link #next}. */
    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** The current record's number in the document, from 1. */
    long index() {
        return index;
    }

    /** The current record's probe when {@link Skim} took it while splitting, else null (probe it alone). */
    Probe probe() {
        return probe;
    }

    /** The first bytes of the current record when it was longer than the cap (it was skipped), else null. */
    byte[] oversized() {
        return head;
    }

    /** Up to {@code max} bytes from where the structure broke, for the excerpt. */
    byte[] near(int max) {
        int from = keep >= 0 ? keep : Math.min(p, limit);
        return Arrays.copyOfRange(buf, from, Math.min(limit, from + max));
    }

    /** Advances to the next record: false at the end of the input. */
    boolean next() throws IOException {
        head = null;
        probe = null;
        while (true) {
            if (!skipSpace()) {
                if (state != TOP) {
                    throw new Broken("unexpected end of input inside " + (state == ARRAY ? "an array" : "an object"));
                }
                return false;
            }
            byte c = buf[p];
            if (state == TOP) {
                if (c == '[') {
                    p++;
                    open(ARRAY, false);
                } else if (c == '{') {
                    keep = p++;
                    objectIsWrapper = false;
                    open(MEMBERS, false);
                } else {
                    keep = p;
                    value();
                    return emit();
                }
            } else if (first && c == (state == ARRAY ? ']' : '}')) {
                p++;
                if (closed()) {
                    return emit();
                }
            } else if (!first && c != ',') {
                if (c != (state == ARRAY ? ']' : '}')) {
                    throw new Broken("expected ',' or '" + (state == ARRAY ? ']' : '}') + "' after record " + index
                            + ", found '" + (char) (c & 0xFF) + "'");
                }
                p++;
                if (closed()) {
                    return emit();
                }
            } else {
                if (!first) {
                    p++;
                    if (!skipSpace()) {
                        continue;
                    }
                }
                first = false;
                if (state == ARRAY) {
                    keep = p;
                    probe = skim.element(buf, p, limit);
                    if (probe != null) {
                        p = skim.after();
                    } else {
                        value();
                    }
                    return emit();
                }
                member();
            }
        }
    }

    private void open(int inside, boolean wrapper) {
        state = inside;
        first = true;
        inWrapper = wrapper;
    }

    /** A container of the document closed; true when it was a top-level object that is itself a record. */
    private boolean closed() {
        if (state == ARRAY && inWrapper) {
            state = MEMBERS;
            first = false;
            return false;
        }
        boolean record = state == MEMBERS && !objectIsWrapper;
        state = TOP;
        return record;
    }

    /** A member of a top-level object: a wrapper array's elements are records, other values are skipped. */
    private void member() throws IOException {
        if (buf[p] != '"') {
            throw new Broken("expected a field name in the document's object");
        }
        name = p;
        string();
        String key = name(name, p);
        name = -1;
        if (!skipSpace() || buf[p] != ':') {
            throw new Broken("expected ':' after the field name \"" + key + "\"");
        }
        p++;
        if (!skipSpace()) {
            throw new Broken("unexpected end of input inside an object");
        }
        if (buf[p] == '[' && wrapperKeys.contains(key)) {
            p++;
            objectIsWrapper = true;
            keep = -1;
            head = null;   // the object's own head, if it grew long before this: it is no record
            open(ARRAY, true);
        } else {
            value();
        }
    }

    /** The field name {@code buf[from, to)} (quotes included) as Jackson reads it. */
    private String name(int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\\') {
                try (JsonParser json = FileReader.FACTORY.createParser(buf, from, to - from)) {
                    json.nextToken();
                    return json.getText();
                } catch (IOException e) {
                    throw new Broken("invalid field name in the document's object: " + e.getMessage());
                }
            }
        }
        return new String(buf, from + 1, to - from - 2, StandardCharsets.UTF_8);
    }

    private boolean emit() {
        index++;
        start = keep;
        end = p;
        keep = -1;
        return true;
    }

    /** One value, structurally: a string, a container (brackets must match), or a bare token. */
    private void value() throws IOException {
        byte c = buf[p];
        if (c == '"') {
            string();
        } else if (c == '{' || c == '[') {
            container();
        } else if (c == ',' || c == ']' || c == '}' || c == ':') {
            throw new Broken("expected a value at record " + (index + 1) + ", found '" + (char) c + "'");
        } else {
            while ((p < limit || more()) && !delimiter(buf[p])) {
                p++;
            }
        }
    }

    private static boolean delimiter(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ']' || c == '}' || c == '['
                || c == '{' || c == '"' || c == ':';
    }

    private void container() throws IOException {
        int base = depth;
        push(buf[p] == '{' ? '}' : ']');
        p++;
        while (depth > base) {
            if (p == limit && !more()) {
                throw new Broken("unexpected end of input inside record " + (index + 1));
            }
            byte c = buf[p];
            switch (c) {
                case '"' -> string();
                case '{' -> {
                    push('}');
                    p++;
                }
                case '[' -> {
                    push(']');
                    p++;
                }
                case '}', ']' -> {
                    if (closers[depth - 1] != c) {
                        throw new Broken("'" + (char) c + "' closes '" + (closers[depth - 1] == '}' ? '{' : '[')
                                + "' in record " + (index + 1));
                    }
                    depth--;
                    p++;
                }
                default -> p++;
            }
        }
    }

    private void push(char closer) throws Broken {
        if (depth == MAX_DEPTH) {
            throw new Broken("record " + (index + 1) + " nests deeper than " + MAX_DEPTH + " levels");
        }
        if (depth == closers.length) {
            closers = Arrays.copyOf(closers, depth * 2);
        }
        closers[depth++] = (byte) closer;
    }

    /** A string from its opening quote; only quotes and backslashes matter, eight bytes at a time. */
    private void string() throws IOException {
        p++;
        while (true) {
            while (p + Swar.WIDTH <= limit) {
                long w = Swar.word(buf, p);
                long special = Swar.equal(w, QUOTES) | Swar.equal(w, BACKSLASHES);
                if (special == 0) {
                    p += Swar.WIDTH;
                    continue;
                }
                p += Swar.first(special);
                break;
            }
            if (p == limit && !more()) {
                throw new Broken("unexpected end of input inside a string of record " + (index + 1));
            }
            byte c = buf[p++];
            if (c == '"') {
                return;
            }
            if (c == '\\') {
                if (p == limit && !more()) {
                    throw new Broken("unexpected end of input inside a string of record " + (index + 1));
                }
                p++;
            }
        }
    }

    private boolean skipSpace() throws IOException {
        while (p < limit || more()) {
            byte c = buf[p];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
            p++;
        }
        return false;
    }

    /**
     * Called at {@code p == limit}: reads more, first moving what is still needed to the front of the
     * buffer, growing it up to the cap. A record that fills the capped buffer is kept by its head
     * only and read on to its end. False at the end of the input.
     */
    private boolean more() throws IOException {
        while (p == limit) {
            if (eof) {
                return false;
            }
            int from = Math.min(keep >= 0 ? keep : p, name >= 0 ? name : p);
            if (from > 0) {
                System.arraycopy(buf, from, buf, 0, limit - from);
                limit -= from;
                p -= from;
                keep = keep >= 0 ? keep - from : -1;
                name = name >= 0 ? name - from : -1;
            }
            if (limit == buf.length) {
                if (buf.length >= maxRecord) {
                    if (keep < 0) {
                        throw new Broken("a field name longer than " + maxRecord + " bytes");
                    }
                    head = Arrays.copyOf(buf, Math.min(headBytes, limit));   // the held record starts at 0
                    keep = -1;
                    continue;
                }
                buf = Arrays.copyOf(buf, Math.min(maxRecord, buf.length * 2));
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
        return true;
    }
}
