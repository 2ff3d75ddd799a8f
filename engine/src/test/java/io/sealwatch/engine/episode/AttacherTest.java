package io.sealwatch.engine.episode;

import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.config.Policy;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.engine.episode.Sessionizer.Span;
import io.sealwatch.model.Approval;
import io.sealwatch.model.Classification;
import io.sealwatch.model.CredentialRotation;
import io.sealwatch.model.Episode;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.Period;
import io.sealwatch.model.RotationStatus;
import io.sealwatch.rules.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attachment by the policy windows, on the driver, without Spark. */
class AttacherTest {
    static final String BG = "arn:aws:iam::111122223333:user/breakglass-admin";
    static final Instant T0 = Instant.parse("2026-08-14T03:12:09Z");
    static final Period Q3 = new Period(Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"));

    static SealwatchConfig config() {
        AccountSpec aws = new AccountSpec("aws-bg", null, List.of(new IdentityMatch("aws-cloudtrail", BG)), List.of(),
                List.of("password", "mfa"), List.of("alice@example.com", "bob@example.com"), 2, Duration.ofHours(4),
                List.of());
        AccountSpec okta = new AccountSpec("okta-bg", null,
                List.of(new IdentityMatch("okta-system-log", "breakglass@example.com")), List.of(), List.of("password"),
                List.of("alice@example.com"), 1, Duration.ofHours(1), List.of());
        return new SealwatchConfig(Path.of("sealwatch.yaml"), "0", "Example Corp", "UTC", List.of(),
                List.of(aws, okta), List.of("ciso@example.com"), Policy.defaults(), null, List.of());
    }

    private long record = 0;

    NormalizedEvent event(String account, String source, String actor, EventClass kind, Instant t, String credential,
                          String recipient, String incident) {
        return new NormalizedEvent(t, source, "f", ++record, "id" + record, kind, kind.wire(), "success", actor,
                actor.contains("@") ? actor.toLowerCase(java.util.Locale.ROOT) : null, null, account, kind == EventClass.AUTHENTICATION ? "u2f" : null,
                false, null, incident, credential, recipient, null, null, null, null);
    }

    NormalizedEvent login(Instant t) {
        return event("aws-bg", "aws-cloudtrail", BG, EventClass.AUTHENTICATION, t, null, null, null);
    }

    NormalizedEvent evidence(EventClass kind, Instant t, String actor, String credential, String recipient) {
        return event("aws-bg", "evidence", actor, kind, t, credential, recipient, "INC-1");
    }

    Facts attach(List<Span> spans, List<NormalizedEvent> events) {
        return new Attacher(config(), Q3).attach(spans, events, List.of()).facts();
    }

    @Test
    void approvalFiveMinutesAfterTheStartIsLateNotMissing() {
        List<NormalizedEvent> events = List.of(login(T0), evidence(EventClass.APPROVAL, T0.plusSeconds(300),
                "CISO@example.com", null, null));
        Facts f = attach(List.of(new Span("aws-bg", T0, T0, 1)), events);
        Approval a = f.approvals().get(0);
        assertTrue(a.late());
        assertEquals("ciso@example.com", a.approver());
        Episode e = f.episodes().get(0);
        assertEquals("aws-bg/2026-08-14T03:12:09Z", e.id());
        assertEquals(Classification.EMERGENCY, e.classification());
        assertEquals(List.of("ciso@example.com"), e.approvals());
    }

    @Test
    void approvalBeyondTheGraceOrWindowIsNotAttached() {
        List<NormalizedEvent> events = List.of(login(T0),
                evidence(EventClass.APPROVAL, T0.plus(Duration.ofMinutes(16)), "ciso@example.com", null, null),
                evidence(EventClass.APPROVAL, T0.minus(Duration.ofHours(5)), "ciso@example.com", null, null));
        Facts f = attach(List.of(new Span("aws-bg", T0, T0, 1)), events);
        assertTrue(f.approvals().isEmpty());
    }

    @Test
    void rotationCountsOnlyAfterTheLastActivityAndBeforeTheNextEpisode() {
        Instant end = T0.plus(Duration.ofMinutes(40));
        Instant next = T0.plus(Duration.ofHours(6));
        List<NormalizedEvent> events = new ArrayList<>(List.of(login(T0), login(end), login(next)));
        // the break-glass identity rotates its own password at the very end of the episode
        events.add(event("aws-bg", "aws-cloudtrail", BG, EventClass.ROTATION, end.plusSeconds(2), "password", null, null));
        // the MFA is rotated only after the next episode began: it does not count for the first
        events.add(evidence(EventClass.ROTATION, next.plusSeconds(60), "bob@example.com", "mfa", null));
        Facts f = attach(List.of(new Span("aws-bg", T0, end, 2), new Span("aws-bg", next, next, 1)), events);
        List<CredentialRotation> first = f.rotations().stream().filter(r -> r.episode().endsWith("03:12:09Z")).toList();
        assertEquals(end.plusSeconds(2), first.stream().filter(r -> r.credential().equals("password")).findFirst()
                .orElseThrow().rotatedAt());
        assertNull(first.stream().filter(r -> r.credential().equals("mfa")).findFirst().orElseThrow().rotatedAt());
        assertEquals(end.plus(Duration.ofHours(24)), first.get(0).deadline());
        assertEquals(RotationStatus.PENDING, first.get(1).status(end.plusSeconds(3600)));
        assertEquals(RotationStatus.MISSING, first.get(1).status(end.plus(Duration.ofHours(25))));
    }

    @Test
    void notificationsAFewSecondsEarlyBySkewStillCountWithZeroLatency() {
        List<NormalizedEvent> events = List.of(login(T0),
                evidence(EventClass.NOTIFICATION, T0.minusSeconds(4), "pagerduty", null, "security-leadership"),
                evidence(EventClass.NOTIFICATION, T0.plus(Duration.ofMinutes(20)), "pagerduty", null,
                        "engineering-leadership"));
        Facts f = attach(List.of(new Span("aws-bg", T0, T0, 1)), events);
        Episode e = f.episodes().get(0);
        assertEquals(0L, e.notifications().get("security-leadership"));
        assertEquals(1200L, e.notifications().get("engineering-leadership"));
    }

    @Test
    void twoAccountsActiveAtOnceKeepTheirOwnEvidence() {
        List<NormalizedEvent> events = List.of(login(T0),
                event("okta-bg", "okta-system-log", "breakglass@example.com", EventClass.AUTHENTICATION,
                        T0.plusSeconds(30), null, null, null),
                evidence(EventClass.CUSTODY, T0.minusSeconds(600), "alice@example.com", "share-1", null));
        Facts f = attach(List.of(new Span("aws-bg", T0, T0, 1), new Span("okta-bg", T0.plusSeconds(30),
                T0.plusSeconds(30), 1)), events);
        assertEquals(2, f.episodes().size());
        assertEquals(1, f.custody().size());
        assertEquals("aws-bg", f.custody().get(0).account());
        Episode okta = f.episodes().stream().filter(e -> e.account().equals("okta-bg")).findFirst().orElseThrow();
        assertTrue(okta.custodians().isEmpty());
        assertEquals(Classification.UNEXPLAINED, okta.classification());
    }

    @Test
    void episodesStartingOutsideThePeriodAreNotJudgedButFailedLoginsInsideAre() {
        Instant before = Q3.from().minusSeconds(600);
        NormalizedEvent failed = new NormalizedEvent(Q3.from().plusSeconds(10), "aws-cloudtrail", "f", 99, "x",
                EventClass.AUTHENTICATION, "ConsoleLogin", "failure", BG, null, null, "aws-bg", "none", false, null,
                null, null, null, null, null, null, null);
        Facts f = attach(List.of(new Span("aws-bg", before, Q3.from().plusSeconds(600), 3)), List.of(failed));
        assertTrue(f.episodes().isEmpty());
        assertEquals(1, f.authentications().size());
        assertFalse(f.authentications().get(0).success());
        assertNull(f.authentications().get(0).episode());
    }

    @Test
    void aSignInLoggedInStepsTakesTheFactorOfItsOtherStep() {
        NormalizedEvent password = new NormalizedEvent(T0, "okta-system-log", "o", 1, "s1", EventClass.AUTHENTICATION,
                "user.session.start", "success", "breakglass@example.com", "breakglass@example.com", null, "okta-bg",
                null, false, null, null, null, null, null, null, null, null);
        NormalizedEvent factor = new NormalizedEvent(T0.plusSeconds(20), "okta-system-log", "o", 2, "s2",
                EventClass.AUTHENTICATION, "user.authentication.auth_via_mfa", "success", "breakglass@example.com",
                "breakglass@example.com", null, "okta-bg", "webauthn", false, null, null, null, null, null, null, null,
                null);
        NormalizedEvent later = new NormalizedEvent(T0.plusSeconds(1200), "okta-system-log", "o", 3, "s3",
                EventClass.AUTHENTICATION, "user.session.start", "success", "breakglass@example.com",
                "breakglass@example.com", null, "okta-bg", null, false, null, null, null, null, null, null, null, null);
        Facts f = attach(List.of(new Span("okta-bg", T0, T0.plusSeconds(1200), 3)), List.of(password, factor, later));
        assertEquals(List.of("webauthn", "webauthn", "unknown"),
                f.authentications().stream().map(a -> a.mfa()).toList());
    }

    @Test
    void aDrillRecordMakesTheEpisodeADrill() {
        List<NormalizedEvent> events = List.of(login(T0),
                evidence(EventClass.DRILL, T0.minus(Duration.ofMinutes(30)), "alice@example.com", null, null));
        Facts f = attach(List.of(new Span("aws-bg", T0, T0, 1)), events);
        assertEquals(Classification.DRILL, f.episodes().get(0).classification());
        assertEquals(1, f.programEvents().size());
    }
}
