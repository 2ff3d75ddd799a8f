package io.sealwatch.result;

import io.sealwatch.config.Policy;
import io.sealwatch.model.Classification;
import io.sealwatch.model.Episode;
import io.sealwatch.model.Finding;
import io.sealwatch.model.Severity;
import io.sealwatch.model.Waiver;
import io.sealwatch.result.NotificationStatus.State;
import io.sealwatch.rules.RuleMeta;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The derived views every output reads: control and notification status. */
class RunViewsTest {

    static final Instant START = Instant.parse("2026-08-14T09:20:00Z");

    static Episode episode(Map<String, Long> notifications) {
        return new Episode(Episode.idOf("aws", START), "aws", Classification.EMERGENCY, START, START.plusSeconds(600), 600,
                List.of("aws-cloudtrail"), List.of("bg"), 3, List.of(), List.of(), null, notifications, Map.of(), null,
                null, null, null);
    }

    static Finding finding(String rule, List<String> controls, Waiver waiver) {
        return new Finding(rule, Severity.HIGH, "aws", null, null, START, rule, controls, List.of(), waiver);
    }

    static RuleMeta rule(String id, String... controls) {
        return new RuleMeta(id, Severity.HIGH, id, "1.0", "", "", List.of(controls), "", id + ".drl");
    }

    @Test
    void notificationStatusMatchesGroupsCaseInsensitivelyAndJudgesTheLimitInclusive() {
        Policy policy = Policy.defaults();   // security-leadership, engineering-leadership within 15 minutes
        List<NotificationStatus> s = NotificationStatus.of(episode(Map.of("Security-Leadership", 900L)), policy);
        assertEquals(List.of("engineering-leadership", "security-leadership"), s.stream().map(NotificationStatus::group).toList(),
                "in group-name order");
        assertEquals(State.MISSING, s.get(0).state());
        assertEquals(START.plus(policy.notifyWithin()), s.get(0).due());
        assertEquals(new NotificationStatus("security-leadership", 900L, START.plus(policy.notifyWithin()), State.ON_TIME),
                s.get(1), "exactly notify-within is in time");
        assertEquals(State.LATE, NotificationStatus.of(episode(Map.of("security-leadership", 901L)), policy).get(1).state());
    }

    @Test
    void aControlFailsOnlyOnOpenFindingsAndListsEveryRuleThatChecksIt() {
        Waiver waiver = new Waiver("BG-B", "aws", null, START.plusSeconds(86400), "accepted", "ciso");
        List<ControlStatus> controls = ControlStatus.of(List.of(rule("BG-A", "AC-1"), rule("BG-B", "AC-2", "AC-1")),
                List.of(finding("BG-A", List.of("AC-1"), null), finding("BG-A", List.of("AC-1"), null),
                        finding("BG-B", List.of("AC-2"), waiver), finding("BG-C", List.of("AC-3"), null)));
        assertEquals(List.of("AC-1", "AC-2", "AC-3"), controls.stream().map(ControlStatus::control).toList());
        ControlStatus ac1 = controls.get(0);
        assertFalse(ac1.passed());
        assertEquals(List.of("BG-A", "BG-B"), ac1.rules());
        assertEquals(Map.of("BG-A", 2L), ac1.openByRule());
        assertEquals(2, ac1.open());
        assertTrue(controls.get(1).passed(), "a waived finding does not fail its control");
        assertEquals(List.of("BG-C"), controls.get(2).rules(), "a control only a finding names is listed too");
    }
}
