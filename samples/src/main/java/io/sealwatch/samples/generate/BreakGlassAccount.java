package io.sealwatch.samples.generate;

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

    static final List<BreakGlassAccount> ALL = List.of(
            new BreakGlassAccount("aws-mgmt-breakglass", "AWS management account break-glass IAM user", Kind.AWS,
                    Org.AWS[0], "breakglass-admin", "aws-mgmt", false, List.of("password", "mfa", "access-key"),
                    List.of("alice.nguyen@example.com", "bob.schmidt@example.com", "carol.diaz@example.com"), 2,
                    Duration.ofHours(4), "AdministratorAccess on the management account"),
            new BreakGlassAccount("aws-prod-breakglass", "AWS production account break-glass IAM user", Kind.AWS,
                    Org.AWS[1], "breakglass-prod", "aws-prod", false, List.of("password", "mfa"),
                    List.of("dave.okafor@example.com", "erin.kowalski@example.com", "frank.li@example.com"), 2,
                    Duration.ofHours(2), "AdministratorAccess on production"),
            new BreakGlassAccount("okta-breakglass", "Okta super administrator break-glass account", Kind.OKTA, null,
                    "breakglass.okta@example.com", "okta", true, List.of("password", "mfa"),
                    List.of("grace.kim@example.com", "heidi.meyer@example.com", "ivan.petrov@example.com"), 2,
                    Duration.ofHours(4), "Okta Super Administrator"),
            new BreakGlassAccount("entra-breakglass", "Entra ID cloud-only Global Administrator", Kind.ENTRA, null,
                    "bg-admin01@" + Org.TENANT_DOMAIN, "entra", true, List.of("password", "mfa"),
                    List.of("judy.brown@example.com", "secops-manager@example.com", "kevin.osei@example.com"), 2,
                    Duration.ofHours(4), "Global Administrator"),
            new BreakGlassAccount("gcp-breakglass", "GCP organisation administrator break-glass user", Kind.GCP, null,
                    "breakglass-gcp@example.com", "gcp", true, List.of("password", "mfa"),
                    List.of("liam.walsh@example.com", "mia.rossi@example.com", "noah.tanaka@example.com"), 2,
                    Duration.ofHours(4), "roles/resourcemanager.organizationAdmin"),
            new BreakGlassAccount("aws-security-breakglass", "AWS security account break-glass IAM user (never used)",
                    Kind.AWS, Org.AWS[3], "breakglass-sec", "aws-security", false, List.of("password", "mfa"),
                    List.of("olivia.park@example.com", "peter.haas@example.com", "quinn.moreno@example.com"), 2,
                    Duration.ofHours(4), "SecurityAudit and IAM on the security account"));

    /** The identity patterns of this account, as {@code (source type, match)} pairs. */
    List<String[]> identities() {
        return switch (kind) {
            case AWS -> List.of(new String[]{"aws-cloudtrail", "arn:aws:iam::" + aws.id() + ":user/" + identity},
                    new String[]{"aws-cloudtrail", "arn:aws:sts::" + aws.id() + ":assumed-role/" + FEDERATED_ROLE + "/*"});
            case OKTA -> List.<String[]>of(new String[]{"okta-system-log", identity});
            case ENTRA -> List.of(new String[]{"entra-signin", identity}, new String[]{"entra-audit", identity});
            case GCP -> List.<String[]>of(new String[]{"gcp-audit", identity});
        };
    }

    String sealedPath() {
        return "secret/data/breakglass/" + vaultKey + "/*";
    }
}
