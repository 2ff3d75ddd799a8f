package io.sealwatch.rules;

import io.sealwatch.model.Waiver;
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
        return new Waiver(rule, ACCOUNT, null, until, "incident tooling migration", "ciso@example.com");
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
        Waiver otherAccount = new Waiver(RULE, "gcp-breakglass", null, QUARTER.to().plusSeconds(3600), "n/a", "ciso");
        Evaluation e = noIncident(unused, otherAccount).evaluate();
        assertNull(e.findings().get(0).waiver());
        assertEquals(List.of(unused, otherAccount), e.unusedWaivers());
    }

    private static Evaluation vaultSilent(Waiver w) {
        Fixture f = Fixture.clean().gap("vault-audit", Instant.parse("2026-08-02T00:00:00Z"),
                Instant.parse("2026-08-05T00:00:00Z"));
        f.waivers.add(w);
        return f.evaluate();
    }

    private static Waiver bySource(String source, Instant until) {
        return new Waiver("BG-LOG-GAP", null, source, until, "audit device migration", "ciso@example.com");
    }

    @Test
    void aLogGapIsWaivedByItsSourceType() {
        Waiver w = bySource("vault-audit", QUARTER.to().plusSeconds(1));
        Evaluation e = vaultSilent(w);
        assertEquals(1, e.findings().size());
        Finding gap = e.findings().get(0);
        assertEquals("BG-LOG-GAP", gap.rule());
        assertNull(gap.account());
        assertEquals("vault-audit", gap.source());
        assertEquals(w, gap.waiver());
        assertEquals(List.of(), e.unusedWaivers());
    }

    @Test
    void aLogGapWaiverForAnotherSourceOrExpiredAcceptsNothing() {
        Waiver okta = bySource("okta-system-log", QUARTER.to().plusSeconds(1));
        Evaluation other = vaultSilent(okta);
        assertFalse(other.findings().get(0).accepted());
        assertEquals(List.of(okta), other.unusedWaivers());

        Waiver expired = bySource("vault-audit", QUARTER.to());
        Evaluation late = vaultSilent(expired);
        assertFalse(late.findings().get(0).accepted());
        assertEquals(List.of(expired), late.expiredWaivers());
    }

    @Test
    void anAccountWaiverOfTheSameRuleNeverAcceptsALogGap() {
        Waiver byAccount = new Waiver("BG-LOG-GAP", ACCOUNT, null, QUARTER.to().plusSeconds(1), "n/a", "ciso");
        Evaluation e = vaultSilent(byAccount);
        assertFalse(e.findings().get(0).accepted());
        assertEquals(List.of(byAccount), e.unusedWaivers());
    }

    @Test
    void identicalFindingsAreReportedOnce() {
        Finding f = new Finding(RULE, io.sealwatch.model.Severity.MEDIUM, ACCOUNT, null, Fixture.EPISODE,
                Fixture.START, "m", List.of("c"), List.of(), null);
        Finding earlier = new Finding("BG-TTL-EXCEEDED", io.sealwatch.model.Severity.HIGH, ACCOUNT, null,
                Fixture.EPISODE, Fixture.START.minusSeconds(1), "m", List.of("c"), List.of(), null);
        assertEquals(List.of(earlier, f),
                RuleEngine.applyWaivers(List.of(f, earlier, f), List.of(), QUARTER.to()).findings());
    }
}
