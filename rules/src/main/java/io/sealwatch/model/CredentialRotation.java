package io.sealwatch.model;

import java.time.Instant;
import java.util.Comparator;

/**
 * The rotation state of one credential after one episode.
 *
 * @param deadline  episode end + {@code rotate-within}
 * @param rotatedAt the counted rotation, or null when none was found
 * @param evidence  the rotation's record, or null
 */
public record CredentialRotation(String episode, String account, String credential, Instant deadline,
                                 Instant rotatedAt, EvidenceRef evidence) {
    /** The order every report lists rotations in: by deadline, then episode, then credential. */
    public static final Comparator<CredentialRotation> ORDER = Comparator.comparing(CredentialRotation::deadline)
            .thenComparing(CredentialRotation::episode).thenComparing(CredentialRotation::credential);

    /** The status as of {@code asOf} (the period end in reports). */
    public RotationStatus status(Instant asOf) {
        if (rotatedAt != null) {
            return rotatedAt.isAfter(deadline) ? RotationStatus.LATE : RotationStatus.DONE;
        }
        return deadline.isAfter(asOf) ? RotationStatus.PENDING : RotationStatus.MISSING;
    }
}
