package io.sealwatch.engine.ingest;

import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.config.SourceSpec;
import io.sealwatch.engine.spark.SessionSource;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.Period;
import io.sealwatch.model.QuarantineEntry;
import io.sealwatch.result.SourceCoverage;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The INGEST stage: lists the configured inputs, reads them in parallel (on Spark executors, or on the driver's own
 * threads for a small local run), drops re-delivered duplicates, and returns the normalised events, the quarantined
 * records and the accounting and coverage of every input. It writes nothing: the bundle's renderers write the
 * events table and the quarantine files from the run's result.
 *
 * <p>Only the few normalised (break-glass) events, the quarantined records and per-file summaries
 * come back to the driver; irrelevant records are counted and dropped where they are read.
 */
public final class Ingest {
    private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);
    private static final int TASKS_PER_CORE = 4;
    /**
     * Up to this many fresh files, and {@link #IN_PROCESS_MAX_BYTES} stored bytes, a run on a local master
     * reads them on the driver's own threads: a Spark job costs a second or more of scheduling, task and
     * result serialisation whatever its size, and the scan need not start a Spark session at all.
     */
    static final int IN_PROCESS_MAX_FILES = 5000;
    static final long IN_PROCESS_MAX_BYTES = 256L << 20;

    private Ingest() {
    }

    public static IngestResult run(SparkSession spark, SealwatchConfig config, Period period) throws IOException {
        return run(SessionSource.of(spark), false, config, period, null);
    }

    /**
     * @param spark    asked for the session only when it is needed: on a local master ({@code local}), local files
     *                 up to {@link #IN_PROCESS_MAX_FILES} are listed and read without one
     * @param stateDir where earlier runs remembered what they read ({@code run --state}); files listed
     *                 unchanged are not read again. Null: read everything.
     */
    public static IngestResult run(SessionSource spark, boolean local, SealwatchConfig config, Period period,
                                   Path stateDir) throws IOException {
        return scan(spark, local, config, period, stateDir).result();
    }

    /**
     * The Hadoop settings to list and read the inputs with: Spark's (its {@code spark.hadoop.*}, e.g. object store
     * credentials) when an input is named by a URI or the master is a cluster, which starts the session; else plain
     * ones, for local paths are listed and read with {@code java.nio} and need no session.
     */
    public static Configuration hadoop(SessionSource spark, boolean local, SealwatchConfig config) {
        boolean uris = config.sources().stream().anyMatch(s -> FileLister.isUri(s.path()));
        if (!uris && local) {
            return new Configuration();
        }
        return spark.session(uris ? "inputs named by URI are listed with Spark's Hadoop settings"
                : "a cluster master: the inputs are read on its executors").sparkContext().hadoopConfiguration();
    }

    /** The configured sources whose glob matches no file (what {@code validate} reports), without Spark. */
    public static List<SourceSpec> unmatched(SealwatchConfig config) throws IOException {
        List<FileLister.Unmatched> unmatched = new ArrayList<>();
        FileLister.list(config, new Configuration(), unmatched, new ArrayList<>());
        return config.sources().stream().filter(s -> unmatched.stream()
                .anyMatch(u -> u.source().equals(s.type()) && u.glob().equals(s.path()))).toList();
    }

    /**
     * The result with what the scan saw on the way, for tests and diagnostics.
     *
     * @param unmatched globs that matched no file (the CLI's {@code validate} reports them as errors)
     * @param trees     records parsed into a JSON tree, i.e. that passed the byte prefilter or are evidence
     * @param records   records read in all files
     */
    record Scan(IngestResult result, List<FileLister.Unmatched> unmatched, long trees, long records) {
    }

    static Scan scan(SparkSession spark, SealwatchConfig config, Period period) throws IOException {
        return scan(SessionSource.of(spark), false, config, period, null);
    }

    static Scan scan(SessionSource spark, boolean local, SealwatchConfig config, Period period, Path stateDir)
            throws IOException {
        ScanMemory state = stateDir == null ? null : ScanState.open(stateDir, config);
        return scan(spark, local, config, period, null, state);
    }

    /** A listing of the configured inputs, with what it found wrong (the service lists once per poll). */
    record Listed(List<FileTask> files, List<FileLister.Unmatched> unmatched, List<String> problems) {
        static Listed of(SealwatchConfig config, Configuration hadoop) throws IOException {
            List<FileLister.Unmatched> unmatched = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            List<FileTask> files = FileLister.list(config, hadoop, unmatched, problems);
            return new Listed(List.copyOf(files), List.copyOf(unmatched), List.copyOf(problems));
        }
    }

    /**
     * @param listed what to read, or null to list the sources here
     * @param memory what earlier scans read, or null to read everything
     */
    static Scan scan(SessionSource spark, boolean local, SealwatchConfig config, Period period, Listed listed,
                     ScanMemory memory) throws IOException {
        Instant horizon = period.from().minus(config.policy().lookback());
        long started = System.nanoTime();
        Configuration hadoop = hadoop(spark, local, config);
        Listed listing = listed != null ? listed : Listed.of(config, hadoop);
        List<FileTask> tasks = listing.files().stream()
                .filter(t -> FileLister.mayHold(t, horizon, period.to())).toList();
        listing.problems().forEach(LOG::warn);
        started = logStep("list " + tasks.size() + " files", started);

        IngestSpec spec = IngestSpec.of(config);
        List<FileScan> scans = new ArrayList<>();
        List<FileTask> fresh = new ArrayList<>();
        for (FileTask t : tasks) {
            var reused = memory == null ? java.util.Optional.<FileScan>empty() : memory.reuse(t);
            reused.ifPresentOrElse(scans::add, () -> fresh.add(t));
        }
        if (!fresh.isEmpty()) {
            long bytes = fresh.stream().mapToLong(t -> Math.max(0, t.size())).sum();
            boolean here = local && fresh.size() <= IN_PROCESS_MAX_FILES && bytes <= IN_PROCESS_MAX_BYTES;
            LOG.info("step ingest: reading {} files ({} bytes) {}", fresh.size(), bytes, here
                    ? "on the driver (local master, at most " + IN_PROCESS_MAX_FILES + " files and "
                    + IN_PROCESS_MAX_BYTES + " bytes)" : "in Spark tasks");
            List<FileScan> read = here ? readHere(fresh, spec, hadoop, memory == null ? null : memory.tails())
                    : readInSpark(spark.session("reading " + fresh.size() + " files (" + bytes + " bytes) in Spark "
                    + "tasks"), fresh, spec, hadoop);
            scans.addAll(read);
            if (memory != null) {
                Map<List<String>, FileScan> byFile = new HashMap<>();
                read.forEach(r -> byFile.put(List.of(r.source(), r.path()), r));
                for (FileTask t : fresh) {
                    memory.remember(t, byFile.get(List.of(t.source(), t.path())));
                }
            }
        }
        if (memory != null) {
            memory.save();
        }
        started = logStep("read " + fresh.size() + " files", started);
        scans.sort(Comparator.comparing((FileScan s) -> s.stats().source()).thenComparing(s -> s.stats().path()));

        Deduplicated dedup = deduplicate(scans);
        List<QuarantineEntry> quarantine = new ArrayList<>();
        scans.forEach(s -> quarantine.addAll(s.quarantine()));
        List<SourceCoverage> coverage = coverage(config, scans, period);
        long total = dedup.stats().stream().mapToLong(InputFileStats::duplicates).sum();
        IngestResult result = new IngestResult(dedup.stats(), total, coverage, List.copyOf(quarantine),
                tasks.size() - fresh.size(), listing.problems(),
                dedup.rows().stream().map(EventRows::asStored).toList());
        logStep("deduplicate, coverage", started);
        return new Scan(result, listing.unmatched(), scans.stream().mapToLong(FileScan::trees).sum(),
                scans.stream().mapToLong(s -> s.stats().read()).sum());
    }

    /** Reads in Spark tasks on the executors, which get the driver's Hadoop settings as a map. */
    private static List<FileScan> readInSpark(SparkSession spark, List<FileTask> fresh, IngestSpec spec,
                                              Configuration hadoop) {
        Map<String, String> conf = new HashMap<>();
        hadoop.forEach(e -> conf.put(e.getKey(), e.getValue()));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<List<FileTask>> bins = balance(fresh, jsc.defaultParallelism() * TASKS_PER_CORE);
        return jsc.parallelize(bins, bins.size()).flatMap(bin -> {
            Configuration taskConf = FileReader.configuration(conf);
            List<FileScan> out = new ArrayList<>(bin.size());
            bin.forEach(t -> out.add(FileReader.read(t, spec, taskConf)));
            return out.iterator();
        }).collect();
    }

    /** The same reads as the Spark tasks, on one thread per core (each keeps its buffers for its next file). */
    private static List<FileScan> readHere(List<FileTask> fresh, IngestSpec spec, Configuration conf,
                                           Consumer<Appended> tails) throws IOException {
        List<List<FileTask>> bins = balance(fresh, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(bins.size());
        try {
            List<Future<List<FileScan>>> done = new ArrayList<>();
            for (List<FileTask> bin : bins) {
                done.add(pool.submit(() -> bin.stream().map(t -> FileReader.read(t, spec, conf, tails)).toList()));
            }
            List<FileScan> out = new ArrayList<>(fresh.size());
            for (Future<List<FileScan>> f : done) {
                out.addAll(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            throw new IOException("reading the inputs failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the inputs", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Logs a step of the stage (shown with -v) and returns the time the next one starts. */
    private static long logStep(String step, long started) {
        long now = System.nanoTime();
        LOG.info(String.format(java.util.Locale.ROOT, "step ingest: %-30s %6.2f s", step, (now - started) / 1e9));
        return now;
    }

    /**
     * Splits the files into about {@code count} tasks of similar total size (largest first, each to the
     * lightest task): inputs mix thousands of small hourly files with a few large daily ones, and
     * contiguous slices of the listing would leave one task with all of the large ones.
     */
    static List<List<FileTask>> balance(List<FileTask> files, int count) {
        int n = Math.max(1, Math.min(files.size(), count));
        List<FileTask> bySize = new ArrayList<>(files);
        bySize.sort(Comparator.comparingLong((FileTask t) -> -weight(t)).thenComparing(FileTask::source)
                .thenComparing(FileTask::path));
        List<List<FileTask>> bins = new ArrayList<>();
        long[] load = new long[n];
        PriorityQueue<Integer> lightest = new PriorityQueue<>(
                Comparator.comparingLong((Integer i) -> load[i]).thenComparingInt(i -> i));
        for (int i = 0; i < n; i++) {
            bins.add(new ArrayList<>());
            lightest.add(i);
        }
        for (FileTask t : bySize) {
            int bin = lightest.poll();
            bins.get(bin).add(t);
            load[bin] += weight(t);
            lightest.add(bin);
        }
        return bins;
    }

    /** A file's share of the work: its size, and a fixed cost per file (unknown sizes count as 1 MB). */
    private static long weight(FileTask t) {
        return (t.size() < 0 ? 1 << 20 : t.size()) + 4096;
    }

    private record Deduplicated(List<Row> rows, List<InputFileStats> stats) {
    }

    /**
     * Same source type, native event id and raw-content hash = the same event delivered twice: the
     * first by (file, record) is kept. The same id with other content is kept (it is a different record).
     */
    private static Deduplicated deduplicate(List<FileScan> scans) {
        int source = EventRows.SCHEMA.fieldIndex("sourceType");
        int file = EventRows.SCHEMA.fieldIndex("sourceFile");
        int record = EventRows.SCHEMA.fieldIndex("record");
        int id = EventRows.SCHEMA.fieldIndex("eventId");
        int hash = EventRows.SCHEMA.fieldIndex("contentHash");
        List<Row> all = new ArrayList<>();
        scans.forEach(s -> all.addAll(s.events()));
        all.sort(Comparator.comparing((Row r) -> r.getString(source)).thenComparing(r -> r.getString(file))
                .thenComparingLong(r -> r.getLong(record)));
        Set<List<String>> seen = new HashSet<>();
        Map<String, Long> dropped = new HashMap<>();
        List<Row> kept = new ArrayList<>();
        for (Row r : all) {
            String eventId = r.getString(id);
            if (eventId != null && !seen.add(List.of(r.getString(source), eventId, r.getString(hash)))) {
                dropped.merge(r.getString(source) + "\u0000" + r.getString(file), 1L, Long::sum);
            } else {
                kept.add(r);
            }
        }
        List<InputFileStats> stats = scans.stream().map(FileScan::stats).map(s -> {
            long d = dropped.getOrDefault(s.source() + "\u0000" + s.path(), 0L);
            return d == 0 ? s : new InputFileStats(s.source(), s.path(), s.sha256(), s.bytes(), s.read(),
                    s.normalised() - d, s.notRelevant(), s.quarantined(), d, s.error());
        }).toList();
        return new Deduplicated(kept, stats);
    }

    /** One coverage per configured log source type (not process evidence), in type order. */
    private static List<SourceCoverage> coverage(SealwatchConfig config, List<FileScan> scans, Period period) {
        Set<String> types = new TreeSet<>();
        config.sources().stream().filter(s -> !s.sourceType().processEvidence()).map(SourceSpec::type).forEach(types::add);
        long gap = config.policy().logGap().toMillis();
        List<SourceCoverage> out = new ArrayList<>();
        for (String type : types) {
            List<FileScan> of = scans.stream().filter(s -> s.stats().source().equals(type)).toList();
            long[] merged = Coverage.merge(of.stream().map(FileScan::intervals).toList(), gap);
            out.add(Coverage.of(type, of.stream().mapToLong(FileScan::timed).sum(), merged, period,
                    config.policy().logGap()));
        }
        return out;
    }
}
