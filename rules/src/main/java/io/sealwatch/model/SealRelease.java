package io.sealwatch.model;

import java.time.Instant;
import java.util.List;

/**
 * Credential shares of one account released together (consecutive releases at most {@code custody-window}
 * apart) with no episode of the account starting within {@code custody-window} after any of them.
 *
 * @param last      the last release of the cluster, from which both windows run
 * @param decidedAt the later of {@code last} + custody-window and {@code last} + rotate-within: when the
 *                  open seal became certain
 * @param unrotated the account's credentials not rotated within rotate-within after {@code last}, in
 *                  config order; empty when the account was resealed
 * @param evidence  the release records, in time order
 */
public record SealRelease(String account, Instant first, Instant last, List<String> custodians, Instant decidedAt,
                          List<String> unrotated, List<EvidenceRef> evidence) {
}
