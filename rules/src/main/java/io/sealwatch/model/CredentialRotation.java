package io.sealwatch.model;

import java.time.Instant;

/**
 * The rotation state of one credential after one episode.
 *
 * @param deadline  episode end + {@code rotate-within}
 * @param rotatedAt the counted rotation, or null when none was found
 * @param evidence  the rotation's record, or null
 */
public record CredentialRotation(String episode, String account, String credential, Instant deadline,
                                 Instant rotatedAt, EvidenceRef evidence) {

    /** done / late / pending / missing, as of the period end. */
    public String status(Instant asOf) {
        if (rotatedAt != null) {
            return rotatedAt.isAfter(deadline) ? "late" : "done";
        }
        return deadline.isAfter(asOf) ? "pending" : "missing";
    }
}
