package io.sealwatch.engine.ingest;

import java.io.Serializable;

/** A rejected record: where it was, why, and a short redacted excerpt. */
record QuarantineEntry(String source, String file, long record, String reason, String excerpt)
        implements Serializable {
}
