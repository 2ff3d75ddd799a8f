package io.sealwatch.config;

import java.time.Duration;
import java.util.List;

/**
 * A break-glass account as configured ({@code accounts} in sealwatch.yaml; docs/user-guide.md §2).
 *
 * @param privileges what the account may do, free text, shown in the annual review (optional)
 */
public record AccountSpec(String id, String description, List<IdentityMatch> identities,
                          List<IdentityMatch> sealedSecrets, List<String> credentials, List<String> custodians,
                          int quorum, Duration maxSession, List<String> privileges) {

    public boolean isCustodian(String person) {
        return People.contains(custodians, person);
    }
}
