package io.sealwatch.samples.scenarios;

import static io.sealwatch.samples.internal.JsonValues.map;
import static io.sealwatch.samples.scenarios.Blocks.S0;
import static io.sealwatch.samples.scenarios.Blocks.awsScenario;
import static io.sealwatch.samples.scenarios.Blocks.compliant;
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

import io.sealwatch.samples.scenarios.Exports.Transition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Edge cases of one use, changes between uses, and uses across the end of a period (two consecutive runs). */
final class EdgeScenarios {
    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final String CISO = "ciso@example.com";
    private static final String IAM = "iam.amazonaws.com";
    private static final String NEW_MFA = Aws.u2f(Aws.BG, "yubikey-NEW");
    private static final Instant CHANGED = t("2026-08-15T14:00:00Z");
    private static final Instant RELEASED = t("2026-08-14T10:00:00Z");

    private EdgeScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        edges(all);
        betweenUses(all);
        periods(all);
        return all;
    }

    private static void edges(List<Scenario> all) {
        all.add(awsScenario("edge-episode-crosses-period-end",
                "starts 30 min before --to (midnight) and goes on for 4 h 30 min after it: judged as of --to",
                compliant(), u -> {
                    u.start = t("2026-08-15T23:30:00Z");
                    u.acts = List.of(m(15), m(29), m(40), m(90), m(140), m(190), m(240), m(270));
                }));
        Scenario s = awsScenario("edge-two-accounts-at-once",
                "two break-glass users in use at the same time; only the second lacks approval",
                fires("BG-APPROVAL-MISSING", 1, 2));
        String eu = "aws-breakglass-eu";
        s.accounts = List.of(s.accounts.get(0), Blocks.awsAccount(eu, Aws.BG + "-eu", null));
        Blocks.program(s, eu);
        Blocks.episode(s, u -> {
            u.start = S0.plus(m(10));
            u.user = Aws.BG + "-eu";
            u.account = eu;
            u.incident = "INC-7010";
            u.approvals = List.of();
            u.custody = List.of(custody("carol@example.com", m(-9), "eu-password-share"),
                    custody(BOB, m(-7), "eu-mfa-key"));
        });
        all.add(s);
        all.add(awsScenario("edge-approval-five-minutes-late", "approved 5 min after the first activity: late, not missing",
                fires("BG-APPROVAL-LATE", 0, 1, "near-miss", "BG-APPROVAL-MISSING"),
                u -> u.approvals = List.of(approval(CISO, m(5)))));
        s = awsScenario("edge-self-rotation-at-end",
                "exactly max-session of use, then the break-glass user rotates its own credentials as its last acts",
                compliant(), u -> { u.acts = List.of(h(1), h(2), h(3), h(4)); u.rotations = List.of(); });
        Instant end = S0.plus(h(4));
        s.cloudtrail.add(Aws.call(end.plus(sec(30)), "ChangePassword", Aws.BG, IAM, null));
        s.cloudtrail.add(Aws.call(end.plus(sec(60)), "EnableMFADevice", Aws.BG, IAM,
                map("userName", Aws.BG, "serialNumber", NEW_MFA)));
        s.cloudtrail.add(Aws.call(end.plus(sec(90)), "DeleteAccessKey", Aws.BG, IAM, map("accessKeyId", Aws.OLD_KEY)));
        all.add(s);
        all.add(withVault(awsScenario("edge-clock-skew",
                "the pager's clock runs 5 s ahead of CloudTrail: notified and approved seconds 'before' the sign-in",
                compliant(), u -> {
                    u.custodyVia = "vault";
                    u.approvals = List.of(approval(CISO, sec(-3)));
                    u.notify = List.of(page("security-leadership", sec(-5)), page("engineering-leadership", sec(-4)));
                })));
        s = awsScenario("edge-late-log", "the CloudTrail file of 15 August (with the rotations) is delivered a day late",
                compliant("late", "late", "late-exit", 0, "late-fires", "BG-LOG-GAP"),
                u -> u.rotations = List.of(rotation("password", h(22), "ct"), rotation("mfa", h(22).plus(m(5)), "ct"),
                        rotation("access-key", h(2).plus(m(10)), "evidence")));
        s.deliveryFiles = true;
        s.lateDays = new TreeSet<>(List.of("20260815"));
        s.logGap("PT24H");
        all.add(s);
    }

    private static void betweenUses(List<Scenario> all) {
        Scenario s = changedBetweenUses("account-changed-fires",
                "outside any use alice creates an access key for the break-glass user and removes its MFA device; "
                        + "the change record came 1 s before approval-window", fires("BG-ACCOUNT-CHANGED", 0, 0));
        s.ev(CHANGED.minus(h(4)).minus(sec(1)), "change", CISO, "CHG-2042", "", "",
                "Approved: provision a key for the DR script");
        all.add(s);
        s = changedBetweenUses("account-changed-near-miss",
                "the same changes, approved by the CISO in a change record exactly approval-window before them",
                near("BG-ACCOUNT-CHANGED", 0, 0));
        s.ev(CHANGED.minus(h(4)), "change", CISO, "CHG-2042", "", "", "Approved: provision a key for the DR script");
        all.add(s);
        all.add(changedJira("native-account-changed-jira-fires",
                "the changes between uses; the CISO moved Jira change ticket SEC-4300 to Approved 1 s before approval-window",
                fires("BG-ACCOUNT-CHANGED", 0, 0), CHANGED.minus(h(4)).minus(sec(1))));
        all.add(changedJira("native-account-changed-jira-near-miss",
                "the changes between uses, approved on Jira change ticket SEC-4300 exactly approval-window before them",
                near("BG-ACCOUNT-CHANGED", 0, 0), CHANGED.minus(h(4))));
        all.add(sealOpened("seal-broken-fires", "two shares read from Vault, no use followed, only the password was rotated",
                fires("BG-SEAL-BROKEN", 0, 0), Map.of("password", h(3))));
        all.add(sealOpened("seal-broken-near-miss",
                "two shares read from Vault, no use followed, every credential rotated at most rotate-within after the last",
                near("BG-SEAL-BROKEN", 0, 0), Map.of("password", h(3), "access-key", h(3), "mfa", h(24))));
        s = settling(awsScenario("standing-access-login-profile-fires",
                "the break-glass user gave the ops-temp user a console password that was never removed",
                fires("BG-STANDING-ACCESS", 1, 1)));
        s.cloudtrail.add(Aws.iamOn(S0.plus(m(30)), Aws.BG, "CreateLoginProfile", "ops-temp",
                map("passwordResetRequired", true)));
        all.add(s);
        s = settling(awsScenario("standing-access-login-profile-near-miss",
                "the console password the break-glass user gave ops-temp was removed again by it before the use ended",
                near("BG-STANDING-ACCESS", 0, 1)));
        s.cloudtrail.add(Aws.iamOn(S0.plus(m(30)), Aws.BG, "CreateLoginProfile", "ops-temp",
                map("passwordResetRequired", true)));
        s.cloudtrail.add(Aws.iamOn(S0.plus(m(35)), Aws.BG, "DeleteLoginProfile", "ops-temp", null));
        all.add(s);
    }

    /** No use at all: an administrator gives the break-glass user an access key and takes its MFA device. */
    private static Scenario changedBetweenUses(String name, String description, Map<String, Object> props) {
        Scenario s = programOnly(name, description, props);
        s.cloudtrail.add(Aws.createKey(CHANGED, "alice", Aws.NEW_KEY, Aws.BG));
        s.cloudtrail.add(Aws.iamOn(CHANGED, "alice", "DeactivateMFADevice", Aws.BG,
                map("serialNumber", Aws.u2f(Aws.BG, "yubikey-OLD"))));
        return s;
    }

    /** The same changes, approved on a Jira change ticket instead of a CSV row. */
    private static Scenario changedJira(String name, String description, Map<String, Object> props, Instant approved) {
        Scenario s = changedBetweenUses(name, description, props);
        s.evidenceMap = SourceScenarios.NATIVE_MAP.subList(0, 4);
        s.jira.add(Exports.jiraIssue("SEC-4300", "Change", "bg-aws-root", CHANGED.minus(h(6)),
                "Provision a key for the DR script", List.of(new Transition(approved, "In Review", "Approved", CISO))));
        return s;
    }

    /**
     * alice and bob take their shares out at 10:00 and 10:02 and no use follows; resealing is a change of the account,
     * approved by the CISO in change records before the rotations ({@code rotated}: after the last release).
     */
    private static Scenario sealOpened(String name, String description, Map<String, Object> props,
                                       Map<String, Duration> rotated) {
        Scenario s = withVault(programOnly(name, description, props));
        s.vault.addAll(IdentityLogs.vault(RELEASED, ALICE, "secret/data/breakglass/aws/password-share-1"));
        s.vault.addAll(IdentityLogs.vault(RELEASED.plus(m(2)), BOB, "secret/data/breakglass/aws/mfa-key"));
        Instant last = RELEASED.plus(m(2));
        for (Duration d : new TreeSet<>(rotated.values())) {
            s.ev(last.plus(d).minus(h(2)), "change", CISO, "CHG-2043", "", "",
                    "Approved: reseal after the shares were released");
        }
        for (String credential : new String[]{"password", "access-key", "mfa"}) {
            Duration d = rotated.get(credential);
            if (d == null) {
                continue;
            }
            switch (credential) {
                case "password" -> s.cloudtrail.add(Aws.iamOn(last.plus(d), "alice", "UpdateLoginProfile", Aws.BG,
                        map("passwordResetRequired", false)));
                case "mfa" -> s.cloudtrail.add(Aws.iamOn(last.plus(d), "alice", "EnableMFADevice", Aws.BG,
                        map("serialNumber", NEW_MFA)));
                default -> s.ev(last.plus(d), "rotation", BOB, "CHG-2043", "", credential, "Resealed after a release");
            }
        }
        return s;
    }

    private static void periods(List<Scenario> all) {
        all.add(longPeriod(awsScenario("edge-use-across-quarter-end",
                "30 Sep 22:30 to 1 Oct 03:10 (4 h 40 min, max-session PT4H), engineering leadership never told, "
                        + "mfa never rotated: Q3 shows it ongoing with nothing decided; the Q4-to-date run reports the "
                        + "time limit and, at settlement, the rest",
                twoRuns("--from 2026-10-01 --to 2026-11-01", 1,
                        "fires", "BG-TTL-EXCEEDED,BG-NOTIFY-MISSING,BG-ROTATION-INCOMPLETE"),
                u -> {
                    u.start = t("2026-09-30T22:30:00Z");
                    u.acts = List.of(m(30), m(70), m(110), m(150), m(200), m(250), m(280));
                    u.notify = List.of(page("security-leadership", m(2)));
                    u.rotations = RuleScenarios.ROT_NO_MFA;
                }),
                "--quarter 2026-Q3", "2026-09-10T14:00:00Z"));
        Scenario s = longPeriod(awsScenario("edge-notified-after-period-end",
                "a use at 23:55 on 31 Dec 2025, both groups paged at 00:02 (after --to, within notify-within): "
                        + "Q4 shows it ongoing with the notifications owed, not missing; Q1 counts them",
                twoRuns("--quarter 2026-Q1", 0, "compliant", "true"),
                u -> {
                    u.start = t("2025-12-31T23:55:00Z");
                    u.acts = List.of(m(2), m(4));
                    u.notify = List.of(page("security-leadership", m(7)), page("engineering-leadership", m(7)));
                }),
                "--quarter 2025-Q4", "2025-12-10T14:00:00Z");
        s.ev("2026-03-10T14:00:00Z", "drill", ALICE, "", "", "", "Quarterly drill: seal intact, runbook walked through");
        s.evidence.removeIf(r -> "review".equals(r[1]));
        s.ev("2025-06-02T10:00:00Z", "review", CISO, "", "", "", "Annual review of need: retained");
        all.add(s);
        List<Use.Rotation> late = new ArrayList<>(RuleScenarios.ROT_NO_MFA);
        late.add(rotation("mfa", h(24).plus(Duration.ofDays(54)), "evidence"));
        all.add(longPeriod(awsScenario("edge-rotation-after-settlement",
                "mfa rotated 54 days after its deadline, long after the episode settled: incomplete, not late",
                fires("BG-ROTATION-INCOMPLETE", 1, 1, "near-miss", "BG-ROTATION-LATE"), u -> u.rotations = late),
                "--from 2026-08-14 --to 2026-10-16", "2026-08-01T14:00:00Z"));
    }

    /** A run over months: silence of the background sources is not under test, and a recent drill is on file. */
    private static Scenario longPeriod(Scenario s, String args, String drill) {
        s.args = args;
        s.logGap("P100D");
        s.evidence.removeIf(r -> "drill".equals(r[1]));
        s.ev(drill, "drill", ALICE, "", "", "", "Quarterly drill: seal intact, runbook walked through");
        return s;
    }

    /** One use still going at the end of a clean first period, settled and carried over into the next run. */
    private static Map<String, Object> twoRuns(String nextArgs, int nextExit, String verdict, String rules) {
        return map("exit", 0, "compliant", "true", "episodes", 1, "states", "ongoing", "next-args", nextArgs,
                "next-exit", nextExit, "next-episodes", 1, "next-carried-over", 1, "next-states", "settled",
                "next-" + verdict, rules);
    }
}
