package io.sealwatch.engine.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
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
 * Graph {@code value}) makes the file one JSON document, split into records as it streams
 * ({@link Elements}); otherwise every line is one record, streamed. Evidence files not starting with
 * {@code {} are CSV. Either way at most one record is held at a time, of at most {@link #MAX_RECORD} bytes.
 */
final class FileReader {
    static final Set<String> WRAPPER_KEYS = Set.of("Records", "records", "value");
    /**
     * The most bytes one record may hold. Real ones are far smaller (CloudTrail and GCP cap an event
     * at 256 KB, Okta and Entra events are a few KB); the cap bounds what a reader holds at once — the
     * record, its repaired copy, its tree — so a decompression bomb or a file without line breaks
     * cannot exhaust an executor's memory. A longer record is quarantined unparsed.
     */
    static final int MAX_RECORD = 16 << 20;
    /** Evidence CSV is read whole (rows may span lines); hand-made evidence is kilobytes, this bounds a bad file. */
    private static final int MAX_CSV = 64 << 20;
    private static final int EXCERPT = 200;
    /** Enough bytes of a rejected record for the redacted excerpt (which looks ten times further). */
    private static final int EXCERPT_BYTES = EXCERPT * 10 * 4;
    /**
     * Quarantine entries listed per file. A file of garbage (a large binary matched by the glob) would
     * otherwise hold one entry per line; past this the records are still counted, and the file names
     * the cut as its problem.
     */
    static final int MAX_LISTED = 20_000;
    /** Timestamps held per file before they are folded into coverage intervals (which merge exactly). */
    private static final int MAX_TIMES = 1 << 20;
    /** Strict about duplicated keys: a record with one is ambiguous, not last-wins (as in {@link Skim}). */
    static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
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
                } catch (OutOfMemoryError e) {
                    // memory is bounded per record, but the executor is shared: name the file, keep the job
                    sink.fail("out of memory after record " + sink.lastRecord + "; rest of file not read");
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
        if (lines.opensDocument(!sink.evidence)) {
            sink.document(lines.document(sink.skim));
            return;
        }
        boolean any;
        while ((any = lines.next()) && !lines.oversized && lines.blank()) {
            // leading blank lines are not records
        }
        if (!any) {
            return;
        }
        lines.skipBom();
        byte c = lines.oversized || lines.blank() ? 0 : lines.firstNonBlank();
        if (sink.evidence && c != '{') {
            sink.csv(lines.rest(sink), lines.number - 1, sink.truncated);
            if (sink.readFailure != null) {
                throw sink.readFailure;
            }
        } else if (c == '[' || (c == '{' && isDocument(lines.buf, lines.start, lines.end - lines.start))) {
            sink.document(lines.document(sink.skim));
        } else {
            do {
                if (lines.oversized) {
                    sink.oversized("line", lines.number, Span.utf8(lines.buf, lines.start, lines.end - lines.start));
                } else if (!lines.blank()) {
                    sink.line(lines.buf, lines.start, lines.end - lines.start, lines.number);
                }
            } while (lines.next());
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
        String error;
        IOException readFailure;
        boolean truncated;
        final List<Row> events = new ArrayList<>();
        final List<QuarantineEntry> quarantine = new ArrayList<>();
        long[] times = new long[256];
        int held;
        long timed;
        final List<long[]> folded = new ArrayList<>();
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
            this.skim = new Skim(fields);
            this.evidence = "evidence".equals(task.source());
            this.gapMillis = spec.logGapMillis();
        }

        void line(byte[] buf, int off, int len, long number) {
            Span raw = Span.utf8(buf, off, len);
            record(raw, raw, number, null);
        }

        /** A record longer than {@link #MAX_RECORD}: skipped unparsed, its head kept for the excerpt. */
        void oversized(String unit, long number, Span head) {
            read++;
            lastRecord = number;
            reject(number, unit + " " + number + " is longer than " + (MAX_RECORD >> 20)
                    + " MiB, the most one record may hold; not parsed", head);
        }

        /** A whole JSON document: arrays, wrapper objects and bare objects, in sequence, record by record. */
        void document(Elements doc) throws IOException {
            try {
                while (doc.next()) {
                    byte[] head = doc.oversized();
                    if (head != null) {
                        oversized("record", doc.index(), Span.utf8(head, 0, head.length));
                    } else {
                        Span element = Span.utf8(doc.bytes(), doc.start(), doc.end() - doc.start());
                        // a repaired copy is probed afresh: the splitter's probe was taken on the stored bytes
                        record(element, element, doc.index(), element.bytes() == doc.bytes() ? doc.probe() : null);
                    }
                }
            } catch (Elements.Broken e) {
                long at = doc.index() + 1;
                byte[] near = doc.near(EXCERPT_BYTES);
                reject(at, "invalid JSON structure: " + message(e), Span.utf8(near, 0, near.length));
                fail("invalid JSON structure at record " + at + " (" + message(e) + "); rest of file not read");
            }
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
         * @param known the probe {@link Skim} took while splitting a document, or null to probe {@code json} here
         */
        void record(Span json, Span raw, long number, Probe known) {
            read++;
            lastRecord = number;
            Probe probe = known != null ? known : skim.record(json.bytes(), json.off(), json.len());
            boolean escaped = probe != null ? skim.escapedText() : Skim.escapedText(json.bytes(), json.off(), json.len());
            if (probe == null) {
                int nul = nul(json);
                if (nul >= 0) {
                    reject(number, "invalid JSON: NUL byte at byte " + (nul + 1) + " of the record", raw);
                    return;
                }
                try {
                    probe = Probe.scan(FACTORY, json.bytes(), json.off(), json.len(), fields);
                } catch (IOException e) {
                    reject(number, invalid(e), raw);
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
            // an identity may be written with JSON escapes (backslash-u, backslash-slash): parse such records
            if (!evidence && !escaped && !prefilter.mayMatch(json.bytes(), json.off(), json.len())) {
                notRelevant++;
                return;
            }
            NormalizedEvent event;
            JsonNode tree;
            try {
                tree = MAPPER.readTree(json.bytes(), json.off(), json.len());
                trees++;
                event = connector.map(tree, new RecordContext(task.source(), task.path(), number, time, accounts));
            } catch (RecordException e) {
                reject(number, e.getMessage(), raw);
                return;
            } catch (IOException e) {
                reject(number, invalid(e), raw);
                return;
            }
            if (event == null || event.account() == null) {
                String near = nearMiss(tree);
                if (near != null) {
                    reject(number, "identity-like value '" + near + "' differs from the configured identity only by"
                            + " whitespace/NUL", raw);
                } else {
                    notRelevant++;
                }
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

        /**
         * Where a NUL is among the first four bytes, else -1: Jackson would take the bytes for UTF-16 or
         * UTF-32 there and report characters that are not in the file. (A NUL is never valid JSON.)
         */
        private static int nul(Span json) {
            for (int i = 0; i < Math.min(4, json.len()); i++) {
                if (json.bytes()[json.off() + i] == 0) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * A string value of a record that concerns no account which would be a configured identity (or
         * sealed secret) of this source but for white space or NUL around it, shown with its control
         * characters escaped; else null. Such a value is not taken as the identity — that would be lax —
         * but it must not pass silently as "not relevant" either.
         */
        private String nearMiss(JsonNode node) {
            if (node.isTextual()) {
                String v = node.textValue();
                String core = trimmed(v);
                boolean configured = accounts.identityAccount(task.source(), core) != null
                        || accounts.sealedAccount(task.source(), core) != null;
                return core.length() < v.length() && !core.isEmpty() && configured ? visible(v) : null;
            }
            for (JsonNode child : node) {
                String near = nearMiss(child);
                if (near != null) {
                    return near;
                }
            }
            return null;
        }

        /** Without white space or control characters (NUL) at either end. */
        private static String trimmed(String v) {
            int from = 0;
            int to = v.length();
            while (from < to && (v.charAt(from) <= ' ' || Character.isWhitespace(v.charAt(from)))) {
                from++;
            }
            while (to > from && (v.charAt(to - 1) <= ' ' || Character.isWhitespace(v.charAt(to - 1)))) {
                to--;
            }
            return v.substring(from, to);
        }

        private static String visible(String v) {
            StringBuilder out = new StringBuilder();
            v.chars().forEach(c -> out.append(c < ' ' ? String.format("\\u%04x", c) : String.valueOf((char) c)));
            return out.toString();
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
            if (held == MAX_TIMES) {
                fold();
            } else if (held == times.length) {
                times = Arrays.copyOf(times, held * 2);
            }
            times[held++] = time.toEpochMilli();
            timed++;
        }

        /** The timestamps held so far as intervals, merged with those folded before: {@code folded} is then one array. */
        private void fold() {
            Arrays.sort(times, 0, held);
            folded.add(Coverage.intervals(times, held, gapMillis));
            long[] merged = Coverage.merge(folded, gapMillis);
            folded.clear();
            folded.add(merged);
            held = 0;
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
            if (quarantine.size() < MAX_LISTED) {
                quarantine.add(new QuarantineEntry(task.source(), task.path(), number, reason,
                        Redactor.excerpt(raw.head(EXCERPT_BYTES), EXCERPT)));
            } else {
                fail("more than " + MAX_LISTED + " records quarantined: the first " + MAX_LISTED
                        + " are listed, the others (from record " + number + ") only counted");
            }
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
            fold();
            return new FileScan(task.source(), task.path(), hash, bytes, read, normalised, notRelevant, quarantined,
                    error, events, quarantine, timed, folded.get(0), trees);
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
        /** The current line was longer than {@link #MAX_RECORD}: {@code [start, end)} is only its head. */
        boolean oversized;
        private Elements document;
        private int pos;
        private int limit;
        private boolean eof;

        Lines(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            oversized = false;
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
                    if (buf.length >= MAX_RECORD) {
                        skipLong();
                        return true;
                    }
                    buf = Arrays.copyOf(buf, Math.min(MAX_RECORD, buf.length * 2));
                }
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                } else {
                    limit += n;
                }
            }
        }

        /** The line fills the capped buffer: keeps its head for the excerpt and reads on to its end. */
        private void skipLong() throws IOException {
            int kept = EXCERPT_BYTES;
            number++;
            start = 0;
            end = kept;
            oversized = true;
            while (true) {
                int n = in.read(buf, kept, buf.length - kept);
                if (n < 0) {
                    eof = true;
                    pos = kept;
                    limit = kept;
                    return;
                }
                for (int i = kept; i < kept + n; i++) {
                    if (buf[i] == '\n') {
                        int after = kept + n - i - 1;
                        System.arraycopy(buf, i + 1, buf, kept, after);
                        pos = kept;
                        limit = kept + after;
                        return;
                    }
                }
            }
        }

        private void line(int from, int to) {
            number++;
            start = from;
            end = to > from && buf[to - 1] == '\r' ? to - 1 : to;
        }

        /**
         * Empty or only ASCII space, tab and CR: not a record. Nothing else is blank — a line of a NUL,
         * a form feed or a byte-order mark is a record (and quarantined), so no line vanishes uncounted.
         */
        boolean blank() {
            return nonBlank(start, end) == end;
        }

        /** The first byte that is not blank; only for a line that is not {@link #blank}. */
        byte firstNonBlank() {
            return buf[nonBlank(start, end)];
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
         * Does the input open with an array (when {@code arrays}: evidence not opening with an object is CSV) or with a wrapper object ({@code {"Records": [} …) on its first
         * line? Decided on the first buffer, so a delivery file that is one long line is not searched for
         * its end. If so, {@link #document} reads it. Otherwise nothing is consumed and lines are read as usual.
         */
        boolean opensDocument(boolean arrays) throws IOException {
            while (limit < Math.min(buf.length, 1 << 12) && !eof) {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                } else {
                    limit += n;
                }
            }
            int i = nonBlank(afterBom(pos, limit), limit);
            if (i < limit && buf[i] == '[' && arrays) {
                start = i;
                return true;
            }
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

        /** The document that starts with the current line, split as it streams. */
        Elements document(Skim skim) {
            document = new Elements(in, buf, start, limit, skim, WRAPPER_KEYS, MAX_RECORD, EXCERPT_BYTES);
            return document;
        }

        /**
         * The current line and everything after it, in the buffer, up to {@link #MAX_CSV} bytes; a read
         * failure keeps what came before it.
         */
        Span rest(Sink sink) {
            try {
                while (true) {
                    if (limit == buf.length) {
                        if (buf.length >= MAX_CSV) {
                            throw new IOException("larger than " + (MAX_CSV >> 20) + " MiB, only that much was read");
                        }
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
            byte[] last = document == null ? buf : document.bytes();
            if (last.length <= KEPT_BUFFER) {
                SPARE.set(last);
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

    /** A record's JSON error as its quarantine reason: a duplicated key says which. */
    private static String invalid(IOException e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : null;
        if (m != null && m.startsWith("Duplicate field '")) {
            return "duplicate key " + Redactor.cut(m.substring("Duplicate field ".length()), 120);
        }
        return "invalid JSON: " + message(e);
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
