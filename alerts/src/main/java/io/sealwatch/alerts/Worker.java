package io.sealwatch.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.alerts.DeliveryState.State;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * The one thread of one sink: takes its deliveries as they fall due, oldest first, and records each outcome in the
 * journal before it counts. A thread per sink is what keeps a slow or failing sink from delaying any other.
 */
final class Worker {
    private static final int MAX_ERROR = 300;

    private final String name;
    private final Sink sink;
    private final Lock lock;
    private final Condition wake;
    private final Journal journal;
    private final Clock clock;
    private final Backoff backoff;
    private final Metrics metrics;
    private final PriorityQueue<Delivery> queue = new PriorityQueue<>(
            Comparator.comparing((Delivery d) -> d.next).thenComparingLong(d -> d.seq));
    private final Thread thread;
    /** Deliveries not yet delivered nor given up: the queue and the one being attempted. */
    private int pending;
    private volatile boolean stopping;

    Worker(String name, Sink sink, Lock lock, Journal journal, Clock clock, Backoff backoff, Metrics metrics) {
        this.name = name;
        this.sink = sink;
        this.lock = lock;
        this.wake = lock.newCondition();
        this.journal = journal;
        this.clock = clock;
        this.backoff = backoff;
        this.metrics = metrics;
        this.thread = new Thread(this::run, "sealwatch-alerts-" + name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues a pending delivery; the caller holds the lock. */
    void enqueue(Delivery d) {
        queue.add(d);
        pending++;
        metrics.pending(name, pending);
        wake.signalAll();
    }

    /** Asks the thread to stop: wakes it, and interrupts an attempt in progress (HTTP sends give way at once). */
    void stop() {
        stopping = true;
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        thread.interrupt();
    }

    /** Waits for the thread until {@code deadline} ({@link System#nanoTime()}). */
    void join(long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
    }

    private void run() {
        try {
            for (Delivery d = take(); d != null; d = take()) {
                attempt(d);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop() asked for it; the state on disk is whole
        }
    }

    private Delivery take() throws InterruptedException {
        lock.lock();
        try {
            while (!stopping) {
                Delivery d = queue.peek();
                if (d == null) {
                    wake.await();
                } else {
                    long wait = Duration.between(clock.instant(), d.next).toNanos();
                    if (wait <= 0) {
                        return queue.poll();
                    }
                    wake.awaitNanos(wait);
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void attempt(Delivery d) {
        Instant at = clock.instant();
        try {
            sink.deliver(d.alert);
        } catch (IOException | RuntimeException e) {
            if (stopping) {
                requeue(d); // cut short by close(): not the sink's failure; it stays pending, on disk as here
            } else {
                failed(d, at, describe(e));
            }
            return;
        }
        delivered(d, at);
    }

    private void delivered(Delivery d, Instant at) {
        String unrecorded = write(Journal.outcome("delivered", d, at, null));
        lock.lock();
        try {
            d.attempted(at, unrecorded);
            d.state = State.DELIVERED;
            done();
        } finally {
            lock.unlock();
        }
        metrics.sent(name);
    }

    private void failed(Delivery d, Instant at, String error) {
        Instant next = backoff.next(d.first == null ? at : d.first, at, d.attempts + 1);
        String unrecorded = write(Journal.outcome("failed", d, at, error));
        if (next == null && unrecorded == null) {
            unrecorded = write(Journal.outcome("gave-up", d, at, null));
        }
        lock.lock();
        try {
            d.attempted(at, unrecorded == null ? error : error + "; " + unrecorded);
            if (next == null) {
                d.state = State.GAVE_UP;
                done();
            } else {
                d.next = next;
                queue.add(d);
            }
        } finally {
            lock.unlock();
        }
        metrics.failed(name);
    }

    private void requeue(Delivery d) {
        lock.lock();
        try {
            queue.add(d);
        } finally {
            lock.unlock();
        }
    }

    /** One delivery left the pending ones; the caller holds the lock. */
    private void done() {
        pending--;
        metrics.pending(name, pending);
    }

    /**
     * Appends an outcome; on failure (a full disk, or a journal closed under a worker that outlived close()) returns
     * why, for the status page: the delivery is then sent again after a restart, which at least once allows.
     */
    private String write(ObjectNode entry) {
        try {
            journal.append(entry);
            return null;
        } catch (IOException e) {
            return "not recorded: " + describe(e);
        }
    }

    /** An exception as one line for the status page; sinks keep secrets and URLs out of their messages. */
    static String describe(Exception e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("\\p{Cntrl}+", " ").strip();
        return m.length() > MAX_ERROR ? m.substring(0, MAX_ERROR) + "…" : m;
    }
}
