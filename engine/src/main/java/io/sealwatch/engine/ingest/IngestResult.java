package io.sealwatch.engine.ingest;

import io.sealwatch.model.InputFileStats;
import io.sealwatch.result.SourceCoverage;
import org.apache.spark.sql.Row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What ingestion produced.
 *
 * @param eventsTable the Parquet {@code events} table (partitioned by {@code day}), deduplicated
 * @param inputs      accounting per input file, sorted by source type then path
 * @param duplicates  re-delivered native events dropped, over all files
 * @param coverage    per configured non-evidence source: its events over time and its gaps in the period
 * @param quarantined total quarantined records (their entries are under the bundle's {@code quarantine/})
 * @param reused      files not read again because the state of an earlier run had them unchanged
 * @param sources     problems of the listing, in config order: a source whose glob matches no file (silence
 *                    is not evidence of compliance), a folder that could not be walked (a symbolic link loop)
 * @param events      the rows of {@code eventsTable} ({@link EventRows#SCHEMA}, by position), still on the driver
 *                    after ingest, so that a small run need not read them back through Spark; null when not kept
 */
public record IngestResult(Path eventsTable, List<InputFileStats> inputs, long duplicates,
                           List<SourceCoverage> coverage, long quarantined, int reused, List<String> sources,
                           List<Row> events) {

    /** A result whose events are only in {@code eventsTable}. */
    public IngestResult(Path eventsTable, List<InputFileStats> inputs, long duplicates, List<SourceCoverage> coverage,
                        long quarantined, int reused, List<String> sources) {
        this(eventsTable, inputs, duplicates, coverage, quarantined, reused, sources, null);
    }

    /** Files that could not be read to their end: the evidence is incomplete. */
    public List<InputFileStats> unreadable() {
        return inputs.stream().filter(i -> i.error() != null).toList();
    }

    /** Everything that makes the evidence incomplete: the listing's problems, then each unreadable file. */
    public List<String> problems() {
        List<String> out = new ArrayList<>(sources);
        unreadable().forEach(f -> out.add(f.path() + ": " + f.error()));
        return out;
    }
}
