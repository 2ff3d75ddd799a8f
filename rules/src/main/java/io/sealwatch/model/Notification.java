package io.sealwatch.model;

import java.time.Instant;
import java.util.Comparator;

/** A notification of a recipient group about an episode, with its latency from the episode start. */
public record Notification(String episode, String account, Instant time, String recipient, long latencySeconds,
                           EvidenceRef evidence) {
    /** The order every output lists notifications in: by time, then recipient group. */
    public static final Comparator<Notification> ORDER = Comparator.comparing(Notification::time)
            .thenComparing(Notification::recipient);
}
