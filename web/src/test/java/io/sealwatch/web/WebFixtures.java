package io.sealwatch.web;

import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.config.Policy;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.config.SourceSpec;
import io.sealwatch.model.Approval;
import io.sealwatch.model.Authentication;
import io.sealwatch.model.Classification;
import io.sealwatch.model.CredentialRotation;
import io.sealwatch.model.Custody;
import io.sealwatch.model.Episode;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.EvidenceRef;
import io.sealwatch.model.Finding;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.Notification;
import io.sealwatch.model.Period;
import io.sealwatch.model.Severity;
import io.sealwatch.result.RunInfo;
import io.sealwatch.result.RunResult;
import io.sealwatch.rules.Evaluation;
import io.sealwatch.rules.Facts;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A judgement as the watch service would hold it at {@link #NOW}: one ongoing use of {@code aws-root-breakglass}
 * (approved, one of two shares released, hardware MFA, one leadership group told, every credential still to rotate)
 * and one settled use a month earlier; every log-derived string (actor, client address, approver, custodian,
 * finding message, source error) can be a planted payload. Modelled on the reports module's fixtures.
 */
final class WebFixtures {

    static final Instant NOW = Instant.parse("2026-08-14T10:00:00Z");
    static final Instant START = NOW.minus(Duration.ofMinutes(40));
    static final Instant END = NOW.minus(Duration.ofMinutes(10));
    static final String ACCOUNT = "aws-root-breakglass";
    static final String EPISODE = Episode.idOf(ACCOUNT, START);
    static final String APPROVER = "secops-manager@example.com";
    /** Markup that would change the page's title if it ever ran. */
    static final String SCRIPT = "<script>document.title='pwned'</script>";
    static final String IMG = "<img src=x onerror=\"document.title='pwned'\">";

    private WebFixtures() {
    }

    static SealwatchConfig config() {
        AccountSpec account = new AccountSpec(ACCOUNT, "AWS root", List.of(new IdentityMatch("aws-cloudtrail",
                "arn:aws:iam::111122223333:user/breakglass-admin")), List.of(), List.of("access-key", "mfa", "password"),
                List.of("alice@example.com", "bob@example.com"), 2, Duration.ofHours(4), List.of());
        return new SealwatchConfig(Path.of("/tmp/sealwatch.yaml"), "c0ffee" + "0".repeat(58), "Example Corp", "UTC",
                List.of(new SourceSpec("aws-cloudtrail", "logs/ct/*.json", 5)), List.of(account), List.of(APPROVER),
                Policy.defaults(), null, List.of());
    }

    /** The judgement with ordinary strings. */
    static RunResult result() {
        return result("arn:aws:iam::111122223333:user/breakglass-admin", "198.51.100.7");
    }

    /** The judgement with {@code actor} and {@code sourceIp} as the logs give them, also in the finding's message. */
    static RunResult result(String actor, String sourceIp) {
        SealwatchConfig config = config();
        Facts.Builder f = new Facts.Builder();
        EvidenceRef first = new EvidenceRef("aws-cloudtrail", "logs/ct/a.json", 3, "ev-1");
        EvidenceRef last = new EvidenceRef("aws-cloudtrail", "logs/ct/a.json", 9, "ev-2");
        EvidenceRef process = new EvidenceRef("evidence", "logs/ev/process.csv", 4, null);
        f.episodes.add(new Episode(EPISODE, ACCOUNT, Classification.EMERGENCY, START, END,
                END.getEpochSecond() - START.getEpochSecond(), List.of("aws-cloudtrail"), List.of(actor), 7,
                List.of(APPROVER), List.of("alice@example.com"), "INC-4711", Map.of("security-leadership", 240L),
                Map.of(), first, last, START, null));
        f.approvals.add(new Approval(EPISODE, ACCOUNT, START.minusSeconds(300), APPROVER, "INC-4711", false, process));
        f.custody.add(new Custody(EPISODE, ACCOUNT, START.minusSeconds(600), "alice@example.com", "share-1", process));
        f.authentications.add(new Authentication(EPISODE, ACCOUNT, START, actor, true, "webauthn", false, first));
        f.notifications.add(new Notification(EPISODE, ACCOUNT, START.plusSeconds(240), "security-leadership", 240, process));
        for (String credential : List.of("access-key", "mfa", "password")) {
            f.rotations.add(new CredentialRotation(EPISODE, ACCOUNT, credential, END.plus(Duration.ofHours(24)), null, null));
        }
        Instant oldStart = NOW.minus(Duration.ofDays(30));
        String settled = Episode.idOf(ACCOUNT, oldStart);
        f.episodes.add(new Episode(settled, ACCOUNT, Classification.DRILL, oldStart, oldStart.plusSeconds(900), 900,
                List.of("aws-cloudtrail"), List.of(actor), 2, List.of(APPROVER), List.of("alice@example.com", "bob@example.com"),
                null, Map.of(), Map.of(), first, last, null, null));
        List<NormalizedEvent> events = List.of(new NormalizedEvent(START, "aws-cloudtrail", first.file(), first.record(),
                first.eventId(), EventClass.AUTHENTICATION, "ConsoleLogin", "success", actor, null, "console", ACCOUNT,
                "webauthn", false, sourceIp, null, null, null, null, null, null, null));
        Finding finding = new Finding("BG-QUORUM-NOT-MET", Severity.CRITICAL, ACCOUNT, null, EPISODE,
                START.plus(Duration.ofMinutes(15)), "1 of 2 custodians for " + actor, List.of("NIST 800-53 AC-3(2)"),
                List.of(first), null);
        Period period = new Period(Instant.parse("2026-07-01T00:00:00Z"), NOW);
        RunInfo info = new RunInfo("Example Corp", "UTC", period, "0.1.0-test", config.sha256(), "be".repeat(32), true,
                List.of(), false);
        return new RunResult(info, config, f.build(config, period), new Evaluation(List.of(finding), List.of(), List.of()),
                List.of(), events, List.of(), 0, List.of(), List.of(), List.of(), Map.of());
    }

    /** A healthy snapshot of {@code result} with one source, one alert and its delivery, {@code text} planted in each. */
    static StatusSnapshot snapshot(RunResult result, String text) {
        SourceRow source = new SourceRow("aws-cloudtrail", "logs/ct/" + text + ".json", 12, 3400, NOW.minusSeconds(30),
                NOW.minusSeconds(90), Duration.ofSeconds(90), false, "cannot read " + text);
        AlertRow alert = new AlertRow("a1b2c3", "episode-started", "high", ACCOUNT, EPISODE, null, START,
                START.plusSeconds(20), "break-glass use by " + text, "http://127.0.0.1:8787/#" + EPISODE);
        OutboxRow delivery = new OutboxRow("a1b2c3", "episode-started", "high", "webhook", "pending", 2,
                NOW.minusSeconds(60), "HTTP 502 from " + text, NOW.plusSeconds(120));
        return new StatusSnapshot(result, NOW, NOW.minusSeconds(5), List.of(source), List.of(alert), List.of(delivery),
                true, null);
    }
}
