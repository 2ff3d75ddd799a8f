package io.sealwatch.samples.scenarios;

import static io.sealwatch.samples.internal.JsonValues.map;

import io.sealwatch.samples.internal.ConfigYaml.Pattern;
import io.sealwatch.samples.scenarios.Scenario.Account;
import io.sealwatch.samples.scenarios.Use.Approval;
import io.sealwatch.samples.scenarios.Use.Custody;
import io.sealwatch.samples.scenarios.Use.Notify;
import io.sealwatch.samples.scenarios.Use.Rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The building blocks the scenarios share: accounts, program evidence, background noise and the AWS use. */
final class Blocks {
    static final Instant S0 = Instant.parse("2026-08-14T09:00:00Z");
    static final String INC = "INC-7001";
    static final String JIRA_KEY = "SEC-4211";
    static final String PD_SERVICE = "Break-glass: AWS root";
    static final Map<String, String> POLICIES = Map.of("security-leadership", "Security Leadership",
            "engineering-leadership", "Engineering Leadership");
    static final String DRILL = "2026-07-20T14:00:00Z";
    static final String REVIEW = "2026-03-02T10:00:00Z";
    private static final String ALICE = "alice@example.com";
    private static final String ENTRA = "entra-breakglass";
    private static final String[] ACTS = {"ListUsers", "DescribeInstances", "StopInstances", "DescribeTrails",
            "ListBuckets"};

    private Blocks() {
    }

    static Instant t(String iso) {
        return Instant.parse(iso);
    }

