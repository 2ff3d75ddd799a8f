package io.sealwatch.model;

import java.util.Comparator;

/**
 * Accounting for one input file. {@code read = normalised + notRelevant + quarantined + duplicates}
 * always holds; {@code error} is set when the file could not be read to its end (its evidence is
 * then incomplete).
 *
 * @param duplicates re-deliveries of an already normalised native event (same id, same content), dropped
 */
public record InputFileStats(String source, String path, String sha256, long bytes, long read, long normalised,
                             long notRelevant, long quarantined, long duplicates, String error) {
    /** The order every output lists inputs in: by source type, then path. */
    public static final Comparator<InputFileStats> ORDER =
            Comparator.comparing(InputFileStats::source).thenComparing(InputFileStats::path);

    public boolean balanced() {
        return read == normalised + notRelevant + quarantined + duplicates;
    }
}
