package io.sealwatch.model;

import java.time.Instant;

/**
 * Persistent access (access key, login profile, API token, service account or its key, user, role, trust
 * policy, grant, long-lived vault token) created during an episode, with its removal if one was seen.
 */
public record PersistentAccess(String episode, String account, String kind, String object, Instant created,
                               Instant removed, Instant deadline, EvidenceRef evidence) {

    /**
     * Whether removing an object of {@code removedKind} removes a created one of {@code createdKind} (same
     * object): the same kind, or a role deleted together with the trust policy written into it.
     */
    public static boolean removes(String removedKind, String createdKind) {
        return removedKind != null && (removedKind.equals(createdKind)
                || removedKind.equals("role") && "trust-policy".equals(createdKind));
    }
}
