package io.sealwatch.model;

import java.time.Instant;
import java.util.Comparator;

/** An approval attached to an episode; {@code late} when given after the start, within the grace. */
public record Approval(String episode, String account, Instant time, String approver, String incident,
                       boolean late, EvidenceRef evidence) {
    /** The order every output lists approvals in: by time, then approver. */
    public static final Comparator<Approval> ORDER = Comparator.comparing(Approval::time)
            .thenComparing(Approval::approver, Comparator.nullsFirst(Comparator.naturalOrder()));
}
