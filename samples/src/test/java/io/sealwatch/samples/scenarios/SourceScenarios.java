package io.sealwatch.samples.scenarios;

import static io.sealwatch.samples.internal.JsonValues.map;
import static io.sealwatch.samples.scenarios.Blocks.awsScenario;
import static io.sealwatch.samples.scenarios.Blocks.compliant;
import static io.sealwatch.samples.scenarios.Blocks.fires;
import static io.sealwatch.samples.scenarios.Blocks.h;
import static io.sealwatch.samples.scenarios.Blocks.m;
import static io.sealwatch.samples.scenarios.Blocks.near;
import static io.sealwatch.samples.scenarios.Blocks.program;
import static io.sealwatch.samples.scenarios.Blocks.sec;
import static io.sealwatch.samples.scenarios.Blocks.settling;
import static io.sealwatch.samples.scenarios.Blocks.t;
import static io.sealwatch.samples.scenarios.Use.approval;
import static io.sealwatch.samples.scenarios.Use.custody;
import static io.sealwatch.samples.scenarios.Use.page;
import static io.sealwatch.samples.scenarios.Use.rotation;

import io.sealwatch.samples.internal.ConfigYaml.Pattern;
import io.sealwatch.samples.scenarios.Exports.Incident;
import io.sealwatch.samples.scenarios.Exports.Transition;
import io.sealwatch.samples.scenarios.Use.Custody;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Evidence from where it happens: a compliant quarter across five sources, password shares in AWS Secrets Manager
 * and Azure Key Vault, approvals and pages from Jira, ServiceNow and PagerDuty instead of the evidence CSV.
 */
final class SourceScenarios {
    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final String CISO = "ciso@example.com";
    private static final String SHARE_1 = "breakglass/aws/password-share-1";
    private static final String SHARE_2 = Aws.SM_ARN + "breakglass/aws/password-share-2-" + Ids.hex(6, "share2");
    private static final List<Custody> BOTH = List.of(custody(ALICE, m(-10), SHARE_1), custody(BOB, m(-8), SHARE_2));
    private static final List<Custody> ALICE_ALONE = List.of(custody(ALICE, m(-10), SHARE_1),
            custody(ALICE, m(-8), SHARE_2));
    /** The evidence map of the native scenarios: Jira tickets (four lines), then PagerDuty services. */
    static final List<String> NATIVE_MAP = List.of("  jira:", "    accounts: { bg-aws-root: aws-breakglass }",
            "    approved: [Approved, Done]",
            "    kinds: { Change: change, \"Seal drill\": drill, \"Access review\": review }",
            "  pagerduty:", "    accounts: { \"" + Blocks.PD_SERVICE + "\": aws-breakglass }",
            "    recipients: { \"Security Leadership\": security-leadership, "
                    + "\"Engineering Leadership\": engineering-leadership }");
    private static final List<Use.Rotation> NATIVE_ROTATIONS = List.of(rotation("password", h(2), "sm"),
            rotation("mfa", h(2).plus(m(5)), "ct"), rotation("access-key", h(2).plus(m(10)), "ct-key"));
    private static final String NATIVE_NEAR = "BG-APPROVAL-MISSING,BG-QUORUM-NOT-MET,BG-NOTIFY-MISSING,"
            + "BG-ROTATION-INCOMPLETE,BG-NO-INCIDENT,BG-ACCOUNT-CHANGED,BG-DRILL-OVERDUE,BG-REVIEW-OVERDUE";

