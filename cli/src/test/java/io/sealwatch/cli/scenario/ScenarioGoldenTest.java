package io.sealwatch.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealwatch.cli.Main;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the whole pipeline ({@code sealwatch run … --no-sign}) on every scenario under
 * {@code samples/scenarios} and compares its verdict with the scenario's: exit code, the rules that
 * must and must not fire, the episode count and {@code findings.json} byte for byte. With
 * {@code -Dgolden.update=true} the expected {@code findings.json} files are rewritten instead of compared
 * (review the diff: that is the point of a golden). {@code -Dscenario=NAME} runs only the scenarios whose
 * folder name contains NAME.
 */
class ScenarioGoldenTest {
    /** The rule ids of the catalogue: each needs a scenario that fires it and a near-miss. */
    static final Set<String> BUILT_IN_RULES = Set.of("BG-ACCOUNT-CHANGED", "BG-SEAL-BROKEN", "BG-APPROVAL-MISSING",
            "BG-APPROVAL-LATE",
            "BG-APPROVER-UNAUTHORIZED", "BG-SELF-APPROVAL", "BG-NO-INCIDENT", "BG-QUORUM-NOT-MET",
            "BG-CUSTODIAN-UNKNOWN", "BG-MFA-WEAK", "BG-SSO-DEPENDENT", "BG-TTL-EXCEEDED", "BG-NOTIFY-MISSING",
            "BG-NOTIFY-LATE", "BG-ROTATION-INCOMPLETE", "BG-ROTATION-LATE", "BG-STANDING-ACCESS", "BG-FAILED-LOGIN",
            "BG-DRILL-OVERDUE", "BG-REVIEW-OVERDUE", "BG-LOG-GAP");
    static final Path SCENARIOS = Path.of(System.getProperty("sealwatch.root", "..")).resolve("samples/scenarios");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    static final String ONLY = System.getProperty("scenario", "");
    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicInteger RUNS = new AtomicInteger();

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> everyScenarioGivesItsGoldenVerdict() throws IOException {
        return scenarios().stream().filter(s -> s.name().contains(ONLY))
                .map(s -> DynamicTest.dynamicTest(s.name(), () -> check(s)));
    }

    @Test
    void everyContractRuleHasAFiringScenarioAndANearMiss() throws IOException {
        Set<String> fired = new TreeSet<>();
        Set<String> missed = new TreeSet<>();
        boolean compliant = false;
        for (Scenario s : scenarios()) {
            fired.addAll(s.fires());
            missed.addAll(s.nearMiss());
            compliant |= s.compliant();
        }
        assertTrue(fired.containsAll(BUILT_IN_RULES), "rules without a firing scenario: " + minus(BUILT_IN_RULES, fired));
        assertTrue(missed.containsAll(BUILT_IN_RULES), "rules without a near-miss: " + minus(BUILT_IN_RULES, missed));
        assertTrue(compliant, "no compliant scenario");
    }

    @Test
    void theSameInputsGiveTheSameBytes() throws Exception {
        Scenario s = Scenario.load(SCENARIOS.resolve("compliant-multi-source"));
        Run first = run(s, s.config(), s.args());
        Run second = run(s, s.config(), s.args());
        for (String file : List.of("findings.json", "episodes.json")) {
            assertArrayEquals(Files.readAllBytes(first.out().resolve(file)), Files.readAllBytes(second.out().resolve(file)),
                    file);
        }
    }

    private static void check(Scenario s) throws IOException {
        Path config = s.config();
        if (s.late() != null) {
            Path copy = tmp.resolve("src-" + s.name());
            copyTree(s.dir(), copy, s.dir().resolve(s.late()));
            config = copy.resolve("sealwatch.yaml");
            Run before = run(s, config, s.args());
            verdict(s, before, "without the late files", s.lateExit(), s.lateFires(), List.of(), false, null, List.of());
            golden(s, before, "findings-before-late.json");
            copyTree(s.dir().resolve(s.late()), copy.resolve("logs"), null);
        }
        Run out = run(s, config, s.args());
        verdict(s, out, "", s.exit(), s.fires(), s.nearMiss(), s.compliant(), s.episodes(), s.states());
        golden(s, out, "findings.json");
        Scenario.Next next = s.next();
        if (next != null) {
            Run following = run(s, config, next.args());
            verdict(s, following, "in the next period", next.exit(), next.fires(), next.nearMiss(), next.compliant(),
                    next.episodes(), next.states());
            long carried = 0;
            for (JsonNode e : JSON.readTree(following.out().resolve("episodes.json").toFile())) {
                carried += e.path("carriedOver").asBoolean() ? 1 : 0;
            }
            assertEquals(next.carriedOver(), carried, s.name() + ": episodes carried over into the next period");
            golden(s, following, "findings-next.json");
        }
    }

