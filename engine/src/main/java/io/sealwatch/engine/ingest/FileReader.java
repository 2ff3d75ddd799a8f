package io.sealwatch.engine.ingest;

import com.fasterxml.jackson.core.JsonFactory;
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
import java.io.ByteArrayOutputStream;
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
        Lines lines = new Lines(new BufferedInputStream(data, 1 << 16));
        byte[] first;
        while ((first = lines.next()) != null && blank(first)) {
            // leading blank lines are not records
        }
        if (first == null) {
            return;
        }
        first = stripBom(first);
        byte c = firstNonBlank(first);
        if (sink.evidence && c != '{') {
            sink.csv(rest(first, lines, sink), lines.number - 1, sink.truncated);
        } else if (c == '[' || (c == '{' && isDocument(first))) {
            sink.document(new String(rest(first, lines, sink), StandardCharsets.UTF_8));
        } else {
            sink.line(first, lines.number);
            for (byte[] l = lines.next(); l != null; l = lines.next()) {
                if (!blank(l)) {
                    sink.line(l, lines.number);
                }
            }
        }
        if (sink.readFailure != null) {
            throw sink.readFailure;
        }
    }

    /** The first line plus everything after it; a read failure keeps what came before it. */
    private static byte[] rest(byte[] first, Lines lines, Sink sink) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        buf.writeBytes(first);
        buf.write('\n');
        try {
            lines.in.transferTo(buf);
        } catch (IOException e) {
            sink.readFailure = e;
            sink.truncated = true;
        }
        return buf.toByteArray();
    }

    /** Is the first line the start of a JSON document (incomplete value or wrapper object)? */
    private static boolean isDocument(byte[] firstLine) {
        try (JsonParser p = FACTORY.createParser(firstLine)) {
            p.nextToken();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() == JsonToken.START_ARRAY && WRAPPER_KEYS.contains(name)) {
                    return true;
                }
                p.skipChildren();
            }
            return t == null;   // the object goes on after this line: a pretty-printed document
        } catch (JsonProcessingException e) {
            // cut off inside a value: the first line of a pretty-printed document; any other error: a bad line
            return e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).contains("end-of-input");
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
        final boolean evidence;
        final long gapMillis;
        long read;
        long normalised;
        long notRelevant;
        long quarantined;
        long trees;
        long lastRecord;
        long elementStart;
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
            this.prefilter = new Prefilter(spec.literals().getOrDefault(task.source(), List.of()));
            List<String> wanted = new ArrayList<>(connector.timeFields());
            wanted.addAll(connector.pairFields());
            this.fields = Probe.Fields.of(wanted);
            this.evidence = "evidence".equals(task.source());
            this.gapMillis = spec.logGapMillis();
        }

        void line(byte[] raw, long number) {
            String text = new String(raw, StandardCharsets.UTF_8);
            record(text, raw, text, number);
        }

        /** A whole JSON document: arrays, wrapper objects and bare objects, in sequence. */
        void document(String text) {
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            long index = 0;
            try (JsonParser p = FACTORY.createParser(text)) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    long start = p.currentTokenLocation().getCharOffset();
                    elementStart = start;
                    if (t == JsonToken.START_ARRAY) {
                        index = elements(p, text, index);
                        continue;
                    }
                    boolean wrapper = false;
                    if (t == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            if (p.nextToken() == JsonToken.START_ARRAY && WRAPPER_KEYS.contains(name)) {
                                wrapper = true;
                                index = elements(p, text, index);
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    if (!wrapper) {
                        index++;
                        element(text, start, p.currentLocation().getCharOffset(), index);
                    }
                }
            } catch (IOException e) {
                if (!truncated) {
                    long at = Math.max(lastRecord, index) + 1;
                    reject(at, "invalid JSON structure: " + message(e), text.substring((int) Math.min(elementStart,
                            text.length())));
                    fail("invalid JSON structure at record " + at + " (" + message(e) + "); rest of file not read");
                }
            }
        }

        private long elements(JsonParser p, String text, long index) throws IOException {
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw new JsonEOFException(p, null, "unexpected end of input inside an array");
                }
                long start = p.currentTokenLocation().getCharOffset();
                elementStart = start;
                p.skipChildren();
                element(text, start, p.currentLocation().getCharOffset(), ++index);
            }
            return index;
        }

        private void element(String text, long start, long end, long index) {
            String record = text.substring((int) start, (int) end);
            record(record, record.getBytes(StandardCharsets.UTF_8), record, index);
        }

        /** Evidence CSV: a header, then one record per row (rows may span lines inside quotes). */
        void csv(byte[] bytes, long firstLine, boolean cut) {
            List<Csv.Row> rows = Csv.parse(new String(bytes, StandardCharsets.UTF_8), firstLine + 1);
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
                    reject(row.line(), problem, row.raw());
                    continue;
                }
                ObjectNode node = MAPPER.createObjectNode();
                for (int i = 0; i < row.fields().size(); i++) {
                    String v = row.fields().get(i).trim();
                    if (!v.isEmpty()) {
                        node.put(header.get(i), v);
                    }
                }
                record(node.toString(), row.raw().getBytes(StandardCharsets.UTF_8), row.raw(), row.line());
            }
        }

        /** One record: probe → prefilter → tree → connector, ending in exactly one account. */
        void record(String text, byte[] raw, String excerpt, long number) {
            read++;
            lastRecord = number;
            Probe probe;
            try {
                probe = Probe.scan(FACTORY, text, fields);
            } catch (IOException e) {
                reject(number, "invalid JSON: " + message(e), excerpt);
                return;
            }
            if (!probe.object()) {
                reject(number, "record is not a JSON object", excerpt);
                return;
            }
            Instant time;
            try {
                time = time(probe);
            } catch (RecordException e) {
                reject(number, e.getMessage(), excerpt);
                return;
            }
            timed(time);
            if (!evidence && !prefilter.mayMatch(raw)) {
                notRelevant++;
                return;
            }
            NormalizedEvent event;
            try {
                JsonNode tree = MAPPER.readTree(text);
                trees++;
                event = connector.map(tree, new RecordContext(task.source(), task.path(), number, time, accounts));
            } catch (RecordException e) {
                reject(number, e.getMessage(), excerpt);
                return;
            } catch (IOException e) {
                reject(number, "invalid JSON: " + message(e), excerpt);
                return;
            }
            if (event == null || event.account() == null) {
                notRelevant++;
                return;
            }
            String hash = HexFormat.of().formatHex(sha256().digest(raw));
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

        void reject(long number, String reason, String excerpt) {
            if (lastRecord != number) {
                read++;
                lastRecord = number;
            }
            quarantined++;
            quarantine.add(new QuarantineEntry(task.source(), task.path(), number, reason,
                    Redactor.excerpt(excerpt, EXCERPT)));
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

    /** Splits a stream into lines (LF or CRLF) of raw bytes, counting them; a cut-off last line is lost. */
    private static final class Lines {
        final InputStream in;
        long number;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream(1024);

        Lines(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            buf.reset();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                buf.write(b);
            }
            if (b == -1 && buf.size() == 0) {
                return null;
            }
            number++;
            byte[] line = buf.toByteArray();
            return line.length > 0 && line[line.length - 1] == '\r' ? Arrays.copyOf(line, line.length - 1) : line;
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

    private static boolean blank(byte[] line) {
        return firstNonBlank(line) == 0;
    }

    private static byte firstNonBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return 0;
    }

    private static byte[] stripBom(byte[] line) {
        return line.length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF
                ? Arrays.copyOfRange(line, 3, line.length) : line;
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
