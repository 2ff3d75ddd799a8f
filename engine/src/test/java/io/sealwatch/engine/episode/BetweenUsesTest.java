package io.sealwatch.engine.episode;

import io.sealwatch.engine.episode.Sessionizer.Span;
import io.sealwatch.model.AccountChange;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.Period;
import io.sealwatch.model.SealRelease;
import io.sealwatch.rules.Facts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changes between uses and releases without a use, on the driver, without Spark. */
class BetweenUsesTest {
    private static final String ADMIN = "arn:aws:iam::111122223333:user/alice";
    private static final Instant T0 = AttacherTest.T0;
    private final AttacherTest events = new AttacherTest();

    private NormalizedEvent byAdmin(EventClass kind, Instant t, String credential) {
        return events.event("aws-bg", "aws-cloudtrail", ADMIN, kind, t, credential, null, null);
    }

    private Facts attach(Period period, List<Span> spans, List<NormalizedEvent> all) {
        return new Attacher(AttacherTest.config(), period).attach(spans, all, List.of()).facts();
    }

    @Test
    void changesInsideAUseAreNotChangesBetweenUses() {
        Instant end = T0.plus(Duration.ofMinutes(40));
        List<NormalizedEvent> all = List.of(events.login(T0), events.login(end),
                byAdmin(EventClass.ACCOUNT_CHANGE, T0.plus(Duration.ofMinutes(10)), null));
        assertTrue(attach(AttacherTest.Q3, List.of(new Span("aws-bg", T0, end, 2)), all).changes().isEmpty());
    }

    @Test
    void aCredentialChangeAfterAUseCountsAsItsRotationUntilItSettles() {
        Instant end = T0.plus(Duration.ofMinutes(40));
        Instant settles = end.plus(Duration.ofHours(24)).plus(Duration.ofDays(7));   // rotate-within + settle-after (defaults)
        List<NormalizedEvent> all = new ArrayList<>(List.of(events.login(T0), events.login(end)));
        all.add(byAdmin(EventClass.ROTATION, end.plusSeconds(60), "password"));
        all.add(byAdmin(EventClass.ACCOUNT_CHANGE, end.plusSeconds(120), null));   // a policy attached: no credential
        all.add(byAdmin(EventClass.ROTATION, settles, "mfa"));
        all.add(byAdmin(EventClass.ROTATION, settles.plusSeconds(1), "mfa"));
        List<AccountChange> changes = attach(AttacherTest.Q3, List.of(new Span("aws-bg", T0, end, 2)), all).changes();
        assertEquals(4, changes.size());
        assertEquals("aws-bg/2026-08-14T03:12:09Z", changes.get(0).countsFor());
        assertNull(changes.get(1).countsFor());
        assertEquals("aws-bg/2026-08-14T03:12:09Z", changes.get(2).countsFor());
        assertNull(changes.get(3).countsFor(), "after the settlement a credential change is a change");
        assertEquals(ADMIN, changes.get(3).actor());
    }

    @Test
    void aChangeSoonAfterAUseAtThePeriodEndWaitsForTheNextPeriod() {
        Instant end = AttacherTest.Q3.to().minus(Duration.ofMinutes(30));
        List<NormalizedEvent> all = List.of(events.login(end),
                byAdmin(EventClass.ACCOUNT_CHANGE, end.plus(Duration.ofMinutes(10)), null));
        // activity at or after the period end, within episode-gap, could still put the change inside the use
        assertTrue(attach(AttacherTest.Q3, List.of(new Span("aws-bg", end, end, 1)), all).changes().isEmpty());
        // none came: the next period decides it, one episode-gap after the use, so neither period loses it
        Period q4 = new Period(AttacherTest.Q3.to(), AttacherTest.Q3.to().plus(Duration.ofDays(92)));
        List<AccountChange> next = attach(q4, List.of(new Span("aws-bg", end, end, 1)), all).changes();
        assertEquals(1, next.size());
        assertEquals(end.plus(Duration.ofMinutes(10)), next.get(0).time());
        assertEquals(end.plus(Duration.ofHours(1)), next.get(0).decidedAt());
    }

    @Test
    void evidenceRecordsAreNeverChangesButChangeRecordsAreApprovals() {
        Instant t = T0.plus(Duration.ofDays(3));
        List<NormalizedEvent> all = List.of(events.evidence(EventClass.ROTATION, t, "bob@example.com", "password", null),
                events.evidence(EventClass.APPROVED_CHANGE, t, "CISO@example.com", null, null));
        Facts f = attach(AttacherTest.Q3, List.of(), all);
        assertTrue(f.changes().isEmpty());
        assertEquals("ciso@example.com", f.changeApprovals().get(0).approver());
        assertEquals("INC-1", f.changeApprovals().get(0).incident());
    }

    @Test
    void releasesTogetherAreOneSealAndEveryCredentialMustBeRotatedAfterTheLast() {
        Instant r1 = T0.plus(Duration.ofDays(10));
        Instant r2 = r1.plus(Duration.ofHours(4));   // exactly custody-window after: the same opening
        Instant r3 = r2.plus(Duration.ofHours(4)).plusSeconds(1);   // a second opening
        List<NormalizedEvent> all = new ArrayList<>(List.of(
                events.evidence(EventClass.CUSTODY, r1, "alice@example.com", "share-1", null),
                events.evidence(EventClass.CUSTODY, r2, "bob@example.com", "share-2", null),
                events.evidence(EventClass.CUSTODY, r3, "alice@example.com", "share-1", null)));
        all.add(byAdmin(EventClass.ROTATION, r2, "password"));   // not after the last release
        all.add(byAdmin(EventClass.ROTATION, r2.plus(Duration.ofHours(24)), "mfa"));   // exactly at rotate-within
        Facts f = attach(AttacherTest.Q3, List.of(), all);
        List<SealRelease> seals = f.sealReleases();
        assertEquals(2, seals.size());
        SealRelease first = seals.get(0);
        assertEquals(List.of("alice@example.com", "bob@example.com"), first.custodians());
        assertEquals(r2.plus(Duration.ofHours(24)), first.decidedAt());
        assertEquals(List.of("password"), first.unrotated());
        assertEquals(2, first.evidence().size());
        // the mfa rotation also lies within rotate-within after the second opening
        assertEquals(List.of("password"), seals.get(1).unrotated());
    }

    @Test
    void aReleaseWithinCustodyWindowBeforeAUseBelongsToIt() {
        List<NormalizedEvent> all = List.of(events.login(T0),
                events.evidence(EventClass.CUSTODY, T0.minus(Duration.ofHours(4)), "alice@example.com", "s", null),
                events.evidence(EventClass.CUSTODY, T0.minus(Duration.ofHours(4)).minusSeconds(1), "bob@example.com",
                        "s", null));
        List<SealRelease> seals = attach(AttacherTest.Q3, List.of(new Span("aws-bg", T0, T0, 1)), all).sealReleases();
        assertEquals(1, seals.size());
        assertEquals(List.of("bob@example.com"), seals.get(0).custodians());
    }
}
