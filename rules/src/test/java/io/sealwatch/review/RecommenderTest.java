package io.sealwatch.review;

import io.sealwatch.model.Waiver;
import io.sealwatch.model.Classification;
import io.sealwatch.model.Episode;
import io.sealwatch.model.EvidenceRef;
import io.sealwatch.model.Finding;
import io.sealwatch.model.ProgramEvent;
import io.sealwatch.model.Severity;
import io.sealwatch.result.Recommendation;
import io.sealwatch.result.Recommendation.Advice;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each outcome of the review of need, and the reasons it gives. */
class RecommenderTest {

    static final String ACCOUNT = "aws-root-breakglass";
    static final EvidenceRef REF = new EvidenceRef("evidence", "logs/ev.csv", 2, null);
    static final List<String> ADMIN = List.of("AdministratorAccess on the management account");
    static final List<String> MANY_ACTIONS = List.of("AttachRolePolicy", "CreateUser", "DeleteBucket", "PutBucketPolicy",
            "RunInstances", "UpdateTrail");

    static Episode use(String start, Classification c, boolean approved, boolean rotated) {
        Instant t = Instant.parse(start);
        Map<String, Instant> rotations = new LinkedHashMap<>();
        rotations.put("password", rotated ? t.plusSeconds(7200) : null);
        return new Episode(Episode.idOf(ACCOUNT, t), ACCOUNT, c, t, t.plusSeconds(1800), 1800, List.of("aws-cloudtrail"),
                List.of("breakglass-admin"), 12, approved ? List.of("ciso@example.com") : List.of(), List.of(),
                c == Classification.EMERGENCY ? "INC-1" : null, Map.of(), rotations, REF, REF,
                c == Classification.EMERGENCY ? t : null, null);
    }

    static Episode emergency(String start) {
        return use(start, Classification.EMERGENCY, true, true);
    }

    static Finding finding(String rule, Severity s) {
        return new Finding(rule, s, ACCOUNT, null, null, Instant.parse("2026-05-01T00:00:00Z"), rule, List.of(),
                List.of(REF), null);
    }

    static ProgramEvent drill(String time) {
        return new ProgramEvent("drill", ACCOUNT, Instant.parse(time), "alice@example.com", REF);
    }

    static Recommendation recommend(List<Episode> uses, List<Finding> findings, List<ProgramEvent> drills,
                                    List<String> actions, List<String> coverage) {
        return Recommender.recommend(new Recommender.Input(2026, uses, findings, drills, ADMIN, actions, coverage));
    }

    static boolean mentions(Recommendation r, String text) {
        return r.reasons().stream().anyMatch(s -> s.contains(text));
    }

    @Test
    void noUseWithDrillsAndCleanLogsIsARetirementCandidate() {
        Recommendation r = recommend(List.of(use("2026-06-20T14:00:00Z", Classification.DRILL, true, true)), List.of(),
                List.of(drill("2026-03-20T14:00:00Z"), drill("2026-06-20T14:00:00Z")), List.of(), List.of());
        assertEquals(Advice.RETIRE, r.advice());
        assertFalse(r.routineUse());
        assertTrue(mentions(r, "No emergency or unexplained use in 2026 (only drills: 1)"), r.reasons().toString());
        assertTrue(mentions(r, "2 drill(s) held: 2026-03-20, 2026-06-20"), r.reasons().toString());
        assertTrue(mentions(r, "Retirement may be possible if the primary access path has been healthy"),
                r.reasons().toString());
    }

    @Test
    void noUseIsNoRetirementWithoutDrillsCriticalFindingsOrLogCoverage() {
        Recommendation noDrill = recommend(List.of(), List.of(), List.of(), List.of(), List.of());
        assertEquals(Advice.RETAIN, noDrill.advice());
        assertTrue(mentions(noDrill, "no drill was held in 2026"), noDrill.reasons().toString());

        Recommendation critical = recommend(List.of(), List.of(finding("BG-ROTATION-INCOMPLETE", Severity.CRITICAL)),
                List.of(drill("2026-03-20T14:00:00Z")), List.of(), List.of());
        assertEquals(Advice.RETAIN, critical.advice());
        assertTrue(mentions(critical, "1 critical finding(s) are open"), critical.reasons().toString());

        Recommendation gaps = recommend(List.of(), List.of(), List.of(drill("2026-03-20T14:00:00Z")), List.of(),
                List.of("aws-cloudtrail silent from 2026-02-01T00:00:00Z to 2026-02-05T00:00:00Z"));
        assertEquals(Advice.RETAIN, gaps.advice());
        assertTrue(mentions(gaps, "the logs cannot attest the silence: aws-cloudtrail silent"), gaps.reasons().toString());
    }

    @Test
    void aWaivedCriticalFindingDoesNotBlockRetirement() {
        Waiver w = new Waiver("BG-DRILL-OVERDUE", ACCOUNT, null, Instant.parse("2027-06-01T00:00:00Z"), "accepted", "ciso");
        Recommendation r = recommend(List.of(), List.of(finding("BG-DRILL-OVERDUE", Severity.CRITICAL).withWaiver(w)),
                List.of(drill("2026-03-20T14:00:00Z")), List.of(), List.of());
        assertEquals(Advice.RETIRE, r.advice());
    }

