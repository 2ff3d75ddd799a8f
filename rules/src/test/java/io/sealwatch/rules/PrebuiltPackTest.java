package io.sealwatch.rules;

import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule pack the build compiled (every rule test runs on it, through {@link RuleEngine#load}) is the
 * pack the DRL compiles to at run time: the same rules, metadata and pack hash.
 */
class PrebuiltPackTest {

    @Test
    void theBuildsPackIsLoadedAndHoldsWhatTheDrlCompilesTo() throws Exception {
        RuleEngine compiled = RuleEngine.compileFromSource();
        assertTrue(PrebuiltPack.load(compiled.packHash()).isPresent(), "the build wrote " + PrebuiltPack.RESOURCE);
        RuleEngine loaded = RuleEngine.load(List.of());
        assertEquals(compiled.packHash(), loaded.packHash());
        assertEquals(compiled.rules(), loaded.rules());
        assertEquals(ruleNames(compiled.kieBase()), ruleNames(loaded.kieBase()));
    }

    @Test
    void aPackBuiltFromOtherSourcesIsNotUsed() {
        assertTrue(PrebuiltPack.load("0".repeat(64)).isEmpty());
    }

    private static Set<String> ruleNames(KieBase kieBase) {
        Set<String> out = new TreeSet<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            p.getRules().forEach(r -> out.add(RuleEngine.key(r)));
        }
        return out;
    }
}
