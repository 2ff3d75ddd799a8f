package io.sealwatch.samples.generate;

import io.sealwatch.samples.internal.ConfigYaml.Pattern;

import java.time.Duration;
import java.util.List;

/**
 * One break-glass account of the synthetic organisation, as its {@code sealwatch.yaml} entry describes it.
 *
 * @param kind       where the account lives, which decides how its sign-ins and actions are logged
 * @param identity   the account's identity in its source: IAM user name, Okta login, Entra UPN or GCP e-mail
 * @param vaultKey   the folder of its sealed credential shares under {@code secret/data/breakglass/}
 * @param vaultCustody whether custodians release shares by reading them from Vault (else from a physical safe,
 *                   recorded as evidence)
 */
record BreakGlassAccount(String id, String description, Kind kind, Org.AwsAccount aws, String identity,
                         String vaultKey, boolean vaultCustody, List<String> credentials, List<String> custodians,
                         int quorum, Duration maxSession, String privileges) {

    enum Kind { AWS, OKTA, ENTRA, GCP }

    static final String FEDERATED_ROLE = "BreakGlassFederated";

    static final List<String> APPROVERS = List.of("ciso@example.com", "secops-manager@example.com",
            "cto@example.com");

    /** Every account needs two of its three custodians; an identity provider's shares are read from Vault. */
    static final List<BreakGlassAccount> ALL = List.of(
            aws("aws-mgmt-breakglass", "AWS management account break-glass IAM user", Org.AWS[0], "breakglass-admin",
                    "aws-mgmt", List.of("password", "mfa", "access-key"), Duration.ofHours(4),
                    "AdministratorAccess on the management account",
                    "alice.nguyen@example.com", "bob.schmidt@example.com", "carol.diaz@example.com"),
            aws("aws-prod-breakglass", "AWS production account break-glass IAM user", Org.AWS[1], "breakglass-prod",
                    "aws-prod", List.of("password", "mfa"), Duration.ofHours(2), "AdministratorAccess on production",
                    "dave.okafor@example.com", "erin.kowalski@example.com", "frank.li@example.com"),
            idp("okta-breakglass", "Okta super administrator break-glass account", Kind.OKTA,
                    "breakglass.okta@example.com", "okta", "Okta Super Administrator",
                    "grace.kim@example.com", "heidi.meyer@example.com", "ivan.petrov@example.com"),
            idp("entra-breakglass", "Entra ID cloud-only Global Administrator", Kind.ENTRA,
                    "bg-admin01@" + Org.TENANT_DOMAIN, "entra", "Global Administrator",
                    "judy.brown@example.com", "secops-manager@example.com", "kevin.osei@example.com"),
            idp("gcp-breakglass", "GCP organisation administrator break-glass user", Kind.GCP,
                    "breakglass-gcp@example.com", "gcp", "roles/resourcemanager.organizationAdmin",
                    "liam.walsh@example.com", "mia.rossi@example.com", "noah.tanaka@example.com"),
            aws("aws-security-breakglass", "AWS security account break-glass IAM user (never used)", Org.AWS[3],
                    "breakglass-sec", "aws-security", List.of("password", "mfa"), Duration.ofHours(4),
                    "SecurityAudit and IAM on the security account",
                    "olivia.park@example.com", "peter.haas@example.com", "quinn.moreno@example.com"));

    /** An IAM user whose shares are in a physical safe (custody is evidence). */
    private static BreakGlassAccount aws(String id, String description, Org.AwsAccount aws, String user,
                                         String vaultKey, List<String> credentials, Duration maxSession,
                                         String privileges, String... custodians) {
        return new BreakGlassAccount(id, description, Kind.AWS, aws, user, vaultKey, false, credentials,
                List.of(custodians), 2, maxSession, privileges);
    }

    /** An identity provider's account: password and MFA, shares read from Vault, sessions of up to 4 h. */
    private static BreakGlassAccount idp(String id, String description, Kind kind, String identity, String vaultKey,
                                         String privileges, String... custodians) {
        return new BreakGlassAccount(id, description, kind, null, identity, vaultKey, true, List.of("password", "mfa"),
                List.of(custodians), 2, Duration.ofHours(4), privileges);
    }

    /** The identity patterns of this account. */
    List<Pattern> identities() {
        return switch (kind) {
            case AWS -> List.of(new Pattern("aws-cloudtrail", "arn:aws:iam::" + aws.id() + ":user/" + identity),
                    new Pattern("aws-cloudtrail", "arn:aws:sts::" + aws.id() + ":assumed-role/" + FEDERATED_ROLE + "/*"));
            case OKTA -> List.of(new Pattern("okta-system-log", identity));
            case ENTRA -> List.of(new Pattern("entra-signin", identity), new Pattern("entra-audit", identity));
            case GCP -> List.of(new Pattern("gcp-audit", identity));
        };
    }

    String sealedPath() {
        return "secret/data/breakglass/" + vaultKey + "/*";
    }
}
