package io.sealwatch.engine.ingest;

/** A record that cannot be normalised; its message is the quarantine reason. */
public final class RecordException extends Exception {
    public RecordException(String reason) {
        super(reason, null, false, false);
    }
}