    @Test
    void handledEmergencyUsesAreRetained() {
        Recommendation r = recommend(List.of(emergency("2026-02-03T10:00:00Z"), emergency("2026-02-20T10:00:00Z")),
                List.of(), List.of(drill("2026-03-20T14:00:00Z")), MANY_ACTIONS, List.of());
        assertEquals(Advice.RETAIN, r.advice());
        assertFalse(r.routineUse());
        assertTrue(mentions(r, "2 emergency use(s) in 2026: the account is still needed"), r.reasons().toString());
        assertTrue(mentions(r, "Every use was approved and every credential rotated"), r.reasons().toString());
    }

    @Test
    void unhandledAndUnexplainedUsesAreNamed() {
        Episode unapproved = use("2026-02-03T10:00:00Z", Classification.EMERGENCY, false, true);
        Episode unrotated = use("2026-02-10T10:00:00Z", Classification.UNEXPLAINED, true, false);
        Recommendation r = recommend(List.of(unapproved, unrotated), List.of(), List.of(), MANY_ACTIONS, List.of());
        assertEquals(Advice.RETAIN, r.advice());
        assertTrue(mentions(r, "1 unexplained use(s)"), r.reasons().toString());
        assertTrue(mentions(r, "1 use(s) without approval: " + unapproved.id()), r.reasons().toString());
        assertTrue(mentions(r, "1 use(s) with a credential not rotated: " + unrotated.id()), r.reasons().toString());
        assertFalse(mentions(r, "Every use was approved"));
    }

    @Test
    void standingAccessOrSsoDependenceMeansReduceScope() {
        Recommendation r = recommend(List.of(emergency("2026-02-03T10:00:00Z")),
                List.of(finding("BG-STANDING-ACCESS", Severity.CRITICAL), finding("BG-SSO-DEPENDENT", Severity.HIGH)),
                List.of(), MANY_ACTIONS, List.of());
        assertEquals(Advice.REDUCE_SCOPE, r.advice());
        assertTrue(r.reasons().get(0).startsWith("1 open BG-SSO-DEPENDENT"), r.reasons().toString());
        assertTrue(mentions(r, "1 open BG-STANDING-ACCESS finding(s)"), r.reasons().toString());
        assertTrue(mentions(r, "1 critical finding(s) open (BG-STANDING-ACCESS)"), r.reasons().toString());
        assertTrue(mentions(r, "1 emergency use(s)"), "the handling is still reported: " + r.reasons());
    }

    @Test
    void fewDistinctActionsAgainstBroadPrivilegesMeansReduceScope() {
        Recommendation r = recommend(List.of(emergency("2026-02-03T10:00:00Z")), List.of(), List.of(),
                List.of("GetObject", "PutBucketPolicy"), List.of());
        assertEquals(Advice.REDUCE_SCOPE, r.advice());
        assertTrue(mentions(r, "only 2 distinct action(s) (GetObject, PutBucketPolicy) while the account holds: "
                + ADMIN.get(0)), r.reasons().toString());
        Recommendation unknownPrivileges = Recommender.recommend(new Recommender.Input(2026,
                List.of(emergency("2026-02-03T10:00:00Z")), List.of(), List.of(), List.of(), List.of("GetObject"),
                List.of()));
        assertEquals(Advice.RETAIN, unknownPrivileges.advice(), "without configured privileges there is nothing to compare");
    }

    @Test
    void moreThanFourUsesIsRoutineUse() {
        List<Episode> uses = new ArrayList<>();
        for (int d = 1; d <= 5; d++) {
            uses.add(emergency("2026-04-0" + d + "T10:00:00Z"));
        }
        Recommendation r = recommend(uses, List.of(finding("BG-STANDING-ACCESS", Severity.CRITICAL)), List.of(),
                MANY_ACTIONS, List.of());
        assertEquals(Advice.RETAIN, r.advice());
        assertTrue(r.routineUse());
        assertTrue(r.reasons().get(0).contains("primary access path is broken — fix it"), r.reasons().toString());
        assertTrue(mentions(r, "5 emergency/unexplained uses in 2026 (more than 4 a year is routine use)"),
                r.reasons().toString());
        assertTrue(mentions(r, "Also: 1 open BG-STANDING-ACCESS"), "scope problems are still named: " + r.reasons());
        assertTrue(r.headline().contains("fix the primary access path"));
    }

    @Test
    void usesInThreeMonthsIsRoutineUseButTwoMonthsIsNot() {
        Recommendation three = recommend(List.of(emergency("2026-07-14T03:00:00Z"), emergency("2026-08-14T03:00:00Z"),
                use("2026-09-02T22:00:00Z", Classification.UNEXPLAINED, true, true)), List.of(), List.of(), MANY_ACTIONS,
                List.of());
        assertTrue(three.routineUse());
        assertTrue(mentions(three, "Used in 3 different months (2026-07, 2026-08, 2026-09)"), three.reasons().toString());
        Recommendation two = recommend(List.of(emergency("2026-07-14T03:00:00Z"), emergency("2026-08-14T03:00:00Z"),
                emergency("2026-08-20T03:00:00Z")), List.of(), List.of(), MANY_ACTIONS, List.of());
        assertFalse(two.routineUse());
        assertEquals(Advice.RETAIN, two.advice());
    }

    @Test
    void drillsAreNotUses() {
        List<Episode> drills = new ArrayList<>();
        for (int m = 1; m <= 9; m += 2) {
            drills.add(use("2026-0" + m + "-10T10:00:00Z", Classification.DRILL, true, true));
        }
        Recommendation r = recommend(drills, List.of(), List.of(drill("2026-01-10T10:00:00Z")), List.of(), List.of());
        assertFalse(r.routineUse());
        assertEquals(Advice.RETIRE, r.advice());
    }
}
