package io.sealwatch.rules;

import io.sealwatch.model.Authentication;
import io.sealwatch.model.EvidenceRef;
import io.sealwatch.model.Finding;
import io.sealwatch.model.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.sealwatch.rules.Fixture.ACCOUNT;
import static io.sealwatch.rules.Fixture.EPISODE;
import static io.sealwatch.rules.Fixture.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worked example of docs/writing-rules.md loads, fires, and is quoted by the doc verbatim. */
class ExampleRuleTest {

    private static final Path DOCS = Path.of(System.getProperty("sealwatch.root", "..")).resolve("docs");
    private static final Path EXAMPLES = DOCS.resolve("examples");
    private static final String ROOT = "arn:aws:iam::111122223333:root";

    @Test
    void theDocQuotesTheExampleFileVerbatim() throws Exception {
        String drl = Files.readString(EXAMPLES.resolve("BG-EXAMPLE-ROOT-LOGIN.drl"), StandardCharsets.UTF_8);
        String doc = Files.readString(DOCS.resolve("writing-rules.md"), StandardCharsets.UTF_8);
        assertTrue(doc.contains("```drl\n" + drl + "```\n"), "writing-rules.md must quote the example .drl as is");
    }

    @Test
    void theExampleRuleFires() throws Exception {
        RuleEngine engine = RuleEngine.load(List.of(EXAMPLES));
        Fixture f = Fixture.clean();
        EvidenceRef ref = new EvidenceRef("aws-cloudtrail", "trail.json", 7, "evt-root");
        f.authentications.add(new Authentication(EPISODE, ACCOUNT, START.plusSeconds(60), ROOT, true, "webauthn",
                false, ref));
        f.authentications.add(new Authentication(EPISODE, ACCOUNT, START.plusSeconds(90), ROOT, false, "none",
                false, ref));

        List<Finding> found = engine.evaluate(f.facts()).findings().stream()
                .filter(x -> x.rule().equals("BG-EXAMPLE-ROOT-LOGIN")).toList();
        assertEquals(1, found.size());
        Finding x = found.get(0);
        assertEquals(Severity.HIGH, x.severity());
        assertEquals(List.of("NIST 800-53 AC-6(9)", "SOC 2 CC6.2"), x.controls());
        assertEquals(List.of(ref), x.evidence());
        assertEquals(ROOT + " signed in as the AWS root user at 2026-08-14T03:01:00Z, in episode " + EPISODE,
                x.message());
    }
}
