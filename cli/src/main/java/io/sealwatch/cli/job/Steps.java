package io.sealwatch.cli.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Wall-clock time of the set-up steps around the stages (JVM start, config, rules, Spark, templates…),
 * logged at INFO, so {@code -v} shows where the seconds of a small run go. Steps on the warm-up thread
 * overlap the others, so each line also says when the step ended, counted from the process's start.
 */
public final class Steps {
    private static volatile Instant mainEntered;

    private Steps() {
    }

    /** Called first thing in {@code main}: no logging yet (the log level is set from the arguments later). */
    public static void mainEntered() {
        mainEntered = Instant.now();
    }

    /** The moment a step starts, for {@link #done}. */
    public static long start() {
        return System.nanoTime();
    }

    public static void done(String step, long started) {
        Logger log = Log.LOG;
        if (log.isInfoEnabled()) {
            log.info(String.format(Locale.ROOT, "step %-30s %6.2f s, ends at %6.2f s", step,
                    (System.nanoTime() - started) / 1e9, sinceProcessStart(Instant.now())));
        }
    }

    /** Logs a fact about the run's set-up (shown with {@code -v}), e.g. whether Spark was started and why. */
    public static void note(String what) {
        Log.LOG.info("step {}", what);
    }

    /** Logs the process's start to {@code main}: the JVM's own start and loading the launcher's classes. */
    public static void logJvmStart() {
        Logger log = Log.LOG;
        if (log.isInfoEnabled() && mainEntered != null) {
            log.info(String.format(Locale.ROOT, "step %-30s %6.2f s", "process start to main",
                    sinceProcessStart(mainEntered)));
        }
    }

    private static double sinceProcessStart(Instant t) {
        return ProcessHandle.current().info().startInstant()
                .map(s -> Duration.between(s, t).toMillis() / 1e3).orElse(Double.NaN);
    }

    /** Created on first use, after {@code Main} has set the log level. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Steps.class);
    }
}
