package io.sealwatch.model;

import java.time.Instant;

/** An approved change to an account outside a use (evidence kind {@code change}): who approved it, the ticket. */
public record ChangeApproval(String account, Instant time, String approver, String incident, EvidenceRef evidence) {
}
