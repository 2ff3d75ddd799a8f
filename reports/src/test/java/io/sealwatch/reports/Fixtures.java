package io.sealwatch.reports;

import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.config.Policy;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.config.SourceSpec;
import io.sealwatch.model.Waiver;
import io.sealwatch.model.Approval;
import io.sealwatch.model.Authentication;
import io.sealwatch.model.Classification;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.CredentialRotation;
import io.sealwatch.model.Custody;
import io.sealwatch.model.Episode;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.EvidenceRef;
import io.sealwatch.model.Finding;
import io.sealwatch.model.IngestedEvent;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.Notification;
import io.sealwatch.model.Period;
import io.sealwatch.model.PersistentAccess;
import io.sealwatch.model.ProgramEvent;
import io.sealwatch.model.QuarantineEntry;
import io.sealwatch.model.Severity;
import io.sealwatch.reports.bundle.Bundle;
import io.sealwatch.reports.catalog.Renderers;
import io.sealwatch.result.Renderer;
import io.sealwatch.result.RunInfo;
import io.sealwatch.result.RunResult;
import io.sealwatch.review.AnnualReview;
import io.sealwatch.result.SourceCoverage;
import io.sealwatch.rules.Evaluation;
import io.sealwatch.rules.Facts;
import io.sealwatch.rules.RuleMeta;
import io.sealwatch.reports.signing.KeyTool;
import io.sealwatch.reports.signing.Signer;
import io.sealwatch.reports.signing.SigningException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RunResult fixtures for every reports test: empty, one finding, many, hostile strings. */
public final class Fixtures {

    public static final Instant FROM = Instant.parse("2026-07-01T00:00:00Z");
    public static final Instant TO = Instant.parse("2026-10-01T00:00:00Z");
    public static final List<String> ACCOUNTS = List.of("aws-root-breakglass", "okta-breakglass");
    public static final String[] PAYLOADS = {"=HYPERLINK(\"http://x\")", "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3",
            "<script>alert(1)</script> & <b>bold</b>"};

    /**
     * Who and what the fixture names: the organisation, four custodians (two per account), the approver,
     * and the strings that stand for log data (null: ordinary ARNs, incidents and messages).
     */
    public record Names(String organization, List<String> custodians, String approver, String[] log) {
        static final Names PLAIN = new Names("Example Corp",
                List.of("alice@example.com", "bob@example.com", "carol@example.com", "dave@example.com"),
                "ciso@example.com", null);
    }

    /** Names from anywhere: Cyrillic, Greek, Polish and accented Latin, and right-to-left and CJK in log strings. */
    public static final Names INTERNATIONAL = new Names("ООО «Ромашка» · Ελληνική Εταιρεία · Zakład Łódź · Société Générale",
            List.of("Дмитрий Иванов", "Łucja Wąsowska", "Γιώργος Παπαδόπουλος", "José Núñez-Ångström"),
            "Zoë Müller-Ødegård",
            new String[]{"Алёна Щербакова", "Ελένη Κωνσταντίνου", "Świętosław Żółkiewski", "Crème Brûlée Çağrı",
                    "שרה כהן", "王芳"});

    private Fixtures() {
    }

    /** The key store password of the signing tests. */
    private static final char[] KEY_PASSWORD = "pw-for-tests".toCharArray();

    /** A new self-signed key in {@code keys}, loaded: how every signing test here starts. */
    public static Signer signer(Path keys) throws IOException, SigningException {
        return Signer.load(KeyTool.init(keys, KEY_PASSWORD), KEY_PASSWORD, KeyTool.ALIAS);
    }

    /** The bundle of {@link #oneFinding()} written into {@code out}, signed by {@code signer} (null: unsigned). */
    public static Path bundle(Path out, Signer signer) throws IOException, SigningException {
        Bundle.write(oneFinding(), out, signer, Renderers.run());
        return out;
    }

    /** Renders {@code r} with a one-file renderer into {@code dir}: that file. */
    public static Path render(Renderer renderer, RunResult r, Path dir) throws IOException {
        renderer.render(r, dir);
        return dir.resolve(renderer.files(r).get(0));
    }

    public static RunResult empty() {
        return run(0, 0, Names.PLAIN);
    }

    public static RunResult oneFinding() {
        return run(1, 1, Names.PLAIN);
    }

    public static RunResult many() {
        return run(12, 3, Names.PLAIN);
    }

    /** Every log-derived string is a spreadsheet formula or markup payload. */
    public static RunResult hostile() {
        return run(5, 2, new Names("Example Corp", Names.PLAIN.custodians(), Names.PLAIN.approver(), PAYLOADS));
    }

    /** People and log strings in {@link #INTERNATIONAL} scripts; each log string appears at least once. */
    public static RunResult international() {
        return run(INTERNATIONAL.log().length, 2, INTERNATIONAL);
    }

    public static RunResult large(int episodes) {
        return run(episodes, 1, Names.PLAIN);
    }

    public static SealwatchConfig config() {
        return config(Names.PLAIN);
    }

