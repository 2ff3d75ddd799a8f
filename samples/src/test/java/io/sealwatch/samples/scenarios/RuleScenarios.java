package io.sealwatch.samples.scenarios;

import static io.sealwatch.samples.internal.JsonValues.map;
import static io.sealwatch.samples.scenarios.Blocks.INC;
import static io.sealwatch.samples.scenarios.Blocks.S0;
import static io.sealwatch.samples.scenarios.Blocks.awsScenario;
import static io.sealwatch.samples.scenarios.Blocks.fires;
import static io.sealwatch.samples.scenarios.Blocks.h;
import static io.sealwatch.samples.scenarios.Blocks.m;
import static io.sealwatch.samples.scenarios.Blocks.near;
import static io.sealwatch.samples.scenarios.Blocks.programOnly;
import static io.sealwatch.samples.scenarios.Blocks.sec;
import static io.sealwatch.samples.scenarios.Blocks.settling;
import static io.sealwatch.samples.scenarios.Blocks.t;
import static io.sealwatch.samples.scenarios.Blocks.withVault;
import static io.sealwatch.samples.scenarios.Use.approval;
import static io.sealwatch.samples.scenarios.Use.custody;
import static io.sealwatch.samples.scenarios.Use.page;
import static io.sealwatch.samples.scenarios.Use.rotation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** One pair a rule: {@code <rule>-fires} just over the rule's boundary, {@code <rule>-near-miss} exactly on it. */
final class RuleScenarios {
    private static final String CISO = "ciso@example.com";
    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final String PASSWORD_SHARE = "password-share-1";
    /** The password and the access key rotated, the MFA device not. */
    static final List<Use.Rotation> ROT_NO_MFA = List.of(rotation("password", h(2), "ct"),
            rotation("access-key", h(2).plus(m(10)), "evidence"));

