package io.sealwatch.cli.watch;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sealwatch.alerts.Alert;
import io.sealwatch.alerts.DeliveryState;
import io.sealwatch.alerts.Outbox;
import io.sealwatch.cli.base.Failure;
import io.sealwatch.cli.base.ProcessLock;
import io.sealwatch.cli.base.ServiceSignals;
import io.sealwatch.cli.job.Job;
import io.sealwatch.cli.job.PeriodSpec;
import io.sealwatch.cli.job.RunOptions;
import io.sealwatch.config.ConfigException;
import io.sealwatch.config.ConfigLoader;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.config.SourceSpec;
import io.sealwatch.engine.ingest.Ingest;
import io.sealwatch.engine.ingest.LiveScan;
import io.sealwatch.engine.ingest.ListedFile;
import io.sealwatch.engine.spark.Sparks;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.Period;
import io.sealwatch.model.Severity;
import io.sealwatch.result.RunResult;
import io.sealwatch.result.SourceCoverage;
import io.sealwatch.web.AlertRow;
import io.sealwatch.web.OutboxRow;
import io.sealwatch.web.SourceRow;
import io.sealwatch.web.StatusServer;
import io.sealwatch.web.StatusSnapshot;
import io.sealwatch.web.StatusView;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The long-lived service: every {@code watch.poll} it lists the sources and judges — the same code path
 * as {@code run --to <now>} ({@link Job#analyse} over the quarter to date, reading only new or changed
 * files: the {@link LiveScan} keeps every file's result in memory and journals it in {@code <state>/scan};
 * the listing of the poll is the one it reads) — when a file is new or has changed, when a
 * deadline has passed ({@link Deadlines}), and at least every {@link #REJUDGE}; each judgement's alerts
 * go to the outbox, the status server shows the latest {@link #snapshot}, and the nightly and quarterly
 * bundles are written when due.
 */
public final class Service implements ServiceSignals.Service, StatusView, AutoCloseable {
    /** Standing conditions (drills, reviews) change with the date alone; this bounds how stale they get. */
    static final Duration REJUDGE = Duration.ofHours(1);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Clock clock;
    private final Outbox outbox;
    private StatusServer server;
    private final WatchMetrics metrics;
    private final PrintStream err;
    private final PrintStream progress;
    private final ProcessLock lock;
    private final Instant firstStart;
    private final Bundles bundles;
    /** What was read, kept between judgements (and in {@code <state>/scan}): a judgement reads only what changed. */
    private final LiveScan scan;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object wake = new Object();
    private volatile Setup setup;
    private volatile boolean stopRequested;
    private volatile boolean reloadRequested;

    private Map<String, ListedFile> listing = Map.of();
    private Map<String, ListedFile> judgedListing = Map.of();
    private List<String> listProblems = List.of();
    /** The latest judgement as the page shows it, replaced whole so that a reader never mixes two. */
    private volatile Judged judged = new Judged(null, null, List.of(), null);
    private List<Alert> recorded = List.of();
    private Instant nextDue;

    /**
     * @param result  the latest judgement, or null before the first
     * @param problem why the service is not healthy (the evidence is incomplete, judging failed), or null
     */
    private record Judged(RunResult result, Instant at, List<SourceRow> sources, String problem) {
    }

    Service(Setup setup, ProcessLock lock, Outbox outbox, WatchMetrics metrics, Clock clock, PrintStream err,
            boolean verbose) throws IOException {
        this.setup = setup;
        this.lock = lock;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
        this.err = err;
        this.progress = verbose ? err : new PrintStream(OutputStream.nullOutputStream());
        this.firstStart = FirstStart.of(setup.state(), now());
        this.bundles = new Bundles(err, firstStart);
        this.scan = new LiveScan(setup.state().resolve("scan"));
    }

    /** Polls until asked to stop; the exit code: 0 after a requested stop, 3 when the state cannot be written. */
    int loop() {
        try {
            while (!stopRequested) {
                try {
                    tick();
                } catch (StateUnwritable e) {
                    err.println("sealwatch: " + e.getMessage());
                    return 3;
                }
                synchronized (wake) {
                    if (!stopRequested) {
                        wake.wait(setup.config().watch().poll().toMillis());
                    }
                }
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            stopped.countDown();
        }
    }

    /** One poll: reload if asked, list, judge when needed, write due bundles. True when it judged. */
    public boolean tick() throws StateUnwritable {
        if (reloadRequested) {
            reloadRequested = false;
            reload();
        }
        Instant now = now();
        boolean changed = list(now);
        Judged last = judged;
        boolean due = last.result() == null || nextDue != null && !now.isBefore(nextDue)
                || !now.isBefore(last.at().plus(REJUDGE));
        if (changed || due) {
            judge(now);
        }
        bundles.writeDue(setup, now);
        return changed || due;
    }

    /** Judges as of now whatever changed: what the hourly re-judgement does, and what tests compare with {@code run}. */
    public RunResult judge() throws StateUnwritable {
        Instant now = now();
        list(now);
        judge(now);
        return latest();
    }

    Setup setup() {
        return setup;
    }

    /** Starts the status page on the configured address (port 0: any free one, which alerts then link to). */
    void serve(String bearerToken, PrometheusRegistry registry) {
        server = StatusServer.start(setup.host(), setup.port(), bearerToken, this, registry);
        setup = setup.withPort(server.port());
    }

    /** The latest judgement, or null before the first. */
    public RunResult latest() {
        return judged.result();
    }

    /** Alerts of the latest judgement about history before the first start: not sent (docs/watch.md). */
    List<Alert> recorded() {
        return recorded;
    }

    /** What the status page shows; cheap, from any thread: only what the service already holds. */
    @Override
    public StatusSnapshot snapshot() {
        List<AlertRow> alerts = outbox.alerts().stream().map(a -> new AlertRow(a.id(), a.kind().wire(),
                a.severity().wire(), a.account(), a.episode(), a.rule(), a.at(), a.detectedAt(), a.message(), a.url()))
                .toList();
        List<OutboxRow> deliveries = outbox.deliveries().stream().map(Service::row).toList();
        Judged last = judged;
        return new StatusSnapshot(last.result(), now(), last.at(), last.sources(), alerts, deliveries,
                last.problem() == null, last.problem());
    }

    private static OutboxRow row(DeliveryState d) {
        return new OutboxRow(d.alertId(), d.kind().wire(), d.severity().wire(), d.sink(),
                d.state().name().toLowerCase(Locale.ROOT).replace('_', '-'), d.attempts(), d.lastAttempt(),
                d.lastError(), d.nextAttempt());
    }

    /** True when the listing differs from the previous poll's. */
    private boolean list(Instant now) {
        SealwatchConfig config = setup.config();
        List<String> problems = new ArrayList<>();
        Map<String, ListedFile> files = new TreeMap<>();
        try {
            Configuration hadoop = Ingest.hadoop(why -> Sparks.session(setup.master(), Job.appJars()),
                    Sparks.isLocal(setup.master()), config);
            scan.list(config, hadoop, problems).forEach(f -> files.put(f.path(), f));
        } catch (IOException | RuntimeException e) {
            problems.add("the sources could not be listed: " + Failure.describe(e));
            post(List.of(AlertDerivation.inputProblem(problems.get(problems.size() - 1),
                    period(now).period().from(), now, setup.page())));
            files.putAll(listing);   // judge what was last seen rather than an empty world
        }
        boolean changed = !files.equals(listing) || !problems.equals(listProblems);
        listing = Map.copyOf(files);
        listProblems = List.copyOf(problems);
        return changed;
    }

    private void judge(Instant now) throws StateUnwritable {
        SealwatchConfig config = setup.config();
        Path state = setup.state();
        RunResult result;
        long started = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        try {
            RunOptions options = new RunOptions(config.file(), period(now), null, setup.master(), Severity.CRITICAL,
                    false, setup.ruleDirs(), null, null);
            result = new Job(progress).analyse(config, options, setup.rules(), scan);
        } catch (IOException | RuntimeException e) {
            if (stopRequested) {
                return;   // cancelled by the stop: nothing was saved half-way (the scan journals whole records)
            }
            if (!Files.isWritable(state)) {
                throw new StateUnwritable("the state folder " + state + " cannot be written: " + Failure.describe(e), e);
            }
            String problem = "judging as of " + now + " failed: " + Failure.describe(e);
            err.println("sealwatch: " + problem + " (the service keeps running and tries again at the next poll)");
            post(List.of(AlertDerivation.inputProblem(problem, period(now).period().from(), now, setup.page())));
            Judged last = judged;
            judged = new Judged(last.result(), last.at(), last.sources(), problem);
            nextDue = now;   // try again at the next poll
            return;
        }
        metrics.judged(result, judgedListing, listing, now, Duration.ofNanos(System.nanoTime() - started));
        judgedListing = listing;
        judged = new Judged(result, now, sources(result, now),
                result.info().complete() ? null : String.join("; ", result.info().problems()));
        nextDue = Deadlines.next(result, now);
        AlertDerivation.Derived derived = AlertDerivation.derive(result, now, listing, listProblems,
                firstStart.minus(config.policy().logGap()), setup.page());
        recorded = derived.recorded();
        List<Alert> fresh = post(derived.send());
        fresh.forEach(a -> err.println("alert " + a.kind().wire() + " " + a.severity().wire() + ": " + a.message()));
        // every judgement with -v (bench/watch-latency reads them); without, those that raised alerts or were slow.
        // The CPU time of this thread says what a judgement costs when the machine is shared (wall time waits too).
        long took = System.nanoTime() - started;
        (!fresh.isEmpty() || took > TimeUnit.SECONDS.toNanos(5) ? err : progress).printf(Locale.ROOT,
                "judged as of %s in %.3f s (%.3f s CPU): %d episodes, %d findings%n", now, took / 1e9,
                (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9, result.facts().episodes().size(),
                result.evaluation().findings().size());
    }

    /** Posts each alert; the ones not taken before. An outbox that cannot keep an alert is a state failure. */
    private List<Alert> post(List<Alert> alerts) {
        List<Alert> fresh = new ArrayList<>();
        for (Alert a : alerts) {
            try {
                if (outbox.post(a)) {
                    fresh.add(a);
                }
            } catch (IOException e) {
                throw new StateUnwritable("an alert could not be kept in " + setup.state() + ": " + Failure.describe(e), e);
            }
        }
        return fresh;
    }

    private List<SourceRow> sources(RunResult result, Instant now) {
        SealwatchConfig config = result.config();
        List<SourceRow> out = new ArrayList<>();
        for (SourceSpec spec : config.sources()) {
            String type = spec.type();
            List<ListedFile> files = listing.values().stream().filter(f -> f.source().equals(type)).toList();
            long records = result.inputs().stream().filter(i -> i.source().equals(type))
                    .mapToLong(InputFileStats::read).sum();
            Instant lastFile = files.stream().filter(f -> f.modified() >= 0)
                    .map(f -> Instant.ofEpochMilli(f.modified())).max(Instant::compareTo).orElse(null);
            SourceCoverage coverage = result.coverage().stream().filter(c -> c.source().equals(type)).findFirst()
                    .orElse(null);   // evidence has none: it is not a log that must flow
            Period period = result.info().period();
            Instant lastEvent = coverage == null ? null : AlertDerivation.lastEvent(coverage, period);
            Duration lag = lastEvent == null ? null : Duration.between(lastEvent, now);
            boolean silent = coverage != null && AlertDerivation.silentSince(coverage, period) != null;
            String error = listProblems.stream().filter(p -> p.contains(type + " (" + spec.path() + ")")).findFirst()
                    .orElse(result.inputs().stream().filter(i -> i.source().equals(type) && i.error() != null)
                            .map(i -> i.path() + ": " + i.error()).findFirst().orElse(null));
            out.add(new SourceRow(type, spec.path(), files.size(), records, lastFile, lastEvent, lag, silent, error));
        }
        return List.copyOf(out);
    }

    /** What {@code run --to <now>} judges: the quarter to date (PeriodSpec decides, as for run). */
    private PeriodSpec.Resolved period(Instant now) {
        return PeriodSpec.resolve(null, now.toString(), null, Clock.fixed(now, ZoneOffset.UTC));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** SIGHUP: the new config replaces the running one only when it is valid and keeps the same state folder. */
    private void reload() {
        SealwatchConfig old = setup.config();
        try {
            SealwatchConfig loaded = ConfigLoader.load(old.file(), setup.signer() != null);
            if (!Objects.equals(loaded.watch().state(), old.watch().state())) {
                err.println("sealwatch: reload refused: watch.state changed to " + loaded.watch().state()
                        + "; the state folder changes only with a restart — keeping the running config");
                return;
            }
            setup = setup.with(loaded);
            listing = Map.of();   // judge at the next poll with the new config
            err.println("sealwatch: reloaded " + old.file());
        } catch (ConfigException e) {
            e.errors().forEach(x -> err.println("sealwatch: " + x));
            err.println("sealwatch: reload refused: " + e.errors().size() + " problem(s) in " + old.file()
                    + " — keeping the running config");
        }
    }

    @Override
    public void requestStop() {
        stopRequested = true;
        synchronized (wake) {
            wake.notifyAll();
        }
        // a judgement in flight would hold the stop for as long as it reads; its Spark jobs end at once
        var spark = SparkSession.getDefaultSession();
        if (spark.isDefined()) {
            spark.get().sparkContext().cancelAllJobs();
        }
    }

    @Override
    public boolean awaitStopped(Duration limit) throws InterruptedException {
        return stopped.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void requestReload() {
        reloadRequested = true;
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (server != null) {
                server.close();
            }
            outbox.close();
            scan.close();
        } finally {
            lock.close();   // last: the state is whole before another service may take it
        }
    }

    /** The state folder cannot be written: the service cannot keep its promises and stops (exit 3). */
    public static final class StateUnwritable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StateUnwritable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
