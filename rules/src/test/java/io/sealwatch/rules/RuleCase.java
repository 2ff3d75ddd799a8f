package io.sealwatch.rules;

import io.sealwatch.model.Finding;
import io.sealwatch.model.Severity;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The declarative test of one rule (one subclass per rule, named after its id; RulePackTest checks
 * that every rule has one): the smallest change to {@link Fixture#clean()} that fires it, the one
 * finding expected, and the nearest cases that must not fire.
 */
public abstract class RuleCase {

    /** What the firing case must produce, exactly once. */
    public record Expected(String rule, Severity severity, String account, String episode, String message) {
    }

    private final Expected expected;
    private final Supplier<Fixture> firing;
    private final Map<String, Fixture> nearMisses;

    /**
     * A rule case is data, given once to this constructor (rather than as three overridden
     * methods per rule, which made every rule test the same shape): the finding expected, the
     * smallest fact set that fires the rule (a supplier, so each use gets a fresh fixture) and the
     * nearest fact sets that must not fire it, by what they show.
     */
    protected RuleCase(Expected expected, Supplier<Fixture> firing, Map<String, Fixture> nearMisses) {
        this.expected = expected;
        this.firing = firing;
        this.nearMisses = nearMisses;
    }

    public Expected expected() {
        return expected;
    }

    /** The smallest fact set that fires the rule, fresh on each call. */
    protected Fixture firing() {
        return firing.get();
    }

    /** The nearest fact sets that must not fire it, by what they show. */
    protected Map<String, Fixture> nearMisses() {
        return nearMisses;
    }

    @Test
    void firesOnceWithItsMessage() {
        Expected want = expected();
        List<Finding> found = firing().findings(want.rule());
        assertEquals(1, found.size(), () -> want.rule() + " fired " + found);
        Finding f = found.get(0);
        assertEquals(want, new Expected(f.rule(), f.severity(), f.account(), f.episode(), f.message()));
        assertFalse(f.controls().isEmpty(), "controls");
        assertNotNull(f.at(), "at");
        assertNotNull(f.evidence(), "evidence");
    }

    @TestFactory
    Stream<DynamicTest> nearMissesDoNotFire() {
        String rule = expected().rule();
        assertFalse(nearMisses().isEmpty(), "a rule case needs at least one near miss");
        return nearMisses().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> assertTrue(e.getValue().findings(rule).isEmpty(),
                        () -> rule + " must not fire when " + e.getKey())));
    }
}
