package io.sealwatch.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pack at once (Checkstyle's AllChecksTest): the contract's ids, complete metadata, one rule
 * per file named after it, a test case per rule, and the generated catalogue up to date.
 */
class RulePackTest {

    /** The built-in rule pack as docs/rules.md lists it, with severities. */
    private static final List<String> BUILT_IN = List.of(
            "BG-ACCOUNT-CHANGED high", "BG-APPROVAL-LATE high", "BG-APPROVAL-MISSING critical", "BG-APPROVER-UNAUTHORIZED high",
            "BG-CUSTODIAN-UNKNOWN high", "BG-DRILL-OVERDUE medium", "BG-FAILED-LOGIN high", "BG-LOG-GAP high",
            "BG-MFA-WEAK high", "BG-NO-INCIDENT medium", "BG-NOTIFY-LATE high", "BG-NOTIFY-MISSING critical",
            "BG-QUORUM-NOT-MET high", "BG-REVIEW-OVERDUE medium", "BG-ROTATION-INCOMPLETE critical",
            "BG-ROTATION-LATE medium", "BG-SEAL-BROKEN high", "BG-SELF-APPROVAL critical", "BG-SSO-DEPENDENT high",
            "BG-STANDING-ACCESS critical", "BG-TTL-EXCEEDED high");

    private final List<RuleMeta> rules = Fixture.engine().rules();

    @Test
    void exactlyTheContractRulesWithTheirSeverities() {
        assertEquals(BUILT_IN, rules.stream().map(r -> r.id() + " " + r.severity().wire()).toList());
    }

    @Test
    void everyRuleCarriesEveryMetadataField() {
        List<String> missing = new ArrayList<>();
        for (RuleMeta r : rules) {
            check(missing, r, "title", r.title());
            check(missing, r, "since", r.since());
            check(missing, r, "rationale", r.rationale());
            check(missing, r, "message", r.message());
            check(missing, r, "example", r.example());
            check(missing, r, "controls", String.join("", r.controls()));
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void looksUpARuleById() {
        assertEquals("BG-MFA-WEAK", Fixture.engine().rule("BG-MFA-WEAK").orElseThrow().id());
        assertFalse(Fixture.engine().rule("BG-NOPE").isPresent());
    }

    @Test
    void oneRulePerFileNamedAfterItsId() {
        for (RuleMeta r : rules) {
            assertEquals(RuleEngine.PACK_DIR + r.id() + ".drl", r.file(), r.id());
        }
    }

    @Test
    void everyRuleHasItsDeclarativeTestCase() throws Exception {
        for (RuleMeta r : rules) {
            String name = "io.sealwatch.rules.pack." + testClassOf(r.id());
            Class<?> c = Class.forName(name);
            assertTrue(RuleCase.class.isAssignableFrom(c), name + " must extend RuleCase");
            var ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            RuleCase rc = (RuleCase) ctor.newInstance();
            assertEquals(r.id(), rc.expected().rule(), name);
            assertEquals(r.severity(), rc.expected().severity(), name);
        }
    }

    @Test
    void packHashIsStableSha256() throws RuleCompileException {
        String hash = Fixture.engine().packHash();
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertEquals(hash, RuleEngine.load(List.of()).packHash());
    }

    @Test
    void rulesDocIsUpToDate() throws IOException {
        Path doc = Path.of(System.getProperty("sealwatch.root", "..")).resolve("docs/rules.md");
        String want = RuleDocs.markdown(rules);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(doc.getParent());
            Files.writeString(doc, want, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(doc), doc + " is missing; regenerate with -Dgolden.update=true");
        assertEquals(want, Files.readString(doc, StandardCharsets.UTF_8),
                "docs/rules.md is out of date; regenerate with "
                        + "mvn -o -q -pl rules test -Dtest=RulePackTest -Dgolden.update=true");
    }

    static String testClassOf(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.toLowerCase(Locale.ROOT).split("-")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.append("Test").toString();
    }

    private static void check(List<String> missing, RuleMeta r, String field, String value) {
        if (value == null || value.isBlank()) {
            missing.add(r.id() + " @" + field);
        }
    }
}
