package io.sealwatch.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sealwatch.alerts.DeliveryState.State;
import io.sealwatch.config.AlertSpec;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The durable alert outbox (docs/watch.md, "The outbox") in {@code <watch.state>/outbox}: every alert is written to
 * the journal and forced to disk before {@link #post} returns, then delivered to every sink whose
 * {@code min-severity} admits it by that sink's own thread — at least once, retried with exponential backoff for
 * 24 hours from the first attempt, then given up (visible in {@link #deliveries()}). A delivery counts only once its
 * success is on disk, so after a restart, or {@code kill -9} at any moment, pending deliveries resume and delivered
 * ones are not sent again.
 *
 * <p>Deliveries belong to the sinks named ({@link AlertSpec#name(int)}) when the alert was posted: a sink added
 * later does not receive older alerts, and the deliveries of a sink no longer configured are dropped on open.
 */
public final class Outbox implements AutoCloseable {
    static final Duration STOP_WAIT = Duration.ofSeconds(3);

    private final Journal journal;
    private final FileChannel lockFile;
    private final Clock clock;
    private final Metrics metrics;
    private final List<AlertSpec> specs;
    private final Map<String, Worker> workers;
    /** Guards alerts, deliveries and the workers' queues; never held during a sink's delivery or a journal write. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Serialises posts (check, write, queue) and closing. */
    private final Object posting = new Object();
    private final Map<String, Alert> alerts = new LinkedHashMap<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private boolean closed;

    private Outbox(Journal journal, FileChannel lockFile, Clock clock, Metrics metrics, List<AlertSpec> specs,
                   Map<String, Sink> sinks, Backoff backoff) {
        this.journal = journal;
        this.lockFile = lockFile;
        this.clock = clock;
        this.metrics = metrics;
        this.specs = specs;
        this.workers = new LinkedHashMap<>();
        sinks.forEach((name, sink) -> workers.put(name,
                new Worker(name, sink, lock, journal, clock, backoff, metrics)));
    }

    /**
     * Opens (or creates) the outbox in {@code dir} and starts delivering what is pending.
     *
     * @param sinks    the config's {@code alerts} entries
     * @param env      environment values ({@code System::getenv} in production)
     * @param registry where the {@code sealwatch_alerts_*} and {@code sealwatch_outbox_pending} series go
     * @throws IllegalArgumentException a sink's environment variable is missing or empty, or a setting is unusable:
     *                                  the message names the sink (type and config line) and the variable, never
     *                                  a value
     * @throws IOException              the folder cannot be written, is in use by another process, or its journal
     *                                  is damaged
     */
    public static Outbox open(Path dir, List<AlertSpec> sinks, Function<String, String> env, Clock clock,
                              PrometheusRegistry registry) throws IOException {
        return open(dir, sinks, env, clock, registry, Backoff.DEFAULT);
    }

    static Outbox open(Path dir, List<AlertSpec> specs, Function<String, String> env, Clock clock,
                       PrometheusRegistry registry, Backoff backoff) throws IOException {
        Map<String, Sink> sinks = sinks(specs, env);
        Files.createDirectories(dir);
        FileChannel lockFile = lock(dir);
        Journal journal = null;
        Metrics metrics = null;
        try {
            journal = Journal.open(dir);
            metrics = new Metrics(registry, sinks.keySet());
            Outbox outbox = new Outbox(journal, lockFile, clock, metrics, List.copyOf(specs), sinks, backoff);
            outbox.replay(backoff);
            outbox.workers.values().forEach(Worker::start);
            return outbox;
        } catch (IOException | RuntimeException e) {
            if (metrics != null) {
                metrics.unregister();
            }
            if (journal != null) {
                journal.close();
            }
            lockFile.close();
            throw e;
        }
    }

    /** Makes every configured sink through the {@link SinkFactory} of its type, in config order. */
    private static Map<String, Sink> sinks(List<AlertSpec> specs, Function<String, String> env) {
        Map<String, SinkFactory> factories = new HashMap<>();
        for (SinkFactory f : ServiceLoader.load(SinkFactory.class, Outbox.class.getClassLoader())) {
            factories.putIfAbsent(f.type(), f);
        }
        Map<String, Sink> sinks = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            AlertSpec spec = specs.get(i);
            SinkFactory factory = factories.get(spec.type());
            if (factory == null) {
                throw new IllegalArgumentException(SinkFactory.where(spec) + ": no sink of this type is installed");
            }
            sinks.put(spec.name(i), factory.create(spec, env));
        }
        return sinks;
    }

    /** One process per outbox: two would deliver everything twice. The kernel drops the lock when the process dies. */
    private static FileChannel lock(Path dir) throws IOException {
        FileChannel ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock held = ch.tryLock();
            if (held != null) {
                return ch;
            }
        } catch (OverlappingFileLockException e) {
            // held by this very process: the same refusal below
        }
        ch.close();
        throw new IOException("the alert outbox " + dir + " is in use by another Sealwatch service");
    }

    private void replay(Backoff backoff) throws IOException {
        Map<String, Map<String, Delivery>> byAlert = new HashMap<>();
        for (Journal.Entry entry : journal.entries()) {
            try {
                read(entry.node(), byAlert);
            } catch (RuntimeException e) {
                throw new IOException(journal.file() + ":" + entry.line() + ": not a journal entry ("
                        + Worker.describe(e) + ")", e);
            }
        }
        requeue(backoff);
    }

    /** One entry of the journal: an alert and its deliveries, or the outcome of an attempt. */
    private void read(JsonNode e, Map<String, Map<String, Delivery>> byAlert) {
        String what = e.path("e").asText();
        switch (what) {
            case "alert" -> {
                Alert a = Alert.parse(e.get("alert"));
                alerts.put(a.id(), a);
                Map<String, Delivery> mine = byAlert.computeIfAbsent(a.id(), k -> new LinkedHashMap<>());
                for (JsonNode s : e.path("sinks")) {
                    if (workers.containsKey(s.asText())) { // else a sink no longer configured
                        Delivery d = new Delivery(a, s.asText(), deliveries.size());
                        mine.put(d.sink, d);
                        deliveries.add(d);
                    }
                }
            }
            case "delivered", "failed", "gave-up" -> {
                Delivery d = byAlert.getOrDefault(e.path("id").asText(), Map.of()).get(e.path("sink").asText());
                if (d != null) {
                    outcome(d, what, Instant.parse(e.path("at").asText()), e.path("error").asText(null));
                }
            }
            default -> throw new IllegalArgumentException("unknown entry '" + what + "'");
        }
    }

    /** Queues every pending delivery, due at once or when its backoff says. */
    private void requeue(Backoff backoff) throws IOException {
        Instant now = clock.instant();
        lock.lock();
        try {
            for (Delivery d : deliveries) {
                if (d.state == State.PENDING) {
                    d.next = d.last == null ? now : backoff.next(d.first, d.last, d.attempts);
                    if (d.next == null) {
                        // the last try was made, but the process died before it could say so
                        journal.append(Journal.outcome("gave-up", d, d.last, null));
                        d.state = State.GAVE_UP;
                    } else {
                        workers.get(d.sink).enqueue(d);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static void outcome(Delivery d, String what, Instant at, String error) {
        switch (what) {
            case "delivered" -> {
                d.attempted(at, null);
                d.state = State.DELIVERED;
            }
            case "failed" -> d.attempted(at, error);
            default -> d.state = State.GAVE_UP;
        }
    }

    /**
     * Posts an alert: a new id is written to disk (forced) before this returns, then queued to every sink whose
     * {@code min-severity} admits it; a known id changes nothing. Never waits for a sink.
     *
     * @return true when the alert was new
     * @throws IOException the journal could not be written: the alert is not posted
     */
    public boolean post(Alert a) throws IOException {
        synchronized (posting) {
            if (closed) {
                throw new IllegalStateException("the alert outbox is closed");
            }
            lock.lock();
            try {
                if (alerts.containsKey(a.id())) {
                    return false;
                }
            } finally {
                lock.unlock();
            }
            List<String> targets = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                if (a.severity().atLeast(specs.get(i).minSeverity())) {
                    targets.add(specs.get(i).name(i));
                }
            }
            journal.append(Journal.posted(a, targets));
            Instant now = clock.instant();
            lock.lock();
            try {
                alerts.put(a.id(), a);
                for (String sink : targets) {
                    Delivery d = new Delivery(a, sink, deliveries.size());
                    d.next = now;
                    deliveries.add(d);
                    workers.get(sink).enqueue(d);
                }
            } finally {
                lock.unlock();
            }
            return true;
        }
    }

    /** Every delivery, in the order the alerts were posted and the sinks configured. */
    public List<DeliveryState> deliveries() {
        lock.lock();
        try {
            return deliveries.stream().map(Delivery::snapshot).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Every alert posted, oldest first. */
    public List<Alert> alerts() {
        lock.lock();
        try {
            return List.copyOf(alerts.values());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the workers (an HTTP attempt in progress is abandoned and stays pending; an SMTP one is waited for up to
     * a few seconds) and closes the journal. What is on disk is whole at every moment, so nothing else is needed.
     */
    @Override
    public void close() throws IOException {
        synchronized (posting) {
            if (closed) {
                return;
            }
            closed = true;
        }
        workers.values().forEach(Worker::stop);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        try {
            for (Worker w : workers.values()) {
                w.join(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            metrics.unregister();
            try {
                journal.close();
            } finally {
                lockFile.close();
            }
        }
    }
}
