package io.sealwatch.model;

import java.time.Instant;

/**
 * An accepted exception: findings of {@code rule} on {@code account} are accepted until {@code until}.
 * Findings of {@link #BY_SOURCE} have no account, so its waivers name {@code source}, a source type,
 * instead; exactly one of the two is set.
 */
public record Waiver(String rule, String account, String source, Instant until, String reason, String approvedBy) {
    /** The rule whose findings are about a log source rather than an account. */
    public static final String BY_SOURCE = "BG-LOG-GAP";

    public boolean appliesTo(String findingRule, String findingAccount, String findingSource, Instant asOf) {
        return rule.equals(findingRule) && asOf.isBefore(until)
                && (account != null ? account.equals(findingAccount) : source.equals(findingSource));
    }

    /** What is waived, for display: the account, or the source type. */
    public String subject() {
        return account != null ? account : source;
    }
}
