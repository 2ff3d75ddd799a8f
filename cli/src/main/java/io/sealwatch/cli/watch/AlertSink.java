package io.sealwatch.cli.watch;

import java.io.IOException;

/** Where derived alerts go. Posting the same id again must be harmless: every judgement posts all it derives. */
public interface AlertSink extends AutoCloseable {
    /** Takes the alert for delivery (durably); false when an alert with its id was taken before. */
    boolean post(WatchAlert alert) throws IOException;

    @Override
    void close() throws IOException;
}
