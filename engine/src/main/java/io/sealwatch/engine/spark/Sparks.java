package io.sealwatch.engine.spark;

import org.apache.spark.sql.SparkSession;

/** Builds the one Spark session of a run: embedded {@code local[*]} unless a master URL is given. */
public final class Sparks {
    private Sparks() {
    }

    /** Whether {@link #session} with {@code master} runs in this JVM ({@code local[*]}, also under spark-submit). */
    public static boolean isLocal(String master) {
        String m = master != null ? master : System.getProperty("spark.master", "local");
        return m.startsWith("local");
    }

    /**
     * Synchronized: the CLI starts the session on a background thread while the rules compile, and the
     * job's own call then waits for that one instead of racing it.
     *
     * @param master   a Spark master URL, or null for {@code local[*]} (under spark-submit the
     *                 submitted master wins, so pass null there)
     * @param appJars  the application jars (comma-separated) to ship to executors on a cluster, or null
     */
    public static synchronized SparkSession session(String master, String appJars) {
        SparkSession.Builder b = SparkSession.builder()
                .appName("sealwatch")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                .config("spark.sql.parquet.compression.codec", "zstd")
                .config("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName());
        boolean submitted = System.getProperty("spark.master") != null;
        if (master != null) {
            b.master(master);
        } else if (!submitted) {
            b.master("local[*]");
        }
        if (appJars != null && master != null && !master.startsWith("local")) {
            b.config("spark.jars", appJars);
            b.config("spark.executor.extraJavaOptions", System.getProperty("sealwatch.jvm.flags", ""));
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel(System.getProperty("sealwatch.spark.loglevel", "ERROR"));
        return spark;
    }
}
