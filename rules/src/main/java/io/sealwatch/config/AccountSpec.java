package io.sealwatch.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A break-glass account as configured ({@code accounts} in sealwatch.yaml; docs/user-guide.md §2).
 *
 * @param privileges        what the account may do, free text, shown in the annual review (optional)
 * @param secretCredentials which of {@code credentials} a sealed secret holds, for the entries of
 *                          {@code sealed-secrets} that name one ({@code credential:}); a write or rotation of
 *                          such a secret rotates that credential
 */
public record AccountSpec(String id, String description, List<IdentityMatch> identities,
                          List<IdentityMatch> sealedSecrets, List<String> credentials, List<String> custodians,
                          int quorum, Duration maxSession, List<String> privileges,
                          Map<IdentityMatch, String> secretCredentials) {

    /** An account whose sealed secrets name no credential. */
    public AccountSpec(String id, String description, List<IdentityMatch> identities,
                       List<IdentityMatch> sealedSecrets, List<String> credentials, List<String> custodians,
                       int quorum, Duration maxSession, List<String> privileges) {
        this(id, description, identities, sealedSecrets, credentials, custodians, quorum, maxSession, privileges,
                Map.of());
    }

    public boolean isCustodian(String person) {
        return People.contains(custodians, person);
    }
}
