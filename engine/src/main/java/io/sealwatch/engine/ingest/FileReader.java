package io.sealwatch.engine.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads one input file on an executor: hashes its stored bytes, gunzips it when it starts with the
 * gzip magic bytes, detects its layout, splits it into records ({@link LineSplitter}) and runs each through
 * probe → prefilter → tree → connector ({@link RecordSink}, which also holds the file's counters and outputs). Nothing here throws for bad data: a bad record is quarantined, a
 * file that cannot be read to its end keeps what was read and names the problem in its stats.
 *
 * <p>Layouts: the first non-blank line decides. {@code [} starts a JSON array; a first line that is
 * not a complete JSON value (pretty-printed) or is a wrapper object ({@code Records}, {@code records},
 * Graph {@code value}) makes the file one JSON document, split into records as it streams
 * ({@link Elements}); otherwise every line is one record, streamed. Evidence files not starting with
 * {@code {} are CSV. Either way at most one record is held at a time, of at most {@link #MAX_RECORD} bytes.
 */
final class FileReader {
    /**
     * Arrays of records inside a wrapper object: CloudTrail, Entra diagnostics, Graph pages, and the REST exports of
     * Jira ({@code issues}), ServiceNow ({@code result}) and PagerDuty ({@code log_entries}, {@code incidents}).
     */
    static final Set<String> WRAPPER_KEYS = Set.of("Records", "records", "value", "issues", "result", "log_entries",
            "incidents");
    /**
     * The most bytes one record may hold. Real ones are far smaller (CloudTrail and GCP cap an event
     * at 256 KB, Okta and Entra events are a few KB); the cap bounds what a reader holds at once — the
     * record, its repaired copy, its tree — so a decompression bomb or a file without line breaks
     * cannot exhaust an executor's memory. A longer record is quarantined unparsed.
     */
    static final int MAX_RECORD = 16 << 20;
    /** Evidence CSV is read whole (rows may span lines); hand-made evidence is kilobytes, this bounds a bad file. */
    static final int MAX_CSV = 64 << 20;
    static final int EXCERPT = 200;
    /** Enough bytes of a rejected record for the redacted excerpt (which looks ten times further). */
    static final int EXCERPT_BYTES = EXCERPT * 10 * 4;
    /**
     * Quarantine entries listed per file. A file of garbage (a large binary matched by the glob) would
     * otherwise hold one entry per line; past this the records are still counted, and the file names
     * the cut as its problem.
     */
    static final int MAX_LISTED = 20_000;
    /** Timestamps held per file before they are folded into coverage intervals (which merge exactly). */
    static final int MAX_TIMES = 1 << 20;
    /** Strict about duplicated keys: a record with one is ambiguous, not last-wins (as in {@link Skim}). */
    static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** What a reading thread keeps from file to file (a Spark executor's task threads live on between tasks). */
    private static final ThreadLocal<Reused> REUSED = ThreadLocal.withInitial(() -> new Reused(new Stored(), new Gunzip()));

    private record Reused(Stored stored, Gunzip gunzip) {
    }

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
        return read(task, spec, conf, null);
    }

    /** @param tails given where a JSON-lines file can be read on from ({@link Appended#of}), or null */
    static FileScan read(FileTask task, IngestSpec spec, Configuration conf, Consumer<Appended> tails) {
        RecordSink sink = new RecordSink(task, spec);
        Reused reused = REUSED.get();
        Stored stored = null;
        String hash = null;
        try {
            try (InputStream in = open(task.uri(), conf)) {
                stored = reused.stored().open(in);
                boolean gzip = stored.gzip();
                try {
                    readRecords(gzip ? reused.gunzip().open(stored) : stored, sink);
                } catch (IOException | RuntimeException e) {
                    sink.fail((gzip ? "gzip stream unreadable" : "read failed") + " after record "
                            + sink.lastRecord + ": " + describe(e));
                } catch (OutOfMemoryError e) {
                    // memory is bounded per record, but the executor is shared: name the file, keep the job
                    sink.fail("out of memory after record " + sink.lastRecord + "; rest of file not read");
                }
                stored.drain();
                Appended tail = tails == null || gzip ? null : Appended.of(task, sink, stored);
                if (tail != null) {
                    tails.accept(tail);
                }
                hash = stored.finish();
            }
        } catch (IOException | RuntimeException e) {
            sink.fail("cannot read file: " + describe(e));
        }
        return sink.finish(hash, stored == null ? 0 : stored.count());
    }

    /**
     * Local files are opened directly: Hadoop's local file system adds a checksum-file lookup per open, and
     * parsing the URI as a Hadoop path (regular expressions) cost as much as opening the file.
     */
    private static InputStream open(String uri, Configuration conf) throws IOException {
        String local = localPath(uri);
        if (local != null) {
            return java.nio.file.Files.newInputStream(java.nio.file.Path.of(local));
        }
        Path path = new Path(uri);
        return path.getFileSystem(conf).open(path);
    }

    /**
     * The file a {@code file:} URI names, as Hadoop's {@code new Path(uri).toUri().getPath()} reads it, or
     * null for other schemes. The forms the lister writes ({@code file:/abs}, and {@code file:///abs}) are
     * taken as they are; anything Hadoop would normalise or unescape goes through Hadoop.
     */
    static String localPath(String uri) {
        if (!uri.startsWith("file:")) {
            return null;
        }
        String p = uri.startsWith("file:///") ? uri.substring(7) : uri.substring(5);
        boolean plain = p.startsWith("/") && p.indexOf('%') < 0 && !p.contains("//") && !p.contains("/./")
                && !p.contains("/../") && !p.endsWith("/") && !p.endsWith("/.") && !p.endsWith("/..");
        if (plain) {
            return p;
        }
        Path path = new Path(uri);
        return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : null;
    }

    private static void readRecords(InputStream data, RecordSink sink) throws IOException {
        LineSplitter lines = new LineSplitter(data);
        try {
            readRecords(lines, sink);
        } finally {
            lines.release();
        }
    }

    private static void readRecords(LineSplitter lines, RecordSink sink) throws IOException {
        if (lines.opensDocument(!sink.csv)) {
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
        if (sink.csv && c != '{') {
            sink.csv(lines.rest(sink), lines.number - 1, sink.truncated);
            if (sink.readFailure != null) {
                throw sink.readFailure;
            }
        } else if (c == '[' || (c == '{' && isDocument(lines.buf, lines.start, lines.end - lines.start))) {
            sink.document(lines.document(sink.skim));
        } else {
            sink.lines = true;
            do {
                line(lines, sink);
            } while (lines.next());
        }
    }

    /** The current line as one record: blank lines are none. */
    static void line(LineSplitter lines, RecordSink sink) {
        sink.linesRead = lines.number;
        if (lines.oversized) {
            sink.oversized("line", lines.number, Span.utf8(lines.buf, lines.start, lines.end - lines.start));
        } else if (!lines.blank()) {
            sink.line(lines.buf, lines.start, lines.end - lines.start, lines.number);
        }
    }

    /** Is the first line the start of a JSON document (incomplete value or wrapper object)? */
    static boolean isDocument(byte[] buf, int off, int len) {
        return isDocument(buf, off, len, false);
    }

    /** @param wrapperOnly only a wrapper key says yes (the bytes may be a cut-off part of the first line) */
    static boolean isDocument(byte[] buf, int off, int len, boolean wrapperOnly) {
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

    /** A record's JSON error as its quarantine reason: a duplicated key says which. */
    static String invalid(IOException e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : null;
        if (m != null && m.startsWith("Duplicate field '")) {
            return "duplicate key " + Redactor.cut(m.substring("Duplicate field ".length()), 120);
        }
        return "invalid JSON: " + message(e);
    }

    static String message(IOException e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return Redactor.cut(Redactor.redact(String.valueOf(m)).replaceAll("\\s+", " "), 160);
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + Redactor.cut(e.getMessage(), 200));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
