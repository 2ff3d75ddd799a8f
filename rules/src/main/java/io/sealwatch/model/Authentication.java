package io.sealwatch.model;

import java.time.Instant;

/**
 * An authentication of a break-glass identity. Successful ones belong to an episode; failed ones
 * have {@code episode} null unless they fall inside one.
 *
 * @param mfa       the second factor's class ({@link MfaFactor} wire name)
 * @param federated true when it went through federated SSO
 */
public record Authentication(String episode, String account, Instant time, String actor, boolean success,
                             String mfa, boolean federated, EvidenceRef evidence) {
}