    private static void verdict(Scenario s, Run run, String when, int exit, List<String> fires, List<String> nearMiss,
                                boolean compliant, Integer episodes, List<String> states) throws IOException {
        List<String> rules = new ArrayList<>();
        for (JsonNode f : JSON.readTree(run.out().resolve("findings.json").toFile())) {
            rules.add(f.get("rule").asText());
        }
        String context = s.name() + " " + when + ": findings " + rules;
        assertEquals(exit, run.exit(), "exit code, " + context);
        for (String rule : fires) {
            assertTrue(rules.contains(rule), rule + " must fire, " + context);
        }
        for (String rule : nearMiss) {
            assertFalse(rules.contains(rule), rule + " must not fire, " + context);
        }
        if (compliant) {
            assertTrue(rules.isEmpty(), "a compliant scenario has no findings, " + context);
        }
        for (JsonNode input : JSON.readTree(run.out().resolve("run.json").toFile()).get("inputs")) {
            assertEquals(0, input.path("quarantined").asLong(), "scenario logs are well-formed, " + input);
            assertTrue(input.path("error").isMissingNode() || input.path("error").isNull(), "readable: " + input);
        }
        if (episodes != null) {
            assertEquals(episodes.intValue(), JSON.readTree(run.out().resolve("episodes.json").toFile()).size(),
                    "episodes, " + context);
        }
        if (!states.isEmpty()) {
            List<String> actual = new ArrayList<>();
            JSON.readTree(run.out().resolve("episodes.json").toFile()).forEach(e -> actual.add(e.path("state").asText()));
            assertEquals(states, actual, "episode states, " + context);
        }
        for (JsonNode f : JSON.readTree(run.out().resolve("findings.json").toFile())) {
            String to = JSON.readTree(run.out().resolve("run.json").toFile()).path("period").path("to").asText();
            assertTrue(f.get("at").asText().compareTo(to) <= 0, "no finding is dated after the period end: " + f);
        }
    }

    private static void golden(Scenario s, Run run, String file) throws IOException {
        byte[] actual = Files.readAllBytes(run.out().resolve("findings.json"));
        Path expected = s.expected(file);
        if (UPDATE) {
            Files.createDirectories(expected.getParent());
            Files.write(expected, actual);
            return;
        }
        if (!Files.isRegularFile(expected)) {
            fail(expected + " is missing; record it deliberately with -Dgolden.update=true");
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8),
                s.name() + ": findings.json differs from " + SCENARIOS.relativize(expected));
    }

    /** A finished run: its bundle folder and exit code. */
    private record Run(Path out, int exit) {
    }

    private static Run run(Scenario s, Path config, List<String> args) throws IOException {
        Path out = tmp.resolve("out-" + RUNS.incrementAndGet() + "-" + s.name());
        List<String> argv = new ArrayList<>(List.of("run", "-c", config.toString()));
        argv.addAll(args);
        argv.addAll(List.of("--out", out.toString(), "--no-sign"));
        int exit = Main.execute(argv.toArray(String[]::new));
        assertTrue(Files.isRegularFile(out.resolve("findings.json")), s.name() + ": no bundle, exit " + exit);
        return new Run(out, exit);
    }

    private static List<Scenario> scenarios() throws IOException {
        assertTrue(Files.isDirectory(SCENARIOS), "no scenarios at " + SCENARIOS.toAbsolutePath());
        List<Scenario> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(SCENARIOS)) {
            for (Path d : dirs.filter(d -> Files.isRegularFile(d.resolve("scenario.properties"))).sorted().toList()) {
                all.add(Scenario.load(d));
            }
        }
        assertFalse(all.isEmpty(), "no scenarios at " + SCENARIOS.toAbsolutePath());
        return all;
    }

    /** Copies a folder tree, leaving out {@code skip} (and everything under it) when it is not null. */
    private static void copyTree(Path from, Path to, Path skip) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (skip != null && p.startsWith(skip)) {
                    continue;
                }
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static Set<String> minus(Set<String> all, Set<String> some) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(some);
        return rest;
    }
}
