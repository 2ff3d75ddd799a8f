package io.sealwatch.model;

import java.time.Instant;

/**
 * A change to a break-glass account (credentials, MFA factors, permissions, memberships, trust) seen in
 * a native log outside every episode of the account, by whoever made it.
 *
 * @param action    the native action, e.g. {@code CreateAccessKey}, {@code user.mfa.factor.deactivate}
 * @param actor     who made the change, as the source names them
 * @param countsFor the episode whose credential rotation this change is (after the episode's last activity,
 *                  before the account's next episode), or null
 * @param decidedAt when it became certain that the change lies outside every use: the change itself, or, for
 *                  a change less than {@code episode-gap} after a use, the moment that use could no longer
 *                  be extended over it
 */
public record AccountChange(String account, Instant time, String source, String action, String actor,
                            String countsFor, EvidenceRef evidence, Instant decidedAt) {

    /** A change certain to lie outside every use as it is made. */
    public AccountChange(String account, Instant time, String source, String action, String actor,
                         String countsFor, EvidenceRef evidence) {
        this(account, time, source, action, actor, countsFor, evidence, time);
    }
}
