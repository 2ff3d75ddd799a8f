package io.sealwatch.model;

import java.time.Instant;

/**
 * An authentication of a break-glass identity. Successful ones belong to an episode; failed ones
 * have {@code episode} null unless they fall inside one.
 *
 * @param mfa       the second factor's class ({@link MfaFactor} wire name)
 * @param federated true when it went through federated SSO
 * @param mfaKnownAt when its factor was certain: its own time when its record shows the factor, later when
 *                   it is taken from another step of the same sign-in, which may still be logged until then
 */
public record Authentication(String episode, String account, Instant time, String actor, boolean success,
                             String mfa, boolean federated, EvidenceRef evidence, Instant mfaKnownAt) {

    /** An authentication whose record shows its own factor (or none to look for). */
    public Authentication(String episode, String account, Instant time, String actor, boolean success, String mfa,
                          boolean federated, EvidenceRef evidence) {
        this(episode, account, time, actor, success, mfa, federated, evidence, time);
    }
}
