package io.sealwatch.engine.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.config.SourceType;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.QuarantineEntry;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.security.MessageDigest;
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

/** Per-file state: counters, outputs, Vault-style pairing. */
final class RecordSink {
    final FileTask task;
    final SourceConnector connector;
    final AccountIndex accounts;
    final Prefilter prefilter;
    final Probe.Fields fields;
    final Skim skim;
    /** Sealwatch's own evidence: a file not opening with an object (or array) is CSV. */
    final boolean csv;
    /** Process evidence is read whole: its records name accounts by the evidence map, not by identity literals. */
    final boolean unfiltered;
    final long gapMillis;
    long read;
    long normalised;
    long notRelevant;
    long quarantined;
    long trees;
    long lastRecord;
    /** The file is read one record per line (not a JSON document, not CSV): what is appended can be read on. */
    boolean lines;
    /** Lines of the file read so far, blank ones included: where the numbering goes on when more is appended. */
    long linesRead;
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

    /**
     * Per reading thread and source type, the probe's fields and the skimmer over them: built once, not per
     * file (the skimmer holds only the current record's state).
     */
    private static final ThreadLocal<Map<String, Probing>> PROBING = ThreadLocal.withInitial(HashMap::new);
    private static final Prefilter NOTHING = new Prefilter(List.of());

    record Pending(NormalizedEvent event, String hash) {
    }

    private record Probing(Probe.Fields fields, Skim skim) {
        static Probing of(SourceConnector connector) {
            List<String> wanted = new ArrayList<>(connector.timeFields());
            wanted.addAll(connector.pairFields());
            Probe.Fields fields = Probe.Fields.of(wanted);
            return new Probing(fields, new Skim(fields));
        }
    }

    RecordSink(FileTask task, IngestSpec spec) {
        this.task = task;
        this.connector = Connectors.forType(task.source());
        this.accounts = spec.accounts();
        Prefilter configured = spec.prefilters().get(task.source());
        this.prefilter = configured == null ? NOTHING : configured;
        Probing probing = PROBING.get().computeIfAbsent(task.source(), t -> Probing.of(connector));
        this.fields = probing.fields();
        this.skim = probing.skim();
        this.csv = SourceType.EVIDENCE.is(task.source());
        this.unfiltered = SourceType.of(task.source()).processEvidence();
        this.gapMillis = spec.logGapMillis();
    }

    void line(byte[] buf, int off, int len, long number) {
        Span raw = Span.utf8(buf, off, len);
        record(raw, raw, number, null);
    }

    /** A record longer than {@link FileReader#MAX_RECORD}: skipped unparsed, its head kept for the excerpt. */
    void oversized(String unit, long number, Span head) {
        read++;
        lastRecord = number;
        reject(number, unit + " " + number + " is longer than " + (FileReader.MAX_RECORD >> 20)
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
            byte[] near = doc.near(FileReader.EXCERPT_BYTES);
            reject(at, "invalid JSON structure: " + FileReader.message(e), Span.utf8(near, 0, near.length));
            fail("invalid JSON structure at record " + at + " (" + FileReader.message(e) + "); rest of file not read");
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
            ObjectNode node = FileReader.MAPPER.createObjectNode();
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
        boolean escaped = probe != null ? skim.escapedText() : escapedText(json);
        if (probe == null) {
            int nul = nul(json);
            if (nul >= 0) {
                reject(number, "invalid JSON: NUL byte at byte " + (nul + 1) + " of the record", raw);
                return;
            }
            try {
                probe = Probe.scan(FileReader.FACTORY, json.bytes(), json.off(), json.len(), fields);
            } catch (IOException e) {
                reject(number, FileReader.invalid(e), raw);
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
        if (!unfiltered && !escaped && !prefilter.mayMatch(json.bytes(), json.off(), json.len())) {
            notRelevant++;
            return;
        }
        NormalizedEvent event;
        JsonNode tree;
        try {
            tree = FileReader.MAPPER.readTree(json.bytes(), json.off(), json.len());
            trees++;
            event = connector.map(tree, new RecordContext(task.source(), task.path(), number, time, accounts));
        } catch (RecordException e) {
            reject(number, e.getMessage(), raw);
            return;
        } catch (IOException e) {
            reject(number, FileReader.invalid(e), raw);
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
        MessageDigest digest = FileReader.sha256();
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

    /** {@link Skim#escapedText()}'s question for a record the scanner did not answer: a plain search. */
    private static boolean escapedText(Span json) {
        byte[] raw = json.bytes();
        for (int i = json.off(); i < json.off() + json.len() - 1; i++) {
            if (raw[i] == '\\' && (raw[i + 1] == 'u' || raw[i + 1] == '/')) {
                return true;
            }
            if (raw[i] == '\\') {
                i++;   // an escaped backslash does not start an escape
            }
        }
        return false;
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
                return connector.time(v, field);
            }
        }
        throw new RecordException("missing timestamp (" + String.join(" or ", connector.timeFields()) + ")");
    }

    private void timed(Instant time) {
        if (held == FileReader.MAX_TIMES) {
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
        if (quarantine.size() < FileReader.MAX_LISTED) {
            quarantine.add(new QuarantineEntry(task.source(), task.path(), number, reason,
                    Redactor.excerpt(raw.head(FileReader.EXCERPT_BYTES), FileReader.EXCERPT)));
        } else {
            fail("more than " + FileReader.MAX_LISTED + " records quarantined: the first " + FileReader.MAX_LISTED
                    + " are listed, the others (from record " + number + ") only counted");
        }
    }

    void fail(String problem) {
        if (error == null) {
            error = problem;
        }
    }

    /**
     * The file's result so far. The sink itself is left as it was, so that a file that grows can be read on
     * from where it ended ({@link Appended}): requests still waiting for their response are counted in the
     * result, and stay waiting in the sink.
     */
    FileScan finish(String hash, long bytes) {
        List<Row> rows = new ArrayList<>(events);
        pending.values().stream().sorted(Comparator.comparingLong(p -> p.event().record()))
                .forEach(p -> rows.add(EventRows.toRow(p.event(), p.hash())));
        long[] sorted = Arrays.copyOf(times, held);
        Arrays.sort(sorted);
        List<long[]> parts = new ArrayList<>(folded);
        parts.add(Coverage.intervals(sorted, held, gapMillis));
        return new FileScan(task.source(), task.path(), hash, bytes, read, normalised + pending.size(), notRelevant,
                quarantined, error, rows, new ArrayList<>(quarantine), timed, Coverage.merge(parts, gapMillis), trees);
    }
}
