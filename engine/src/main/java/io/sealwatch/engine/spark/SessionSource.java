package io.sealwatch.engine.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Where a stage gets the Spark session when, and only when, it needs one: a small local run needs none (its scan,
 * sessionising and tables run on the driver), so the session is started by the first step that asks, which says why.
 */
@FunctionalInterface
public interface SessionSource {

    /** The session, started if need be; {@code why} is what needs it (logged, for {@code -v}). */
    SparkSession session(String why);

    /** A source that always gives {@code spark} (tests, and callers that hold a session anyway). */
    static SessionSource of(SparkSession spark) {
        return why -> spark;
    }
}
