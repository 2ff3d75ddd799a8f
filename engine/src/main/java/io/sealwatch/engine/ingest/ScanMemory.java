package io.sealwatch.engine.ingest;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a scan remembers of the files it read before: {@link ScanState} for a nightly {@code run --state},
 * {@link LiveScan} for the service, which keeps it in memory between judgements.
 */
interface ScanMemory {
    /**
     * The result of this file without reading it whole — remembered when it is listed unchanged, or read on from
     * where it ended when it only grew; the file is then kept for the next scan.
     */
    Optional<FileScan> reuse(FileTask task);

    /** The result of a file read in this scan (an unreadable one is not remembered: it is read again). */
    void remember(FileTask task, FileScan scan);

    /** Where a read on the driver leaves how to read a JSON-lines file on when it grows, or null: not kept. */
    default Consumer<Appended> tails() {
        return null;
    }

    /** Keeps this scan's files; those it neither reused nor read are forgotten. */
    void save() throws IOException;
}
