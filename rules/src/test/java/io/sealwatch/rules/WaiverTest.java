package io.sealwatch.rules;

import io.sealwatch.config.Waiver;
import io.sealwatch.model.Finding;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.sealwatch.rules.Fixture.ACCOUNT;
import static io.sealwatch.rules.Fixture.QUARTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Accepted exceptions: still produced and reported, marked; expired and unused waivers reported too. */
class WaiverTest {

    private static final String RULE = "BG-NO-INCIDENT";

    private static Fixture noIncident(Waiver... waivers) {
        Fixture f = Fixture.clean();
        f.incident = null;
        f.waivers.addAll(List.of(waivers));
        return f;
    }

    private static Waiver waiver(String rule, Instant until) {
        return new Waiver(rule, ACCOUNT, until, "incident tooling migration", "ciso@example.com");
    }

    @Test
    void aValidWaiverAcceptsTheFindingWithoutHidingIt() {
        Waiver w = waiver(RULE, QUARTER.to().plusSeconds(1));
        Evaluation e = noIncident(w).evaluate();
        assertEquals(1, e.findings().size());
        Finding f = e.findings().get(0);
        assertEquals(RULE, f.rule());
        assertEquals(w, f.waiver());
        assertEquals(List.of(), e.unusedWaivers());
        assertEquals(List.of(), e.expiredWaivers());
    }

    @Test
    void aWaiverEndingAtThePeriodEndHasExpired() {
        Waiver w = waiver(RULE, QUARTER.to());
        Evaluation e = noIncident(w).evaluate();
        assertEquals(1, e.findings().size());
        assertFalse(e.findings().get(0).accepted());
        assertEquals(List.of(w), e.expiredWaivers());
        assertEquals(List.of(), e.unusedWaivers());
    }

    @Test
    void aWaiverMatchingNoFindingIsReportedUnused() {
        Waiver unused = waiver("BG-TTL-EXCEEDED", QUARTER.to().plusSeconds(3600));
        Waiver otherAccount = new Waiver(RULE, "gcp-breakglass", QUARTER.to().plusSeconds(3600), "n/a", "ciso");
        Evaluation e = noIncident(unused, otherAccount).evaluate();
        assertNull(e.findings().get(0).waiver());
        assertEquals(List.of(unused, otherAccount), e.unusedWaivers());
    }

    @Test
    void identicalFindingsAreReportedOnce() {
        Finding f = new Finding(RULE, io.sealwatch.model.Severity.MEDIUM, ACCOUNT, Fixture.EPISODE, Fixture.START,
                "m", List.of("c"), List.of(), null);
        Finding earlier = new Finding("BG-TTL-EXCEEDED", io.sealwatch.model.Severity.HIGH, ACCOUNT, Fixture.EPISODE,
                Fixture.START.minusSeconds(1), "m", List.of("c"), List.of(), null);
        assertEquals(List.of(earlier, f),
                RuleEngine.applyWaivers(List.of(f, earlier, f), List.of(), QUARTER.to()).findings());
    }
}
