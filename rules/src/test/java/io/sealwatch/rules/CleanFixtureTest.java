package io.sealwatch.rules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The baseline every rule case starts from must itself be compliant, or the near misses prove nothing. */
class CleanFixtureTest {

    @Test
    void aCompliantQuarterHasNoFinding() {
        Evaluation e = Fixture.clean().evaluate();
        assertEquals(new Evaluation(java.util.List.of(), java.util.List.of(), java.util.List.of()), e);
    }
}