    private SourceScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        all.add(multiSource());
        all.add(secretsManager("secrets-manager-custody-compliant",
                "alice and bob read the two password shares from Secrets Manager through their SSO sessions, "
                        + "alice rotates the password with RotateSecret: quorum met, rotation counted, no finding",
                compliant("states", "settled", "near-miss", "BG-QUORUM-NOT-MET,BG-ROTATION-INCOMPLETE,BG-ACCOUNT-CHANGED"),
                BOTH, "password"));
        all.add(secretsManager("secrets-manager-quorum-not-met-fires",
                "alice alone read both password shares from Secrets Manager",
                fires("BG-QUORUM-NOT-MET", 0, 1), ALICE_ALONE, "password"));
        all.add(secretsManager("secrets-manager-rotation-incomplete-fires",
                "the sealed-secrets entry does not say the shares hold the password: the RotateSecret of a share "
                        + "counts for no credential and the password is still owed at settlement",
                fires("BG-ROTATION-INCOMPLETE", 1, 1, "states", "settled"), BOTH, null));
        all.add(nativeUse("native-no-csv-compliant",
                "no evidence CSV at all: approval a Jira transition, custody two Secrets Manager reads, both groups paged "
                        + "through PagerDuty, rotations in CloudTrail, drill and review Jira tickets: no finding",
                compliant("states", "settled", "near-miss", NATIVE_NEAR), natively(u -> { }), false));
        all.add(nativeUse("native-quorum-not-met-fires", "no CSV; alice alone read both password shares from Secrets Manager",
                fires("BG-QUORUM-NOT-MET", 0, 1), natively(u -> u.custody = ALICE_ALONE), false));
        all.add(nativeUse("native-notify-wrong-policy-fires",
                "no CSV; engineering leadership's page went to the Ops On-Call escalation policy, which stands for no group",
                fires("BG-NOTIFY-MISSING", 1, 1),
                natively(u -> u.notify = List.of(page("security-leadership", m(2)), page("Ops On-Call", m(2)))), false));
        all.add(nativeUse("native-approval-after-grace-fires",
                "no CSV; the Jira ticket moved to Approved 1 s after the approval grace: no approval of the use",
                fires("BG-APPROVAL-MISSING", 1, 1),
                natively(u -> u.approvals = List.of(approval(CISO, m(15).plus(sec(1))))), false));
        all.add(nativeUse("native-approval-at-grace-near-miss",
                "no CSV; the Jira ticket moved to Approved exactly approval-grace after the start: late, not missing",
                near("BG-APPROVAL-MISSING", 0, 1, "fires", "BG-APPROVAL-LATE"),
                natively(u -> u.approvals = List.of(approval(CISO, m(15)))), false));
        all.add(keyVaultServiceNow());
        return all;
    }

    /** Three accounts used correctly across CloudTrail delivery files, Okta, Entra, Vault and the evidence CSV. */
    private static Scenario multiSource() {
        Scenario s = new Scenario("compliant-multi-source",
                "three accounts used correctly across CloudTrail, Okta, Entra, Vault and evidence")
                .expect(compliant("episodes", 3));
        s.deliveryFiles = true;
        s.accounts = List.of(Blocks.awsAccount(Scenario.AWS_ACCOUNT, Aws.BG, "secret/data/breakglass/aws/*"),
                Blocks.oktaAccount(), Blocks.entraAccount());
        for (Scenario.Account a : s.accounts) {
            program(s, a.id());
        }
        Blocks.ctNoise(s);
        Blocks.episode(s, u -> u.custodyVia = "vault");
        for (String at : new String[]{"2026-08-14T02:00:00Z", "2026-08-14T14:30:00Z", "2026-08-15T02:00:00Z",
                "2026-08-15T20:15:00Z"}) {
            s.vault.addAll(IdentityLogs.vault(t(at), "app-payments", "secret/data/app/payments/db", "approle", true));
        }
        // Okta: the super-admin account, 14:00-14:40, its password and factors reset by alice an hour later
        Instant o = t("2026-08-14T14:00:00Z");
        String bg = IdentityLogs.OKTA_BG;
        s.okta.add(IdentityLogs.okta(o, "user.authentication.auth_via_mfa", bg, List.of(), "FIDO_WEBAUTHN",
                "Authentication of user via MFA"));
        s.okta.add(IdentityLogs.okta(o.plus(m(2)), "user.session.access_admin_app", bg, List.of(), null,
                "User accessing Okta admin app"));
        s.okta.add(IdentityLogs.okta(o.plus(m(15)), "user.account.unlock", bg, List.of("jane.doe@example.com"), null,
                "Unlock user account"));
        s.okta.add(IdentityLogs.okta(o.plus(m(40)), "policy.lifecycle.update", bg, List.of(), null, "Update policy"));
        s.okta.add(IdentityLogs.okta(o.plus(m(40)).plus(h(1)), "user.account.reset_password", ALICE, List.of(bg), null,
                "Fired when the user's Okta password is reset"));
        s.okta.add(IdentityLogs.okta(o.plus(m(40)).plus(h(1)).plus(m(3)), "user.mfa.factor.reset_all", ALICE,
                List.of(bg), null, "Reset all factors for user"));
        for (String at : new String[]{"2026-08-14T00:40:00Z", "2026-08-14T07:10:00Z", "2026-08-14T19:00:00Z",
                "2026-08-15T06:30:00Z", "2026-08-15T13:45:00Z", "2026-08-15T22:30:00Z"}) {
            s.okta.add(IdentityLogs.okta(t(at), "user.session.start", "jane.doe@example.com", List.of(),
                    "OKTA_VERIFY_PUSH", "User login to Okta"));
        }
        evidenceAround(s, "okta-breakglass", o, "INC-7002", BOB, "carol@example.com");
        // Entra: the emergency access account, next morning
        Instant e = t("2026-08-15T06:00:00Z");
        s.entra.add(IdentityLogs.entraSignIn(e, IdentityLogs.ENTRA_BG, "AzureAD", "Azure Portal"));
        s.entra.add(IdentityLogs.entraSignIn(e.plus(m(25)), IdentityLogs.ENTRA_BG, "AzureAD",
                "Microsoft Entra admin center"));
        Blocks.entraNoise(s);
        evidenceAround(s, "entra-breakglass", e, "INC-7003", ALICE, "carol@example.com");
        for (String credential : new String[]{"password", "mfa"}) {
            s.ev(e.plus(m(25)).plus(h(3)), "rotation", ALICE, "INC-7003", "", credential, "", "entra-breakglass");
        }
        return s;
    }

    /** Custody by two custodians, the CISO's approval and both groups paged, around a use starting at {@code start}. */
    private static void evidenceAround(Scenario s, String account, Instant start, String incident, String... custodians) {
        for (int i = 0; i < custodians.length; i++) {
            s.ev(start.minus(m(15 - i)), "custody", custodians[i], incident, "", "share-" + (i + 1), "", account);
        }
        s.ev(start.minus(m(6)), "approval", CISO, incident, "", "", "Approved in the incident bridge", account);
        s.ev(start.plus(m(3)), "notification", "pagerduty", incident, "security-leadership", "", "", account);
        s.ev(start.plus(m(3)), "notification", "pagerduty", incident, "engineering-leadership", "", "", account);
    }

    /**
     * The password's two shares in Secrets Manager: custodians read them through their SSO sessions (one by name,
     * one by ARN) and alice rotates the password with RotateSecret; no custody or password rotation in the evidence.
     * settle-after PT12H: the episode settles in the period, so the rotation is judged.
     */
    private static Scenario secretsManager(String name, String description, Map<String, Object> props,
                                           List<Custody> custody, String credential) {
        Scenario s = settling(awsScenario(name, description, props, u -> {
            u.custodyVia = "secretsmanager";
            u.custody = custody;
            u.rotations = List.of(rotation("password", h(2), "sm"), rotation("mfa", h(2).plus(m(5)), "ct"),
                    rotation("access-key", h(2).plus(m(10)), "evidence"));
        }));
        s.accounts = List.of(Blocks.smAccount(credential));
        for (String at : new String[]{"2026-08-14T03:00:00Z", "2026-08-15T03:00:00Z"}) {
            s.cloudtrail.add(Aws.call(t(at), "GetSecretValue", "deploy-bot", "secretsmanager.amazonaws.com",
                    map("secretId", "app/payments/db"), null, true,
                    "198.51.100.23"));
        }
        return s;
    }

    /**
     * The compliant AWS use with every piece of process evidence where it happens: the approval a Jira transition,
     * custody two Secrets Manager reads, the pages PagerDuty notify entries, the rotations RotateSecret,
     * EnableMFADevice and DeleteAccessKey in CloudTrail; without the CSV, the drill and the review of need are Jira
     * tickets too. {@code knobs} are those of that use.
     */
    private static Scenario nativeUse(String name, String description, Map<String, Object> props,
                                      Consumer<Use> knobs, boolean csv) {
        Scenario s = new Scenario(name, description).expect(props);
        s.csv = csv;
        s.accounts = List.of(Blocks.smAccount("password"));
        s.evidenceMap = NATIVE_MAP;
        settling(s);
        if (csv) {
            program(s, Scenario.AWS_ACCOUNT);
        } else {
            s.jira.add(Exports.jiraIssue("SEC-4102", "Seal drill", "bg-aws-root", t("2026-07-20T09:00:00Z"),
                    "Quarterly drill of the AWS root seal",
                    List.of(new Transition(t("2026-07-20T14:00:00Z"), "In Progress", "Done", ALICE))));
            s.jira.add(Exports.jiraIssue("SEC-3990", "Access review", "bg-aws-root", t("2026-02-20T09:00:00Z"),
                    "Annual review of need: AWS root break-glass",
                    List.of(new Transition(t("2026-03-02T10:00:00Z"), "In Review", "Done", CISO))));
        }
        Blocks.ctNoise(s);
        // tickets and pages of other systems in the same exports: read, tied to no account, not relevant
        s.jira.add(Exports.jiraIssue("OPS-977", "Task", "checkout", t("2026-08-14T07:00:00Z"),
                "Rotate the checkout TLS certificate",
                List.of(new Transition(t("2026-08-14T07:30:00Z"), "Open", "Approved", CISO))));
        s.pagerduty.addAll(Exports.pdPage(new Incident(4190, "Checkout API latency above SLO", "Checkout API",
                "Ops On-Call", t("2026-08-15T03:12:00Z")), "Sam Reyes"));
        Blocks.episode(s, knobs);
        return s;
    }

    /** The native use's knobs (alice's and bob's Secrets Manager reads, a Jira approval, PagerDuty pages), then {@code knobs}. */
    private static Consumer<Use> natively(Consumer<Use> knobs) {
        Consumer<Use> defaults = u -> {
            u.custodyVia = "secretsmanager";
            u.custody = BOTH;
            u.approveVia = "jira";
            u.notifyVia = "pagerduty";
            u.rotations = NATIVE_ROTATIONS;
        };
        return defaults.andThen(knobs);
    }

    /**
     * The password's shares in Azure Key Vault, the use approved on a ServiceNow emergency change, pages from
     * PagerDuty; drill and review from the CSV.
     */
    private static Scenario keyVaultServiceNow() {
        List<Use.Rotation> rotations = new ArrayList<>(List.of(rotation("password", h(2), "kv")));
        rotations.addAll(NATIVE_ROTATIONS.subList(1, NATIVE_ROTATIONS.size()));
        Scenario s = nativeUse("native-keyvault-servicenow-compliant",
                "the password shares read from Azure Key Vault by alice and bob and rotated there (SecretSet), "
                        + "the use approved on a ServiceNow emergency change, both groups paged through PagerDuty: no finding",
                compliant("states", "settled",
                        "near-miss", "BG-APPROVAL-MISSING,BG-QUORUM-NOT-MET,BG-ROTATION-INCOMPLETE,BG-CUSTODIAN-UNKNOWN"),
                natively(u -> {
                    u.custodyVia = "keyvault";
                    u.approveVia = "servicenow";
                    u.rotations = rotations;
                    u.custody = List.of(custody(ALICE, m(-10), "aws-password-share-1"),
                            custody(BOB, m(-8), "aws-password-share-2"));
                }), true);
        s.accounts = List.of(s.accounts.get(0)
                .withSealed(new Pattern("azure-keyvault", Exports.KV + "/secrets/aws-password-share-*", "password")));
        s.jira = new ArrayList<>();   // no tickets in Jira here: the drill and the review are in the CSV
        List<String> map = new ArrayList<>(NATIVE_MAP.subList(4, NATIVE_MAP.size()));
        map.addAll(List.of("  servicenow:", "    accounts: { \"AWS root break-glass\": aws-breakglass }"));
        s.evidenceMap = map;
        s.servicenow.add(Exports.snowApproval(t("2026-08-15T10:00:00Z"), CISO, "approved", "CHG0030050",
                "Checkout API", "normal", "Scale the checkout fleet"));
        for (String at : new String[]{"2026-08-14T02:00:00Z", "2026-08-14T14:00:00Z", "2026-08-15T02:00:00Z"}) {
            s.keyvault.add(Exports.keyVault(t(at), "SecretGet", "payments-api", "payments-db-password", true));
        }
        return s;
    }
}