    private RuleScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        approvals(all);
        shares(all);
        signIns(all);
        settlement(all);
        program(all);
        return all;
    }

    private static Consumer<Use> approved(String who, Duration at) {
        return u -> u.approvals = List.of(approval(who, at));
    }

    private static void approvals(List<Scenario> all) {
        all.add(awsScenario("approval-missing-fires", "the only approval came 1 s after the approval grace: not attached",
                fires("BG-APPROVAL-MISSING", 1, 1), approved(CISO, m(15).plus(sec(1)))));
        all.add(awsScenario("approval-missing-near-miss", "approval exactly at start + approval-grace: attached, late",
                near("BG-APPROVAL-MISSING", 0, 1), approved(CISO, m(15))));
        all.add(awsScenario("approval-missing-near-miss-window",
                "approval exactly approval-window before the start: attached, in time",
                near("BG-APPROVAL-MISSING", 0, 1), approved(CISO, h(-4))));
        all.add(awsScenario("approval-late-fires", "the only approval came 1 s after the first activity",
                fires("BG-APPROVAL-LATE", 0, 1), approved(CISO, sec(1))));
        all.add(awsScenario("approval-late-near-miss", "approval at the very second of the first activity: not late",
                near("BG-APPROVAL-LATE", 0, 1), approved(CISO, Duration.ZERO)));
        all.add(awsScenario("approver-unauthorized-fires", "approved by the on-call lead, who is not a configured approver",
                fires("BG-APPROVER-UNAUTHORIZED", 0, 1), approved("ops-lead@example.com", m(-5))));
        Scenario s = awsScenario("approver-unauthorized-near-miss", "the approver is configured in other letter case",
                near("BG-APPROVER-UNAUTHORIZED", 0, 1));
        s.approvers = List.of("secops-manager@example.com", "CISO@Example.com");
        all.add(s);
        s = awsScenario("self-approval-fires", "alice, an approver and custodian, released a share and approved the use",
                fires("BG-SELF-APPROVAL", 1, 1), approved(ALICE, m(-5)));
        s.approvers = List.of("secops-manager@example.com", ALICE);
        all.add(s);
        s = awsScenario("self-approval-near-miss", "alice approved; her share was released 1 s before the custody window",
                near("BG-SELF-APPROVAL", 0, 1), approved(ALICE, m(-5)).andThen(u -> u.custody = List.of(
                        custody(ALICE, h(-4).minus(sec(1)), PASSWORD_SHARE), custody(BOB, m(-8), "mfa-key"),
                        custody("carol@example.com", m(-7), "password-share-2"))));
        s.approvers = List.of("secops-manager@example.com", ALICE);
        all.add(s);
        all.add(awsScenario("no-incident-fires", "no evidence of the use names an incident",
                fires("BG-NO-INCIDENT", 0, 1), u -> u.incident = ""));
        s = awsScenario("no-incident-near-miss", "only a second page, exactly approval-grace after the start, names the incident",
                near("BG-NO-INCIDENT", 0, 1), u -> u.incident = "");
        s.ev(S0.plus(m(15)), "notification", "pagerduty", INC, "security-leadership", "",
                "Break-glass use alert, incident linked");
        all.add(s);
        s = awsScenario("no-incident-named-after-grace",
                "only the access-key rotation record, hours after the start, names the incident: too late to count",
                fires("BG-NO-INCIDENT", 0, 1), u -> {
                    u.incident = "";
                    u.rotations = List.of(rotation("password", h(2), "ct"), rotation("mfa", h(2).plus(m(5)), "ct"));
                });
        s.ev(S0.plus(m(40)).plus(h(2)).plus(m(10)), "rotation", BOB, INC, "", "access-key", "Rotated after use");
        all.add(s);
    }

    private static void shares(List<Scenario> all) {
        all.add(awsScenario("quorum-not-met-fires", "alice alone released both shares",
                fires("BG-QUORUM-NOT-MET", 0, 1),
                u -> u.custody = List.of(custody(ALICE, m(-10), PASSWORD_SHARE), custody(ALICE, m(-8), "mfa-key"))));
        all.add(awsScenario("quorum-not-met-near-miss", "the second custodian released exactly custody-window before the start",
                near("BG-QUORUM-NOT-MET", 0, 1),
                u -> u.custody = List.of(custody(ALICE, m(-10), PASSWORD_SHARE), custody(BOB, h(-4), "mfa-key"))));
        all.add(withVault(awsScenario("custodian-unknown-fires", "dave, not a custodian, read a sealed share from Vault",
                fires("BG-CUSTODIAN-UNKNOWN", 0, 1), u -> {
                    u.custodyVia = "vault";
                    u.custody = List.of(custody(ALICE, m(-10), PASSWORD_SHARE), custody(BOB, m(-8), "mfa-key"),
                            custody("dave@example.com", m(-6), "password-share-2"));
                })));
        Scenario s = withVault(awsScenario("custodian-unknown-near-miss",
                "carol is known to Vault only by her display name; dave read only his own path",
                near("BG-CUSTODIAN-UNKNOWN", 0, 1),
                u -> { u.custodyVia = "vault"; u.custody = List.of(custody(ALICE, m(-10), PASSWORD_SHARE)); }));
        s.vault.addAll(IdentityLogs.vault(S0.minus(m(7)), "carol@example.com", "secret/data/breakglass/aws/mfa-key",
                "oidc-Carol@Example.com", false));
        all.add(s);
    }

    private static void signIns(List<Scenario> all) {
        all.add(awsScenario("mfa-weak-fires", "the console sign-in used a virtual (TOTP) MFA device",
                fires("BG-MFA-WEAK", 0, 1), u -> u.login = "virtual"));
        all.add(awsScenario("mfa-weak-near-miss", "the console sign-in used a hardware OTP token (serial number)",
                near("BG-MFA-WEAK", 0, 1), u -> u.login = "hardware"));
        all.add(Blocks.entraScenario("sso-dependent-fires", "the Entra emergency account signed in through AD FS federation",
                fires("BG-SSO-DEPENDENT", 0, 1), "ADFederationServices"));
        all.add(Blocks.entraScenario("sso-dependent-near-miss",
                "cloud-only sign-in of the emergency account while a federated user signs in",
                near("BG-SSO-DEPENDENT", 0, 1), "AzureAD"));
        all.add(awsScenario("ttl-exceeded-fires", "activity for 4 h 1 s", fires("BG-TTL-EXCEEDED", 0, 1),
                u -> u.acts = List.of(h(1), h(2), h(3), h(3).plus(m(30)), h(4).plus(sec(1)))));
        all.add(awsScenario("ttl-exceeded-near-miss", "activity exactly episode-gap apart, exactly max-session long",
                near("BG-TTL-EXCEEDED", 0, 1), u -> u.acts = List.of(h(1), h(2), h(3), h(4))));
    }

    private static void settlement(List<Scenario> all) {
        all.add(settling(awsScenario("notify-missing-fires",
                "engineering leadership was paged 61 s before the start (another event)", fires("BG-NOTIFY-MISSING", 1, 1),
                u -> u.notify = List.of(page("security-leadership", m(2)), page("engineering-leadership", sec(-61))))));
        all.add(settling(awsScenario("notify-missing-near-miss",
                "engineering leadership was paged 60 s before the start (clock skew allowance)",
                near("BG-NOTIFY-MISSING", 0, 1),
                u -> u.notify = List.of(page("security-leadership", m(2)), page("engineering-leadership", sec(-60))))));
        all.add(awsScenario("notify-late-fires", "engineering leadership was notified 15 min 1 s after the start",
                fires("BG-NOTIFY-LATE", 0, 1), u -> u.notify = List.of(page("security-leadership", m(2)),
                        page("engineering-leadership", m(15).plus(sec(1))))));
        all.add(awsScenario("notify-late-near-miss", "engineering leadership was notified exactly notify-within after the start",
                near("BG-NOTIFY-LATE", 0, 1),
                u -> u.notify = List.of(page("security-leadership", m(2)), page("engineering-leadership", m(15)))));
        all.add(settling(awsScenario("rotation-incomplete-fires",
                "mfa not rotated; the episode settled 1 s before the period end",
                fires("BG-ROTATION-INCOMPLETE", 1, 1, "states", "settled"),
                u -> { u.start = t("2026-08-14T11:19:59Z"); u.rotations = ROT_NO_MFA; })));
        all.add(settling(awsScenario("rotation-incomplete-near-miss",
                "mfa not rotated yet; the episode settles exactly at the period end (open, rotation owed)",
                near("BG-ROTATION-INCOMPLETE", 0, 1, "states", "open"),
                u -> { u.start = t("2026-08-14T11:20:00Z"); u.rotations = ROT_NO_MFA; })));
        all.add(awsScenario("rotation-late-fires", "mfa rotated 1 s after its deadline", fires("BG-ROTATION-LATE", 0, 1),
                u -> u.rotations = List.of(rotation("password", h(2), "ct"), rotation("mfa", h(24).plus(sec(1)), "ct"),
                        rotation("access-key", h(2).plus(m(10)), "evidence"))));
        all.add(awsScenario("rotation-late-near-miss", "mfa rotated exactly at its deadline", near("BG-ROTATION-LATE", 0, 1),
                u -> u.rotations = List.of(rotation("password", h(2), "ct"), rotation("mfa", h(24), "ct"),
                        rotation("access-key", h(2).plus(m(10)), "evidence"))));
        Scenario s = settling(awsScenario("standing-access-fires",
                "the break-glass user created itself an access key that was never deleted", fires("BG-STANDING-ACCESS", 1, 1)));
        s.cloudtrail.add(Aws.createKey(S0.plus(m(30)), Aws.BG, Aws.NEW_KEY, Aws.BG));
        all.add(s);
        s = settling(awsScenario("standing-access-near-miss",
                "the access key created during the use was deleted late, 1 s before the episode settled",
                near("BG-STANDING-ACCESS", 0, 1)));
        s.cloudtrail.add(Aws.createKey(S0.plus(m(30)), Aws.BG, Aws.NEW_KEY, Aws.BG));
        s.cloudtrail.add(Aws.deleteKey(S0.plus(m(40)).plus(h(24)).plus(h(12)).minus(sec(1)), "alice", Aws.NEW_KEY, Aws.BG));
        all.add(s);
    }

    private static void program(List<Scenario> all) {
        Scenario s = programOnly("failed-login-fires", "two failed console sign-ins of the break-glass user, no use",
                fires("BG-FAILED-LOGIN", 0, 0));
        s.cloudtrail.add(Aws.consoleLogin(S0, Aws.BG, null, false));
        s.cloudtrail.add(Aws.consoleLogin(S0.plus(m(1)), Aws.BG, null, false));
        all.add(s);
        s = programOnly("failed-login-near-miss", "a look-alike user fails in the period; the break-glass user 1 s before it",
                near("BG-FAILED-LOGIN", 0, 0));
        s.cloudtrail.add(Aws.consoleLogin(S0, Aws.BG + "2", null, false));
        s.cloudtrail.add(Aws.consoleLogin(t("2026-08-13T23:59:59Z"), Aws.BG, null, false));
        all.add(s);
        all.add(programOnly("drill-overdue-fires", "the last drill was 3 months and 1 s before the period end",
                fires("BG-DRILL-OVERDUE", 0, 0), "2026-05-15T23:59:59Z", Blocks.REVIEW));
        all.add(programOnly("drill-overdue-near-miss", "the last drill was exactly drill-every before the period end",
                near("BG-DRILL-OVERDUE", 0, 0), "2026-05-16T00:00:00Z", Blocks.REVIEW));
        all.add(programOnly("review-overdue-fires", "the last review was 1 year and 1 s before the period end",
                fires("BG-REVIEW-OVERDUE", 0, 0), Blocks.DRILL, "2025-08-15T23:59:59Z"));
        all.add(programOnly("review-overdue-near-miss", "the last review was exactly review-every before the period end",
                near("BG-REVIEW-OVERDUE", 0, 0), Blocks.DRILL, "2025-08-16T00:00:00Z"));
        all.add(oktaGap("log-gap-fires", "the Okta log is silent for 24 h 1 s", fires("BG-LOG-GAP", 0, 0),
                "2026-08-15T12:00:01Z"));
        all.add(oktaGap("log-gap-near-miss", "the Okta log is silent for exactly log-gap", near("BG-LOG-GAP", 0, 0),
                "2026-08-15T12:00:00Z"));
        all.add(waivedGap("log-gap-waived-by-source", "the Okta log is silent for 24 h 1 s under a waiver for the "
                + "okta-system-log source until the end of the year: the gap is reported and accepted", "2026-12-31"));
        all.add(waivedGap("log-gap-waiver-expired", "the same gap; the waiver for the source expired the day before the period",
                "2026-08-13"));
    }

    private static Scenario oktaGap(String name, String description, Map<String, Object> props, String second) {
        Scenario s = programOnly(name, description, props);
        s.logGap("PT24H");
        for (String at : new String[]{"2026-08-14T12:00:00Z", second}) {
            s.okta.add(IdentityLogs.okta(t(at), "user.session.start", "jane.doe@example.com", List.of(),
                    "OKTA_VERIFY_PUSH", null));
        }
        return s;
    }

    /** The Okta gap of log-gap-fires under a waiver by source type: reported either way, accepted while it runs. */
    private static Scenario waivedGap(String name, String description, String until) {
        Scenario s = oktaGap(name, description, fires("BG-LOG-GAP", 0, 0), "2026-08-15T12:00:01Z");
        s.waivers = List.of(map("rule", "BG-LOG-GAP", "source", "okta-system-log",
                "until", until, "reason", "\"Okta log streaming moved to a new collector\"", "approved-by", CISO));
        return s;
    }
}
