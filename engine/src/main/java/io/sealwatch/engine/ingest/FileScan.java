package io.sealwatch.engine.ingest;

import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.QuarantineEntry;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.List;

/**
 * What reading one file produced, sent back from the executor: its accounting (before duplicates
 * across files are known), the normalised events as rows, the quarantined records and a compact
 * summary of its timestamps for coverage.
 *
 * @param events     normalised events as {@link EventRows#SCHEMA} rows (with their content hash)
 * @param timed      records with a valid timestamp
 * @param intervals  sorted [start, end] epoch-millisecond pairs of activity with no silence longer
 *                   than the log gap inside (see {@link Coverage})
 * @param trees      records parsed into a tree (passed the prefilter)
 */
record FileScan(String source, String path, String sha256, long bytes, long read, long normalised,
                long notRelevant, long quarantined, String error, List<Row> events,
                List<QuarantineEntry> quarantine, long timed, long[] intervals, long trees) implements Serializable {

    /** The accounting, with {@code duplicates} still 0. */
    InputFileStats stats() {
        return new InputFileStats(source, path, sha256, bytes, read, normalised, notRelevant, quarantined, 0, error);
    }
}
