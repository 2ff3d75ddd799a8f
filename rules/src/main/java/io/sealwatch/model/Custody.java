package io.sealwatch.model;

import java.time.Instant;

/** A custodian releasing a credential share for an episode (evidence, or a read of a sealed secret). */
public record Custody(String episode, String account, Instant time, String custodian, String share,
                      EvidenceRef evidence) {
}
