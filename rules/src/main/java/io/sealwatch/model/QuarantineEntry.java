package io.sealwatch.model;

import java.io.Serializable;
import java.util.Comparator;

/** A rejected record: where it was, why, and a short redacted excerpt. */
public record QuarantineEntry(String source, String file, long record, String reason, String excerpt)
        implements Serializable {

    /** The order of a source's quarantine file: by file, then record, then reason. */
    public static final Comparator<QuarantineEntry> ORDER = Comparator.comparing(QuarantineEntry::file)
            .thenComparingLong(QuarantineEntry::record).thenComparing(QuarantineEntry::reason);
}
