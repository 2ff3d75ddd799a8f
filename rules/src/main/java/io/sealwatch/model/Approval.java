package io.sealwatch.model;

import java.time.Instant;

/** An approval attached to an episode; {@code late} when given after the start, within the grace. */
public record Approval(String episode, String account, Instant time, String approver, String incident,
                       boolean late, EvidenceRef evidence) {
}
