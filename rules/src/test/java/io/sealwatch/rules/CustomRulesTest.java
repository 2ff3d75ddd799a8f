package io.sealwatch.rules;

import io.sealwatch.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** User rules from {@code --rules DIR}: they join the pack, and a broken one is named with file and line. */
class CustomRulesTest {

    private static final String HEADER = """
            package org.example.rules;

            import io.sealwatch.model.Episode;
            import java.util.List;

            global io.sealwatch.rules.Emitter out;

            """;

    private static final String NIGHT_USE = HEADER + """
            rule "ACME-NIGHT-USE"
                @id("ACME-NIGHT-USE") @severity("low") @title("Break-glass use at night") @since("1.0")
                @rationale("Night use is rarer.") @message("Episode {episode} started at {hour}h UTC")
                @controls("SOC 2 CC7.2") @example("A use at 03:00 UTC.")
            when
                $e : Episode($id : id, start.atZone(java.time.ZoneOffset.UTC).getHour() < 6)
            then
                out.emit(drools, $e.account(), $id, $e.start(), List.of($e), "episode", $id,
                        "hour", $e.start().atZone(java.time.ZoneOffset.UTC).getHour());
            end
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text);
    }

    @Test
    void anExtraRuleJoinsThePackAndFires() throws Exception {
        write("sub/night.drl", NIGHT_USE);
        RuleEngine engine = RuleEngine.load(List.of(dir));
        assertEquals(22, engine.rules().size());
        RuleMeta meta = engine.rule("ACME-NIGHT-USE").orElseThrow();
        assertEquals(dir.resolve("sub/night.drl").toString(), meta.file());
        assertNotEquals(Fixture.engine().packHash(), engine.packHash());

        List<Finding> found = engine.evaluate(Fixture.clean().facts()).findings();
        assertEquals(List.of("Episode " + Fixture.EPISODE + " started at 3h UTC"),
                found.stream().filter(f -> f.rule().equals("ACME-NIGHT-USE")).map(Finding::message).toList());
    }

    @Test
    void aCompileErrorNamesTheFileAndLine() throws Exception {
        Path bad = write("broken.drl", NIGHT_USE.replace("$e : Episode(", "$e : Episod("));
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleEngine.load(List.of(dir)));
        assertEquals(bad.toString(), e.file());
        assertEquals(13, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(bad + ":13: Unable to resolve ObjectType 'Episod'"), e.getMessage());
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine() throws Exception {
        Path bad = write("syntax.drl", NIGHT_USE.replace("then\n", "then(\n"));
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleEngine.load(List.of(dir)));
        assertEquals(bad.toString(), e.file());
        assertTrue(e.line() > 0, e.getMessage());
    }

    @Test
    void aRuleWithoutRequiredMetadataIsRejected() throws Exception {
        Path bad = write("bare.drl", NIGHT_USE.replace("@severity(\"low\") ", ""));
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleEngine.load(List.of(dir)));
        assertEquals(bad + ":8: rule \"ACME-NIGHT-USE\" lacks its @severity annotation", e.getMessage());
    }

    @Test
    void aRuleIdTakenByThePackIsRejected() throws Exception {
        write("clash.drl", NIGHT_USE.replace("@id(\"ACME-NIGHT-USE\")", "@id(\"BG-MFA-WEAK\")"));
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleEngine.load(List.of(dir)));
        assertTrue(e.getMessage().contains("rule id BG-MFA-WEAK is already defined in rules/BG-MFA-WEAK.drl"),
                e.getMessage());
    }

    @Test
    void aMissingFolderIsAnError() {
        Path none = dir.resolve("none");
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleEngine.load(List.of(none)));
        assertEquals(none.toString(), e.file());
    }
}