    static SealwatchConfig config(Names n) {
        List<AccountSpec> accounts = List.of(
                new AccountSpec("aws-root-breakglass", "AWS root", List.of(new IdentityMatch("aws-cloudtrail",
                        "arn:aws:iam::111122223333:user/breakglass-admin")), List.of(),
                        List.of("password", "mfa", "access-key"), n.custodians().subList(0, 2), 2,
                        Duration.ofHours(4), List.of()),
                new AccountSpec("okta-breakglass", "Okta super admin", List.of(new IdentityMatch("okta-system-log",
                        "bg@example.com")), List.of(), List.of("password", "mfa"),
                        n.custodians().subList(2, 4), 2, Duration.ofHours(2), List.of()));
        return new SealwatchConfig(Path.of("/tmp/sealwatch.yaml"), "c0ffee" + "0".repeat(58), n.organization(), "UTC",
                List.of(new SourceSpec("aws-cloudtrail", "logs/ct/*.json", 5), new SourceSpec("evidence", "logs/ev/*.csv", 6)),
                accounts, List.of(n.approver()), Policy.defaults(), null, List.of());
    }

    static RunResult run(int episodeCount, int findingsPerEpisode, Names n) {
        SealwatchConfig config = config(n);
        boolean hostile = n.log() != null;
        String[] payloads = n.log();
        Period period = new Period(FROM, TO);
        Facts.Builder facts = new Facts.Builder();
        List<Finding> findings = new ArrayList<>();
        List<NormalizedEvent> events = new ArrayList<>();
        Waiver waiver = new Waiver("BG-NO-INCIDENT", "okta-breakglass", null, Instant.parse("2027-01-01T00:00:00Z"),
                "drills carry no incident", n.approver());
        for (int i = 0; i < episodeCount; i++) {
            String account = ACCOUNTS.get(i % ACCOUNTS.size());
            List<String> custodians = n.custodians().subList(2 * (i % ACCOUNTS.size()), 2 * (i % ACCOUNTS.size()) + 2);
            Instant start = FROM.plus(Duration.ofHours(7L * i * 24 / Math.max(1, episodeCount / 12) + 3)).plusSeconds(i * 61L);
            Instant end = start.plus(Duration.ofMinutes(42 + i % 200));
            String id = Episode.idOf(account, start);
            String actor = hostile ? payloads[i % payloads.length] : "arn:aws:iam::111122223333:user/breakglass-admin";
            EvidenceRef first = new EvidenceRef("aws-cloudtrail", "logs/ct/2026/07/f" + i + ".json.gz", 3, "ev-" + i + "-a");
            EvidenceRef last = new EvidenceRef("aws-cloudtrail", "logs/ct/2026/07/f" + i + ".json.gz", 9, "ev-" + i + "-b");
            EvidenceRef ev = new EvidenceRef("evidence", "logs/ev/process.csv", 10 + i, null);
            Map<String, Long> notified = new LinkedHashMap<>();
            notified.put("security-leadership", 300L + 120L * (i % 10));
            if (i % 4 != 3) {
                notified.put("engineering-leadership", 600L + 60L * (i % 13));
            }
            Map<String, Instant> rotated = new LinkedHashMap<>();
            rotated.put("password", end.plus(Duration.ofHours(2 + i % 30)));
            rotated.put("mfa", i % 5 == 4 ? null : end.plus(Duration.ofHours(5)));
            Classification cls = Classification.values()[i % 3];
            String incident = cls == Classification.EMERGENCY ? (hostile ? payloads[(i + 1) % payloads.length] : "INC-42" + i) : null;
            facts.episodes.add(new Episode(id, account, cls, start, end, end.getEpochSecond() - start.getEpochSecond(),
                    List.of("aws-cloudtrail"), List.of(actor), 5 + i, List.of(n.approver()),
                    custodians, incident, notified, rotated, first, last, incident == null ? null : start, null));
            facts.approvals.add(new Approval(id, account, start.minusSeconds(600), hostile ? payloads[i % payloads.length]
                    : n.approver(), incident, false, ev));
            facts.custody.add(new Custody(id, account, start.minusSeconds(900), custodians.get(0), "share-1", ev));
            facts.custody.add(new Custody(id, account, start.minusSeconds(800), custodians.get(1), "share-2", ev));
            facts.authentications.add(new Authentication(id, account, start, actor, true, "webauthn", false, first));
            notified.forEach((g, s) -> facts.notifications.add(new Notification(id, account, start.plusSeconds(s), g, s, ev)));
            rotated.forEach((c, t) -> facts.rotations.add(new CredentialRotation(id, account, c, end.plus(Duration.ofHours(24)),
                    t, t == null ? null : ev)));
            if (i % 6 == 5) {
                facts.persistentAccess.add(new PersistentAccess(id, account, "access-key", "AKIA" + i, start.plusSeconds(60),
                        null, end.plus(Duration.ofHours(24)), first));
            }
            events.add(new NormalizedEvent(start, "aws-cloudtrail", first.file(), first.record(), first.eventId(),
                    EventClass.AUTHENTICATION, "ConsoleLogin", "success", actor, null, hostile ? payloads[2] : "console",
                    account, "webauthn", false, "198.51.100.7", incident, null, null, null, null, null,
                    hostile ? payloads[3] : "login"));
            events.add(new NormalizedEvent(end, "aws-cloudtrail", last.file(), last.record(), last.eventId(),
                    EventClass.API_ACTIVITY, "PutBucketPolicy", "success", actor, null, "bucket", account, null, null,
                    "198.51.100.7", incident, null, null, null, null, null, hostile ? payloads[0] : null));
            for (int k = 0; k < findingsPerEpisode; k++) {
                String rule = List.of("BG-NOTIFY-LATE", "BG-NO-INCIDENT", "BG-ROTATION-INCOMPLETE").get(k % 3);
                Severity sev = List.of(Severity.HIGH, Severity.MEDIUM, Severity.CRITICAL).get(k % 3);
                String message = hostile ? payloads[(i + k) % payloads.length] : rule + " on " + id;
                Finding f = new Finding(rule, sev, account, null, id, start.plusSeconds(k), message,
                        List.of("NIST 800-53 AC-2(2)", "SOC 2 CC7.2"), List.of(first, ev), null);
                if (waiver.appliesTo(rule, account, null, TO)) {
                    f = f.withWaiver(waiver);
                }
                findings.add(f);
            }
        }
        facts.programEvents.add(new ProgramEvent("drill", "aws-root-breakglass", Instant.parse("2026-08-01T10:00:00Z"),
                n.custodians().get(0), new EvidenceRef("evidence", "logs/ev/process.csv", 2, null)));
        facts.programEvents.add(new ProgramEvent("review", "okta-breakglass", Instant.parse("2025-06-01T10:00:00Z"),
                n.approver(), new EvidenceRef("evidence", "logs/ev/process.csv", 3, null)));
        CoverageGap gap = new CoverageGap("aws-cloudtrail", Instant.parse("2026-08-10T00:00:00Z"),
                Instant.parse("2026-08-12T06:00:00Z"), 194_400);
        facts.gaps.add(gap);
        if (episodeCount > 0) {
            findings.add(new Finding("BG-LOG-GAP", Severity.HIGH, null, gap.source(), null, gap.from(),
                    "aws-cloudtrail silent for 54h", List.of("NIST 800-53 AU-6"), List.of(), null));
        }
        Facts built = facts.build(config, period);
        findings.sort(Finding.ORDER);
        Evaluation evaluation = new Evaluation(findings, List.of(), List.of(new Waiver("BG-TTL-EXCEEDED",
                "aws-root-breakglass", null, Instant.parse("2026-06-01T00:00:00Z"), "old migration", n.approver())));
        List<RuleMeta> rules = List.of(
                new RuleMeta("BG-NOTIFY-LATE", Severity.HIGH, "Notification late", "0.1", "r", "m",
                        List.of("NIST 800-53 AC-2(2)", "SOC 2 CC7.2"), "e", "notify.drl"),
                new RuleMeta("BG-APPROVAL-MISSING", Severity.CRITICAL, "Approval missing", "0.1", "r", "m",
                        List.of("NIST 800-53 AC-3(10)", "ISO 27001:2022 A.5.18"), "e", "approval.drl"));
        List<InputFileStats> inputs = List.of(
                new InputFileStats("aws-cloudtrail", "logs/ct/2026/07/f0.json.gz", "ab".repeat(32), 12_345, 100, 20, 78, 2, 0, null),
                new InputFileStats("evidence", hostile ? "logs/ev/=cmd.csv" : "logs/ev/process.csv", "cd".repeat(32), 2_048,
                        40, 38, 0, 1, 1, null));
        List<SourceCoverage> coverage = List.of(
                new SourceCoverage("aws-cloudtrail", 100, FROM.plusSeconds(60), TO.minusSeconds(60), List.of(gap)),
                new SourceCoverage("evidence", 40, FROM.plusSeconds(3600), TO.minusSeconds(3600), List.of()));
        RunInfo info = new RunInfo(n.organization(), "UTC", period, "0.1.0-test", config.sha256(), "be" + "e".repeat(62),
                true, List.of(), true);
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("RENDER", 5L);
        timings.put("INGEST", 1200L);
        List<IngestedEvent> ingested = events.stream().map(e -> new IngestedEvent(e, "ef".repeat(32))).toList();
        List<QuarantineEntry> quarantine = episodeCount == 0 ? List.of() : List.of(
                new QuarantineEntry("evidence", inputs.get(1).path(), 7, "missing column 'time'",
                        hostile ? payloads[4 % payloads.length] : "drill,alice"),
                new QuarantineEntry("aws-cloudtrail", inputs.get(0).path(), 12, "not JSON: unexpected end", "{\"eventTime"),
                new QuarantineEntry("aws-cloudtrail", inputs.get(0).path(), 3, "not JSON: unexpected end",
                        hostile ? payloads[1] : "{\"eventName"));
        RunResult r = new RunResult(info, config, built, evaluation, rules, events, inputs, 1, coverage, ingested,
                quarantine, timings);
        return r.withReview(AnnualReview.of(r));  // as `sealwatch review` hands it over, so any renderer takes any fixture
    }
}
