package io.sealwatch.engine.spark;

import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's Spark session, started on first use ({@link Sparks#session}) and remembering why, so that {@code -v} can
 * say whether a run started Spark at all and for what.
 */
public final class LazySession implements SessionSource {
    private static final Logger LOG = LoggerFactory.getLogger(LazySession.class);
    private final String master;
    private final String appJars;
    private SparkSession spark;
    private String why;

    /** {@code master} and {@code appJars} as {@link Sparks#session} takes them. */
    public LazySession(String master, String appJars) {
        this.master = master;
        this.appJars = appJars;
    }

    @Override
    public synchronized SparkSession session(String reason) {
        if (spark == null) {
            long t = System.nanoTime();
            spark = Sparks.session(master, appJars);
            why = reason;
            LOG.info(String.format(java.util.Locale.ROOT, "step Spark session started (%s) %6.2f s", reason,
                    (System.nanoTime() - t) / 1e9));
        }
        return spark;
    }

    /** Why the session was started, or null when nothing needed it. */
    public synchronized String startedFor() {
        return why;
    }
}
