package io.sealwatch.model;

import java.time.Instant;

/**
 * Persistent access (access key, API token, service-account key, user, grant) created during an
 * episode, with its removal if one was seen.
 */
public record PersistentAccess(String episode, String account, String kind, String object, Instant created,
                               Instant removed, Instant deadline, EvidenceRef evidence) {
}
