package io.sealwatch.config;

import java.time.Instant;

/** An accepted exception: findings of {@code rule} on {@code account} are accepted until {@code until}. */
public record Waiver(String rule, String account, Instant until, String reason, String approvedBy) {

    public boolean appliesTo(String findingRule, String findingAccount, Instant asOf) {
        return rule.equals(findingRule) && account.equals(findingAccount) && asOf.isBefore(until);
    }
}
