package io.sealwatch.engine.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.model.NormalizedEvent;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads one input file on an executor: hashes its stored bytes, gunzips it when it starts with the
 * gzip magic bytes, detects its layout, splits it into records and runs each through probe →
 * prefilter → tree → connector. Nothing here throws for bad data: a bad record is quarantined, a
 * file that cannot be read to its end keeps what was read and names the problem in its stats.
 *
 * <p>Layouts: the first non-blank line decides. {@code [} starts a JSON array; a first line that is
 * not a complete JSON value (pretty-printed) or is a wrapper object ({@code Records}, {@code records},
 * Graph {@code value}) makes the file one JSON document, read whole (delivery files are bounded);
 * otherwise every line is one record, streamed. Evidence files not starting with {@code {} are CSV.
 */
final class FileReader {
    static final Set<String> WRAPPER_KEYS = Set.of("Records", "records", "value");
    private static final int EXCERPT = 200;
    /** Enough bytes of a rejected record for the redacted excerpt (which looks ten times further). */
    private static final int EXCERPT_BYTES = EXCERPT * 10 * 4;
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private FileReader() {
    }

    static FileScan read(FileTask task, IngestSpec spec, Map<String, String> hadoopConf) {
        return read(task, spec, configuration(hadoopConf));
    }

    /** The driver's Hadoop configuration on an executor; built once per task, not per file (it is costly). */
    static Configuration configuration(Map<String, String> hadoopConf) {
        Configuration conf = new Configuration(false);
        hadoopConf.forEach(conf::set);
        return conf;
    }

    static FileScan read(FileTask task, IngestSpec spec, Configuration conf) {
        Sink sink = new Sink(task, spec);
        MessageDigest sha = sha256();
        Counting stored = null;
        String hash = null;
        try {
            try (InputStream in = open(task.uri(), conf)) {
                stored = new Counting(in, sha);
                BufferedInputStream buffered = new BufferedInputStream(stored, 1 << 16);
                buffered.mark(2);
                boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
                buffered.reset();
                try {
                    readRecords(gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered, sink);
                } catch (IOException | RuntimeException e) {
                    sink.fail((gzip ? "gzip stream unreadable" : "read failed") + " after record "
                            + sink.lastRecord + ": " + describe(e));
                }
                stored.transferTo(OutputStreamNull.INSTANCE);
                hash = HexFormat.of().formatHex(sha.digest());
            }
        } catch (IOException | RuntimeException e) {
            sink.fail("cannot read file: " + describe(e));
        }
        return sink.finish(hash, stored == null ? 0 : stored.count);
    }

    /** Local files are opened directly: Hadoop's local file system adds a checksum-file lookup per open. */
    private static InputStream open(String uri, Configuration conf) throws IOException {
        Path path = new Path(uri);
        if ("file".equals(path.toUri().getScheme())) {
            return java.nio.file.Files.newInputStream(java.nio.file.Path.of(path.toUri().getPath()));
        }
        return path.getFileSystem(conf).open(path);
    }

    private static void readRecords(InputStream data, Sink sink) throws IOException {
        Lines lines = new Lines(data);
        try {
            readRecords(lines, sink);
        } finally {
            lines.release();
        }
    }

    private static void readRecords(Lines lines, Sink sink) throws IOException {
        if (lines.opensWrapper()) {
            sink.document(lines.rest(sink));
            if (sink.readFailure != null) {
                throw sink.readFailure;
            }
            return;
        }
        boolean any;
        while ((any = lines.next()) && lines.blank()) {
            // leading blank lines are not records
        }
        if (!any) {
            return;
        }
        lines.skipBom();
        byte c = lines.firstNonBlank();
        if (sink.evidence && c != '{') {
            sink.csv(lines.rest(sink), lines.number - 1, sink.truncated);
        } else if (c == '[' || (c == '{' && isDocument(lines.buf, lines.start, lines.end - lines.start))) {
            sink.document(lines.rest(sink));
        } else {
            do {
                if (!lines.blank()) {
                    sink.line(lines.buf, lines.start, lines.end - lines.start, lines.number);
                }
            } while (lines.next());
        }
        if (sink.readFailure != null) {
            throw sink.readFailure;
        }
    }

    /** Is the first line the start of a JSON document (incomplete value or wrapper object)? */
    private static boolean isDocument(byte[] buf, int off, int len) {
        return isDocument(buf, off, len, false);
    }

    /** @param wrapperOnly only a wrapper key says yes (the bytes may be a cut-off part of the first line) */
    private static boolean isDocument(byte[] buf, int off, int len, boolean wrapperOnly) {
        try (JsonParser p = FACTORY.createParser(buf, off, len)) {
            p.nextToken();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() == JsonToken.START_ARRAY && WRAPPER_KEYS.contains(name)) {
                    return true;
                }
                p.skipChildren();
            }
            return !wrapperOnly && t == null;   // the object goes on after this line: a pretty-printed document
        } catch (JsonProcessingException e) {
            // cut off inside a value: the first line of a pretty-printed document; any other error: a bad line
            return !wrapperOnly
                    && (e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).contains("end-of-input"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Per-file state: counters, outputs, Vault-style pairing. */
    private static final class Sink {
        final FileTask task;
        final SourceConnector connector;
        final AccountIndex accounts;
        final Prefilter prefilter;
        final Probe.Fields fields;
        final Skim skim;
        final boolean evidence;
        final long gapMillis;
        long read;
        long normalised;
        long notRelevant;
        long quarantined;
        long trees;
        long lastRecord;
        int elementStart;
        String error;
        IOException readFailure;
        boolean truncated;
        final List<Row> events = new ArrayList<>();
        final List<QuarantineEntry> quarantine = new ArrayList<>();
        long[] times = new long[256];
        int timed;
        final Map<String, Pending> pending = new HashMap<>();
        final Set<String> primaries = new HashSet<>();

        record Pending(NormalizedEvent event, String hash) {
        }

        Sink(FileTask task, IngestSpec spec) {
            this.task = task;
            this.connector = Connectors.forType(task.source());
            this.accounts = spec.accounts();
            this.prefilter = spec.prefilters().getOrDefault(task.source(), new Prefilter(List.of()));
            List<String> wanted = new ArrayList<>(connector.timeFields());
            wanted.addAll(connector.pairFields());
            this.fields = Probe.Fields.of(wanted);
            this.skim = new Skim(fields, WRAPPER_KEYS);
            this.evidence = "evidence".equals(task.source());
            this.gapMillis = spec.logGapMillis();
        }

        void line(byte[] buf, int off, int len, long number) {
            Span raw = Span.utf8(buf, off, len);
            record(raw, raw, number, null);
        }

        /** A whole JSON document: arrays, wrapper objects and bare objects, in sequence. */
        void document(Span bytes) {
            Span doc = Span.utf8(bytes.bytes(), bytes.off(), bytes.len());
            List<Skim.Element> elements = skim.document(doc.bytes(), doc.off(), doc.len());
            if (elements == null) {
                parsed(doc);
                return;
            }
            long index = 0;
            for (Skim.Element e : elements) {
                Span element = doc.slice(e.start(), e.end());
                record(element, element, ++index, e.probe());
            }
        }

        /** The document as Jackson reads it: where the fast path gave up, for its exact verdict and messages. */
        private void parsed(Span text) {
            // Jackson's locations count from the start of its input: give it the document alone
            Span doc = text.off() == 0 ? text
                    : new Span(Arrays.copyOfRange(text.bytes(), text.off(), text.end()), 0, text.len());
            long index = 0;
            try (JsonParser p = FACTORY.createParser(doc.bytes(), doc.off(), doc.len())) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    int start = offset(p.currentTokenLocation());
                    elementStart = start;
                    if (t == JsonToken.START_ARRAY) {
                        index = elements(p, doc, index);
                        continue;
                    }
                    boolean wrapper = false;
                    if (t == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            if (p.nextToken() == JsonToken.START_ARRAY && WRAPPER_KEYS.contains(name)) {
                                wrapper = true;
                                index = elements(p, doc, index);
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    if (!wrapper) {
                        p.finishToken();
                        Span element = doc.slice(start, offset(p.currentLocation()));
                        record(element, element, ++index, null);
                    }
                }
            } catch (IOException e) {
                if (!truncated) {
                    long at = Math.max(lastRecord, index) + 1;
                    reject(at, "invalid JSON structure: " + message(e), doc.slice(elementStart, doc.end()));
                    fail("invalid JSON structure at record " + at + " (" + message(e) + "); rest of file not read");
                }
            }
        }

        /** The elements of an array, each probed in the same pass that finds its end. */
        private long elements(JsonParser p, Span doc, long index) throws IOException {
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw new JsonEOFException(p, null, "unexpected end of input inside an array");
                }
                int start = offset(p.currentTokenLocation());
                elementStart = start;
                Probe probe;
                if (t == JsonToken.START_OBJECT) {
                    probe = Probe.read(p, fields);
                } else {
                    p.skipChildren();
                    p.finishToken();   // a string's end is only known once it is read
                    probe = Probe.NOT_OBJECT;
                }
                Span element = doc.slice(start, offset(p.currentLocation()));
                record(element, element, ++index, probe);
            }
            return index;
        }

        /** A parser location as an index into the bytes it reads (the parser counts from their start). */
        private static int offset(JsonLocation at) {
            return (int) at.getByteOffset();
        }

        /** Evidence CSV: a header, then one record per row (rows may span lines inside quotes). */
        void csv(Span bytes, long firstLine, boolean cut) {
            List<Csv.Row> rows = Csv.parse(bytes.head(bytes.len()), firstLine + 1);
            if (cut && !rows.isEmpty()) {
                rows = rows.subList(0, rows.size() - 1);   // the last row may be incomplete
            }
            if (rows.isEmpty()) {
                return;
            }
            List<String> header = rows.get(0).fields().stream()
                    .map(h -> h.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT)).toList();
            String missing = List.of("time", "kind", "account").stream().filter(c -> !header.contains(c))
                    .findFirst().orElse(null);
            for (Csv.Row row : rows.subList(1, rows.size())) {
                String problem = missing != null ? "missing column '" + missing + "'"
                        : row.error() != null ? row.error()
                        : row.fields().size() > header.size() ? "row has " + row.fields().size()
                        + " fields, the header " + header.size() : null;
                if (problem != null) {
                    reject(row.line(), problem, Span.of(row.raw()));
                    continue;
                }
                ObjectNode node = MAPPER.createObjectNode();
                for (int i = 0; i < row.fields().size(); i++) {
                    String v = row.fields().get(i).trim();
                    if (!v.isEmpty()) {
                        node.put(header.get(i), v);
                    }
                }
                record(Span.of(node.toString()), Span.of(row.raw()), row.line(), null);
            }
        }

        /**
         * One record: probe → prefilter → tree → connector, ending in exactly one account.
         *
         * @param json  the record's JSON
         * @param raw   what the log holds (the JSON itself, or the CSV row it was made from): hashed and excerpted
         * @param known the probe already taken while splitting a document, or null to probe {@code json} here
         */
        void record(Span json, Span raw, long number, Probe known) {
            read++;
            lastRecord = number;
            Probe probe = known == null ? skim.record(json.bytes(), json.off(), json.len()) : known;
            if (probe == null) {
                try {
                    probe = Probe.scan(FACTORY, json.bytes(), json.off(), json.len(), fields);
                } catch (IOException e) {
                    reject(number, "invalid JSON: " + message(e), raw);
                    return;
                }
            }
            if (!probe.object()) {
                reject(number, "record is not a JSON object", raw);
                return;
            }
            Instant time;
            try {
                time = time(probe);
            } catch (RecordException e) {
                reject(number, e.getMessage(), raw);
                return;
            }
            timed(time);
            if (!evidence && !prefilter.mayMatch(json.bytes(), json.off(), json.len())) {
                notRelevant++;
                return;
            }
            NormalizedEvent event;
            try {
                JsonNode tree = MAPPER.readTree(json.bytes(), json.off(), json.len());
                trees++;
                event = connector.map(tree, new RecordContext(task.source(), task.path(), number, time, accounts));
            } catch (RecordException e) {
                reject(number, e.getMessage(), raw);
                return;
            } catch (IOException e) {
                reject(number, "invalid JSON: " + message(e), raw);
                return;
            }
            if (event == null || event.account() == null) {
                notRelevant++;
                return;
            }
            MessageDigest digest = sha256();
            digest.update(raw.bytes(), raw.off(), raw.len());
            String hash = HexFormat.of().formatHex(digest.digest());
            SourceConnector.Pair pair = connector.pair(probe.values());
            if (pair == null) {
                normalised(event, hash);
            } else if (pair.primary()) {
                primaries.add(pair.key());
                if (pending.remove(pair.key()) != null) {
                    notRelevant++;
                }
                normalised(event, hash);
            } else if (primaries.contains(pair.key())) {
                notRelevant++;
            } else {
                Pending before = pending.put(pair.key(), new Pending(event, hash));
                if (before != null) {
                    normalised(before.event(), before.hash());
                }
            }
        }

        private Instant time(Probe probe) throws RecordException {
            for (String field : connector.timeFields()) {
                if (probe.nonText().contains(field)) {
                    throw new RecordException(field + ": expected an ISO-8601 string");
                }
                String v = probe.values().get(field);
                if (v != null) {
                    return Times.parse(v, field);
                }
            }
            throw new RecordException("missing timestamp (" + String.join(" or ", connector.timeFields()) + ")");
        }

        private void timed(Instant time) {
            if (timed == times.length) {
                times = Arrays.copyOf(times, timed * 2);
            }
            times[timed++] = time.toEpochMilli();
        }

        private void normalised(NormalizedEvent event, String hash) {
            normalised++;
            events.add(EventRows.toRow(event, hash));
        }

        void reject(long number, String reason, Span raw) {
            if (lastRecord != number) {
                read++;
                lastRecord = number;
            }
            quarantined++;
            quarantine.add(new QuarantineEntry(task.source(), task.path(), number, reason,
                    Redactor.excerpt(raw.head(EXCERPT_BYTES), EXCERPT)));
        }

        void fail(String problem) {
            if (error == null) {
                error = problem;
            }
        }

        FileScan finish(String hash, long bytes) {
            pending.values().stream().sorted(Comparator.comparingLong(p -> p.event().record()))
                    .forEach(p -> normalised(p.event(), p.hash()));
            pending.clear();
            Arrays.sort(times, 0, timed);
            return new FileScan(task.source(), task.path(), hash, bytes, read, normalised, notRelevant, quarantined,
                    error, events, quarantine, timed, Coverage.intervals(times, timed, gapMillis), trees);
        }
    }

    /**
     * A run of bytes in a larger array: a record is parsed, searched and hashed where it lies, never
     * copied. Bytes that are not valid UTF-8 are replaced by their repaired copy ({@link Utf8}).
     */
    private record Span(byte[] bytes, int off, int len) {
        static Span utf8(byte[] bytes, int off, int len) {
            if (Utf8.valid(bytes, off, len)) {
                return new Span(bytes, off, len);
            }
            byte[] fixed = Utf8.repaired(bytes, off, len);
            return new Span(fixed, 0, fixed.length);
        }

        static Span of(String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            return new Span(b, 0, b.length);
        }

        int end() {
            return off + len;
        }

        /** {@code [from, to)} in this span's array. */
        Span slice(int from, int to) {
            return new Span(bytes, from, to - from);
        }

        /** The text of at most the first {@code max} bytes. */
        String head(int max) {
            return new String(bytes, off, Math.min(len, max), StandardCharsets.UTF_8);
        }
    }

    /**
     * Splits a stream into lines (LF or CRLF) of raw bytes, counting them. The current line is
     * {@code buf[start, end)}, valid until the next call; a line longer than the buffer grows it.
     */
    private static final class Lines {
        private static final long NEWLINES = Swar.lanes('\n');
        private static final int KEPT_BUFFER = 16 << 20;
        private static final ThreadLocal<byte[]> SPARE = ThreadLocal.withInitial(() -> new byte[1 << 16]);
        private final InputStream in;
        byte[] buf = SPARE.get();
        int start;
        int end;
        long number;
        private int pos;
        private int limit;
        private boolean eof;

        Lines(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            int scan = pos;
            while (true) {
                for (int i = scan; i < limit; i++) {
                    if (i + Swar.WIDTH <= limit) {
                        long newlines = Swar.equal(Swar.word(buf, i), NEWLINES);
                        if (newlines == 0) {
                            i += Swar.WIDTH - 1;
                            continue;
                        }
                        i += Swar.first(newlines);
                    }
                    if (buf[i] == '\n') {
                        line(pos, i);
                        pos = i + 1;
                        return true;
                    }
                }
                if (eof) {
                    if (pos == limit) {
                        return false;
                    }
                    line(pos, limit);
                    pos = limit;
                    return true;
                }
                scan = limit - pos;
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, limit - pos);
                    limit -= pos;
                    pos = 0;
                }
                if (limit == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                } else {
                    limit += n;
                }
            }
        }

        private void line(int from, int to) {
            number++;
            start = from;
            end = to > from && buf[to - 1] == '\r' ? to - 1 : to;
        }

        boolean blank() {
            return firstNonBlank() == 0;
        }

        byte firstNonBlank() {
            int i = nonBlank(start, end);
            return i < end ? buf[i] : 0;
        }

        void skipBom() {
            start = afterBom(start, end);
        }

        /** {@code from}, or past the UTF-8 byte order mark there (within {@code to}). */
        private int afterBom(int from, int to) {
            return to - from >= 3 && buf[from] == (byte) 0xEF && buf[from + 1] == (byte) 0xBB
                    && buf[from + 2] == (byte) 0xBF ? from + 3 : from;
        }

        /** The first index in {@code [from, to)} that is not white space, else {@code to}. */
        private int nonBlank(int from, int to) {
            int i = from;
            while (i < to && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n')) {
                i++;
            }
            return i;
        }

        /**
         * Does the input open with a wrapper object ({@code {"Records": [} …) on its first line? Decided
         * on the first buffer, so a delivery file that is one long line is not searched for its end. If
         * so, {@link #rest} is the document. Otherwise nothing is consumed and lines are read as usual.
         */
        boolean opensWrapper() throws IOException {
            while (limit < Math.min(buf.length, 1 << 12) && !eof) {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                } else {
                    limit += n;
                }
            }
            int i = nonBlank(afterBom(pos, limit), limit);
            if (i >= limit || buf[i] != '{') {
                return false;
            }
            int lineEnd = i;
            int horizon = Math.min(limit, i + (1 << 16));
            while (lineEnd < horizon && buf[lineEnd] != '\n') {
                lineEnd++;
            }
            if (!isDocument(buf, i, lineEnd - i, true)) {
                return false;
            }
            start = i;
            return true;
        }

        /** The current line and everything after it, in the buffer; a read failure keeps what came before it. */
        Span rest(Sink sink) {
            try {
                while (true) {
                    if (limit == buf.length) {
                        buf = Arrays.copyOf(buf, buf.length * 2);
                    }
                    int n = in.read(buf, limit, buf.length - limit);
                    if (n < 0) {
                        break;
                    }
                    limit += n;
                }
            } catch (IOException e) {
                sink.readFailure = e;
                sink.truncated = true;
            }
            return new Span(buf, start, limit - start);
        }

        /** Keeps the buffer for the thread's next file: most files are read whole, a fresh buffer would regrow each time. */
        void release() {
            if (buf.length <= KEPT_BUFFER) {
                SPARE.set(buf);
            }
        }
    }

    /** Counts and hashes the stored (possibly compressed) bytes as they are read. */
    private static final class Counting extends FilterInputStream {
        final MessageDigest sha;
        long count;

        Counting(InputStream in, MessageDigest sha) {
            super(in);
            this.sha = sha;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                sha.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                sha.update(b, off, n);
                count += n;
            }
            return n;
        }
    }

    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    private static String message(IOException e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return Redactor.cut(Redactor.redact(String.valueOf(m)).replaceAll("\\s+", " "), 160);
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + Redactor.cut(e.getMessage(), 200));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
