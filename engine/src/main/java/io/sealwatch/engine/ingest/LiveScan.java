package io.sealwatch.engine.ingest;

import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.engine.spark.SessionSource;
import io.sealwatch.model.Period;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The service's scan, kept between judgements: every file's result stays in memory, so a judgement reads only
 * the files that are new or changed and touches no other. What it remembers is persisted in its folder as a
 * {@link ScanState} snapshot (the layout {@code run --state} reads) plus a {@link ScanJournal} of the changes
 * since, appended and forced to disk after each judgement; the snapshot is rewritten (and the journal emptied)
 * only when the journal has grown past {@link #COMPACT_FACTOR} times the snapshot. Loaded once, at the first
 * judgement, and again only when the configuration changes what a scan reads ({@link ScanState#keyOf}).
 *
 * <p>A local JSON-lines file that only grew is read from where its last read ended ({@link Appended}, kept in
 * memory only: the first read after a start is whole).
 *
 * <p>A judgement writes no events table and no quarantine files: its events stay on the driver (only a
 * bundle's renderers read those tables, and the service writes bundles through {@code run}'s own path).
 */
public final class LiveScan implements AutoCloseable {
    /** The journal is folded into a new snapshot when it holds more than this many times the snapshot's bytes. */
    static final int COMPACT_FACTOR = 2;
    /** ... and at least this many bytes: small journals are cheaper to replay than a snapshot is to rewrite. */
    static final long COMPACT_MIN = 8L << 20;

    private final Path dir;
    private final long compactMin;
    private final int compactFactor;
    private String key;
    private final Map<String, ScanState.Entry> files = new HashMap<>();
    private final Map<String, FileScan> scans = new HashMap<>();
    /** Where each JSON-lines file read on the driver ended, to read only what is appended (memory only). */
    private final Map<String, Appended> tails = new ConcurrentHashMap<>();
    private ScanJournal journal;
    private long snapshotBytes;
    private int readOn;
    private Ingest.Listed listed;

    /** @param dir the folder of the remembered scan ({@code <watch.state>/scan}); read at the first judgement */
    public LiveScan(Path dir) {
        this(dir, COMPACT_MIN, COMPACT_FACTOR);
    }

    /** Compacts when the journal holds more than {@code compactMin} bytes and {@code compactFactor} snapshots. */
    LiveScan(Path dir, long compactMin, int compactFactor) {
        this.dir = dir;
        this.compactMin = compactMin;
        this.compactFactor = compactFactor;
    }

    /**
     * Lists the configured inputs, as {@code run} lists them: what the next {@link #read} reads (the service
     * lists once per poll). Each problem of the listing is added to {@code problems}.
     */
    public synchronized List<ListedFile> list(SealwatchConfig config, Configuration hadoop, List<String> problems)
            throws IOException {
        Ingest.Listed l = Ingest.Listed.of(config, hadoop);
        listed = l;
        problems.addAll(l.problems());
        return l.files().stream().map(t -> new ListedFile(t.source(), t.path(), t.size(), t.modified())).toList();
    }

    /**
     * INGEST over the last listing (or a listing of its own before the first): the files listed unchanged are
     * not read again.
     */
    public synchronized IngestResult read(SessionSource spark, boolean local, SealwatchConfig config, Period period)
            throws IOException {
        load(config);
        return Ingest.scan(spark, local, config, period, listed, new Pass()).result();
    }

    /** Files read on from where they ended rather than whole, since the start (for tests and diagnostics). */
    synchronized int readOn() {
        return readOn;
    }

    /** Files remembered now (for tests and diagnostics). */
    synchronized int remembered() {
        return scans.size();
    }

    @Override
    public synchronized void close() throws IOException {
        if (journal != null) {
            journal.close();
            journal = null;
        }
    }

    /** The snapshot and the journal, when not loaded yet for the scan {@code config} asks for. */
    private void load(SealwatchConfig config) throws IOException {
        String k = ScanState.keyOf(config);
        if (k.equals(key)) {
            return;
        }
        close();
        files.clear();
        scans.clear();
        tails.clear();
        ScanState.Snapshot snapshot = ScanState.load(dir, k);
        files.putAll(snapshot.files());
        scans.putAll(snapshot.scans());
        snapshotBytes = ScanState.size(dir);
        journal = ScanJournal.open(dir, k, this::apply);
        key = k;
    }

    private void apply(ScanJournal.Change c) {
        if (c.scan() == null) {
            files.remove(c.id());
            scans.remove(c.id());
        } else {
            files.put(c.id(), c.entry());
            scans.put(c.id(), c.scan());
        }
    }

    /** Folds the journal into a new snapshot: the journal first, so that a crash between leaves only less remembered. */
    private void compact() throws IOException {
        journal.reset(key);
        ScanState.write(dir, key, files, scans);
        snapshotBytes = ScanState.size(dir);
    }

    /** One judgement's use of what is remembered: its changes go to the journal at {@link #save}. */
    private final class Pass implements ScanMemory {
        private final Set<String> kept = new HashSet<>();
        private final List<ScanJournal.Change> changes = new ArrayList<>();

        @Override
        public Optional<FileScan> reuse(FileTask task) {
            String id = ScanState.id(task);
            FileScan scan = scans.get(id);
            if (ScanState.unchanged(files.get(id), scan, task)) {
                kept.add(id);
                return Optional.of(scan);
            }
            Appended tail = tails.remove(id);
            FileScan grown = tail != null && tail.continues(task) ? tail.readOn(task, tails()) : null;
            if (grown != null) {
                readOn++;
                remember(task, grown);
            }
            return Optional.ofNullable(grown);
        }

        @Override
        public Consumer<Appended> tails() {
            return t -> tails.put(t.id(), t);
        }

        @Override
        public void remember(FileTask task, FileScan scan) {
            if (!ScanState.remembers(task, scan)) {
                return;
            }
            String id = ScanState.id(task);
            ScanState.Entry entry = ScanState.entry(task, scan);
            files.put(id, entry);
            scans.put(id, scan);
            kept.add(id);
            changes.add(new ScanJournal.Change(id, entry, scan));
        }

        @Override
        public void save() throws IOException {
            for (String id : List.copyOf(files.keySet())) {
                if (!kept.contains(id)) {
                    tails.remove(id);
                    files.remove(id);
                    scans.remove(id);
                    changes.add(new ScanJournal.Change(id, null, null));
                }
            }
            journal.append(changes);
            if (journal.size() > Math.max(compactMin, compactFactor * snapshotBytes)) {
                compact();
            }
        }
    }
}
