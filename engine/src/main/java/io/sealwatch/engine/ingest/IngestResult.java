package io.sealwatch.engine.ingest;

import io.sealwatch.model.IngestedEvent;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.QuarantineEntry;
import io.sealwatch.result.SourceCoverage;

import java.util.ArrayList;
import java.util.List;

/**
 * What ingestion produced, all on the driver; ingest writes nothing (the bundle's renderers write the events table
 * and the quarantine files from the run's result).
 *
 * @param inputs     accounting per input file, sorted by source type then path
 * @param duplicates re-delivered native events dropped, over all files
 * @param coverage   per configured non-evidence source: its events over time and its gaps in the period
 * @param quarantine the quarantined records, in input order (source type, path) then as each file listed them
 * @param reused     files not read again because the state of an earlier run had them unchanged
 * @param sources    problems of the listing, in config order: a source whose glob matches no file (silence
 *                   is not evidence of compliance), a folder that could not be walked (a symbolic link loop)
 * @param events     the normalised events kept after deduplication, times at the events table's microseconds
 *                   ({@link EventRows#asStored}), in input order (source type, path, record)
 */
public record IngestResult(List<InputFileStats> inputs, long duplicates, List<SourceCoverage> coverage,
                           List<QuarantineEntry> quarantine, int reused, List<String> sources,
                           List<IngestedEvent> events) {

    /** Quarantined records listed (a file lists at most {@link FileReader#MAX_LISTED}; its accounting counts all). */
    public long quarantined() {
        return quarantine.size();
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
