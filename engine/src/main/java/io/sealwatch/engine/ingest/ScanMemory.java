package io.sealwatch.engine.ingest;

import java.io.IOException;
import java.util.Optional;

/**
 * What a scan remembers of the files it read before: {@link ScanState} for a nightly {@code run --state},
 * {@link LiveScan} for the service, which keeps it in memory between judgements.
 */
interface ScanMemory {
    /** The remembered result of this file when it is listed unchanged; the file is then kept for the next scan. */
    Optional<FileScan> reuse(FileTask task);

    /** The result of a file read in this scan (an unreadable one is not remembered: it is read again). */
    void remember(FileTask task, FileScan scan);

    /** Keeps this scan's files; those it neither reused nor read are forgotten. */
    void save() throws IOException;
}
