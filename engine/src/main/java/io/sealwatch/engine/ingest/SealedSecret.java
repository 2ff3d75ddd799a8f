package io.sealwatch.engine.ingest;

import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;

import java.util.List;

/**
 * A sealed secret named by a record of a secret store (Vault, AWS Secrets Manager, GCP Secret Manager): a
 * read of it by a person releases a credential share (custody), a write rotates a credential.
 *
 * @param account    the account whose {@code sealed-secrets} pattern matched
 * @param secret     the name as the record gives it (path, name or ARN, resource name)
 * @param credential the credential its config entry names ({@code credential:}), or null
 */
public record SealedSecret(String account, String secret, String credential) {

    /** The first of {@code names} that matches a sealed secret of the record's source type, or null. */
    public static SealedSecret find(RecordContext ctx, String... names) {
        for (String name : names) {
            AccountIndex.Rule rule = ctx.accounts().sealedRule(ctx.sourceType(), name);
            if (rule != null) {
                return new SealedSecret(rule.account(), name, rule.credential());
            }
        }
        return null;
    }

    /**
     * The custody event of a read, or the rotation event of a write, of the first of {@code names} (every name
     * the record gives the secret, its own first) that is a sealed secret; null when none is. The event names
     * the secret as the record does, not in the form a pattern happened to match.
     *
     * @param leaf     the secret's own last name, for {@link #rotates}
     * @param fallback what a rotation rotates when neither the entry nor the name says, for {@link #rotates}
     */
    public static NormalizedEvent event(RecordContext ctx, EventBuilder e, List<String> names, boolean read,
                                        String leaf, String fallback) {
        SealedSecret secret = find(ctx, names.toArray(String[]::new));
        if (secret == null) {
            return null;
        }
        e.account(secret.account()).target(names.get(0));
        return read ? e.eventClass(EventClass.CUSTODY).credential(names.get(0)).build()
                : e.eventClass(EventClass.ROTATION).credential(secret.rotates(ctx, leaf, fallback)).build();
    }

    /**
     * The credential a write or rotation of this secret rotates: the one its config entry names; else
     * {@code leaf} (the secret's own last name, {@code …/password}) when that is one of the account's
     * credentials; else {@code fallback}, which counts for no credential of the account unless listed
     * there. Never every credential: one secret rotated does not show that the others were.
     */
    public String rotates(RecordContext ctx, String leaf, String fallback) {
        if (credential != null) {
            return credential;
        }
        return leaf != null && ctx.credentials(account).contains(leaf) ? leaf : fallback;
    }
}
