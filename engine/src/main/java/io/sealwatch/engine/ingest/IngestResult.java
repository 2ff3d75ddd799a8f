package io.sealwatch.engine.ingest;

import io.sealwatch.model.InputFileStats;
import io.sealwatch.result.SourceCoverage;

import java.nio.file.Path;
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
 */
public record IngestResult(Path eventsTable, List<InputFileStats> inputs, long duplicates,
                           List<SourceCoverage> coverage, long quarantined, int reused) {

    /** Files that could not be read to their end: the evidence is incomplete. */
    public List<InputFileStats> unreadable() {
        return inputs.stream().filter(i -> i.error() != null).toList();
    }
}