    static Duration m(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    static Duration h(long hours) {
        return Duration.ofHours(hours);
    }

    static Duration sec(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    // ---- expectations: one builder, so fires and near misses keep one key order

    static Map<String, Object> expects(String kind, String rule, int exit, int episodes, Object... more) {
        Map<String, Object> p = map("exit", exit, kind, rule, "episodes", episodes);
        p.putAll(map(more));
        return p;
    }

    static Map<String, Object> fires(String rule, int exit, int episodes, Object... more) {
        return expects("fires", rule, exit, episodes, more);
    }

    static Map<String, Object> near(String rule, int exit, int episodes, Object... more) {
        return expects("near-miss", rule, exit, episodes, more);
    }

    /** A run with no finding. */
    static Map<String, Object> compliant(Object... more) {
        Map<String, Object> p = map("exit", 0, "compliant", "true", "episodes", 1);
        p.putAll(map(more));
        return p;
    }

    // ---- accounts

    static Account awsAccount(String id, String user, String vaultPath) {
        return new Account(id, "AWS management account break-glass IAM user",
                List.of(new Pattern("aws-cloudtrail", Aws.userArn(user))), List.of("password", "mfa", "access-key"),
                "PT4H", vaultPath == null ? List.of() : List.of(new Pattern("vault-audit", vaultPath)));
    }

    /** The password shares kept in Secrets Manager; with a credential, rotating either share rotates it. */
    static Account smAccount(String credential) {
        return awsAccount(Scenario.AWS_ACCOUNT, Aws.BG, null)
                .withSealed(new Pattern("aws-cloudtrail", Aws.SM_ARN + "breakglass/aws/password-share-*", credential));
    }

    static Account oktaAccount() {
        return new Account("okta-breakglass", "Okta super-admin break-glass account",
                List.of(new Pattern("okta-system-log", IdentityLogs.OKTA_BG)), List.of("password", "mfa"), "PT2H", List.of());
    }

    static Account entraAccount() {
        return new Account(ENTRA, "Entra ID emergency access account",
                List.of(new Pattern("entra-signin", IdentityLogs.ENTRA_BG)), List.of("password", "mfa"), "PT4H", List.of());
    }

    // ---- evidence of the program and background noise

    static void program(Scenario s, String account, String drill, String review) {
        s.ev(drill, "drill", ALICE, "", "", "", "Quarterly drill: seal intact, runbook walked through", account);
        s.ev(review, "review", "ciso@example.com", "", "", "", "Annual review of need: retained", account);
    }

    static void program(Scenario s, String account) {
        program(s, account, DRILL, REVIEW);
    }

    /** Other people's calls and sign-ins over the two days. */
    static void ctNoise(Scenario s) {
        String[] times = {"2026-08-14T00:20:00Z", "2026-08-14T05:00:00Z", "2026-08-14T11:30:00Z",
                "2026-08-14T16:45:00Z", "2026-08-14T22:10:00Z", "2026-08-15T03:30:00Z", "2026-08-15T09:15:00Z",
                "2026-08-15T14:00:00Z", "2026-08-15T19:40:00Z", "2026-08-15T23:50:00Z"};
        String[] names = {"DescribeInstances", "ListBuckets", "DescribeTrails", "GetCallerIdentity", "ListUsers"};
        for (int i = 0; i < times.length; i++) {
            s.cloudtrail.add(Aws.api(t(times[i]), i % 2 == 1 ? "deploy-bot" : "alice", names[i % names.length]));
        }
        s.cloudtrail.add(Aws.consoleLogin(t("2026-08-14T08:02:00Z"), "alice", "virtual", true));
        s.cloudtrail.add(Aws.consoleLogin(t("2026-08-15T08:05:00Z"), "bob", "u2f", true));
    }

    /** Other applications' reads of Vault, and a sealed AWS account whose shares are in it. */
    static Scenario withVault(Scenario s) {
        s.accounts = List.of(awsAccount(Scenario.AWS_ACCOUNT, Aws.BG, "secret/data/breakglass/aws/*"));
        String db = "secret/data/app/payments/db";
        for (String[] read : new String[][]{{"2026-08-14T02:00:00Z", "app-payments", db},
                {"2026-08-14T14:30:00Z", "app-payments", db}, {"2026-08-15T02:00:00Z", "app-payments", db},
                {"2026-08-15T20:15:00Z", "dave@example.com", "secret/data/team/dave/notes"}}) {
            s.vault.addAll(IdentityLogs.vault(t(read[0]), read[1], read[2]));
        }
        return s;
    }

    /** settle-after PT12H: an episode of 14 August settles on the 15th, inside the two-day period. */
    static Scenario settling(Scenario s) {
        s.policy.put("settle-after", "PT12H");
        return s;
    }

    // ---- scenarios

    static Scenario awsScenario(String name, String description, Map<String, Object> props, Consumer<Use> knobs) {
        Scenario s = new Scenario(name, description).expect(props);
        program(s, Scenario.AWS_ACCOUNT);
        ctNoise(s);
        episode(s, knobs);
        return s;
    }

    static Scenario awsScenario(String name, String description, Map<String, Object> props) {
        return awsScenario(name, description, props, u -> { });
    }

    static Scenario programOnly(String name, String description, Map<String, Object> props, String drill,
                                String review) {
        Scenario s = new Scenario(name, description).expect(props);
        program(s, Scenario.AWS_ACCOUNT, drill, review);
        ctNoise(s);
        return s;
    }

    static Scenario programOnly(String name, String description, Map<String, Object> props) {
        return programOnly(name, description, props, DRILL, REVIEW);
    }

    /** Federated users' sign-ins to Exchange over the two days. */
    static void entraNoise(Scenario s) {
        for (String at : new String[]{"2026-08-14T01:10:00Z", "2026-08-14T08:58:00Z", "2026-08-14T17:30:00Z",
                "2026-08-15T07:45:00Z", "2026-08-15T16:20:00Z", "2026-08-15T23:05:00Z"}) {
            s.entra.add(IdentityLogs.entraSignIn(t(at), "jane.doe@examplecorp.com", "Mobile app notification",
                    "ADFederationServices", "Office 365 Exchange Online"));
        }
    }

    /** The Entra emergency account used at 09:00 for 25 min, its token issued by {@code issuer}. */
    static Scenario entraScenario(String name, String description, Map<String, Object> props, String issuer) {
        Scenario s = new Scenario(name, description).expect(props);
        s.accounts = List.of(entraAccount());
        program(s, ENTRA);
        entraNoise(s);
        s.entra.add(IdentityLogs.entraSignIn(S0, IdentityLogs.ENTRA_BG, issuer, "Azure Portal"));
        s.entra.add(IdentityLogs.entraSignIn(S0.plus(m(25)), IdentityLogs.ENTRA_BG, issuer, "Microsoft Entra admin center"));
        Instant end = S0.plus(m(25));
        s.ev(S0.minus(m(12)), "custody", ALICE, INC, "", "password-share-1", "", ENTRA);
        s.ev(S0.minus(m(9)), "custody", "carol@example.com", INC, "", "fido2-key", "", ENTRA);
        s.ev(S0.minus(m(4)), "approval", "secops-manager@example.com", INC, "", "", "Approved: tenant-wide CA lockout", ENTRA);
        s.ev(S0.plus(m(1)), "notification", "sentinel-playbook", INC, "security-leadership", "", "", ENTRA);
        s.ev(S0.plus(m(1)), "notification", "sentinel-playbook", INC, "engineering-leadership", "", "", ENTRA);
        s.ev(end.plus(h(3)), "rotation", ALICE, INC, "", "password", "", ENTRA);
        s.ev(end.plus(h(3)), "rotation", ALICE, INC, "", "mfa", "FIDO2 key re-registered", ENTRA);
        return s;
    }

    /** The AWS use: sign-in, activity, custody, approval, pages and rotations, each where {@code use} says. */
    static void episode(Scenario s, Consumer<Use> knobs) {
        Use use = Use.with(knobs);
        Instant start = use.start;
        s.cloudtrail.add(Aws.consoleLogin(start, use.user, use.login, true));
        for (int i = 0; i < use.acts.size(); i++) {
            s.cloudtrail.add(Aws.api(start.plus(use.acts.get(i)), use.user, ACTS[i % ACTS.length]));
        }
        Instant end = use.acts.isEmpty() ? start : start.plus(use.acts.get(use.acts.size() - 1));
        for (Custody c : use.custody) {
            Instant at = start.plus(c.at());
            switch (use.custodyVia) {
                case "vault" -> s.vault.addAll(IdentityLogs.vault(at, c.who(), "secret/data/breakglass/aws/" + c.share()));
                case "secretsmanager" -> s.cloudtrail.add(Aws.secretCall(at, "GetSecretValue", c.who(), c.share(), null));
                case "keyvault" -> s.keyvault.add(Exports.keyVault(at, "SecretGet", c.who(), c.share(), false));
                default -> s.ev(at, "custody", c.who(), use.incident, "", c.share(), "Share released from the safe",
                        use.account);
            }
        }
        for (Approval a : use.approvals) {
            Instant at = start.plus(a.at());
            switch (use.approveVia) {
                case "jira" -> s.jira.add(Exports.jiraIssue(JIRA_KEY, "Break-glass request", "bg-aws-root",
                        start.minus(m(20)), "Break-glass: restore the SSO trust of the management account", List.of(
                                new Exports.Transition(start.minus(m(15)), "Open", "In Review", "ops-lead@example.com"),
                                new Exports.Transition(at, "In Review", "Approved", a.who()),
                                new Exports.Transition(end.plus(h(3)), "Approved", "Done", "ops-lead@example.com"))));
                case "servicenow" -> s.servicenow.add(Exports.snowApproval(at, a.who(), "approved", "CHG0030042",
                        "AWS root break-glass", "emergency", "Emergency access to the AWS root account"));
                default -> s.ev(at, "approval", a.who(), use.incident, "", "", "Approved in the incident channel",
                        use.account);
            }
        }
        for (int i = 0; i < use.notify.size(); i++) {
            Notify n = use.notify.get(i);
            Instant at = start.plus(n.at());
            if ("pagerduty".equals(use.notifyVia)) {
                s.pagerduty.addAll(Exports.pdPage(new Exports.Incident(4211 + i,
                        "Break-glass use of the AWS management account", PD_SERVICE,
                        POLICIES.getOrDefault(n.group(), n.group()), at), i % 2 == 0 ? "Dana Fox" : "Lee Park"));
            } else {
                s.ev(at, "notification", "pagerduty", use.incident, n.group(), "", "Break-glass use alert", use.account);
            }
        }
        for (Rotation r : use.rotations) {
            rotate(s, use, end.plus(r.at()), r);
        }
    }

    private static void rotate(Scenario s, Use use, Instant at, Rotation r) {
        String how = r.how().equals("ct") ? "ct-" + r.credential() : r.how();
        switch (how) {
            case "ct-password" -> s.cloudtrail.add(Aws.iamOn(at, "alice", "UpdateLoginProfile", use.user,
                    map("passwordResetRequired", false)));
            case "ct-mfa" -> s.cloudtrail.add(Aws.iamOn(at, "alice", "EnableMFADevice", use.user,
                    map("serialNumber", Aws.u2f(use.user, "yubikey-NEW"))));
            case "kv" -> s.keyvault.add(Exports.keyVault(at, "SecretSet", ALICE, "aws-" + r.credential() + "-share-1",
                    false));
            case "ct-key" -> s.cloudtrail.add(Aws.deleteKey(at, "alice", Aws.OLD_KEY, use.user));
            case "sm" -> s.cloudtrail.add(Aws.secretCall(at, "RotateSecret", ALICE,
                    "breakglass/aws/" + r.credential() + "-share-1",
                    map("clientRequestToken", Ids.uuid("rotate", at), "rotateImmediately", true)));
            default -> s.ev(at, "rotation", "bob@example.com", use.incident, "", r.credential(), "Rotated after use",
                    use.account);
        }
    }
}
