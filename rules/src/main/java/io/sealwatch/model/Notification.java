package io.sealwatch.model;

import java.time.Instant;

/** A notification of a recipient group about an episode, with its latency from the episode start. */
public record Notification(String episode, String account, Instant time, String recipient, long latencySeconds,
                           EvidenceRef evidence) {
}
