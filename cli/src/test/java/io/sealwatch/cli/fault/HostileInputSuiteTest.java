package io.sealwatch.cli.fault;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The hostile-input suite, beside the fault suite: configs, output paths, bundles for {@code verify}
 * and log bytes as a careless or hostile user would give them, each through the real command line in
 * a JVM of its own (see {@link HostileKit}). Ends with one summary line on stdout:
 * {@code HOSTILE SUITE: cases=N crashes=0 contractBreaks=0 touchedOutside=0}.
 */
class HostileInputSuiteTest {
    private static final List<String> REPORT = new ArrayList<>();
    private static int cases;
    private static int crashes;
    private static int breaks;
    private static int touched;

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> outputPaths() {
        return tests(HostileOutputCases.all());
    }

    @TestFactory
    Stream<DynamicTest> configs() {
        return tests(HostileConfigCases.all());
    }

    @TestFactory
    Stream<DynamicTest> bundles() {
        return tests(HostileBundleCases.all());
    }

    @TestFactory
    Stream<DynamicTest> logBytes() {
        return tests(HostileLogCases.all());
    }

    @AfterAll
    static void summary() {
        REPORT.forEach(System.out::println);
        System.out.println("HOSTILE SUITE: cases=" + cases + " crashes=" + crashes + " contractBreaks=" + breaks
                + " touchedOutside=" + touched);
    }

    private static Stream<DynamicTest> tests(List<HostileCase> group) {
        return group.stream().map(c -> DynamicTest.dynamicTest(c.group() + ": " + c.name(), () -> runCase(c)));
    }

    private static void runCase(HostileCase c) throws Exception {
        Path root = Files.createDirectories(tmp.resolve(c.group()).resolve(c.name().replaceAll("[^A-Za-z0-9]+", "-")));
        HostileKit.Sandbox box = new HostileKit.Sandbox(root.resolve("box"));
        HostileCase.Prepared prepared = c.setup().prepare(box);
        Map<String, String> before = HostileKit.snapshot(box, prepared.launch().out());
        Path log = root.resolve("tool.log");
        Process p = box.start(prepared.launch(), log);
        String during = prepared.during() == null ? null : prepared.during().alongside(p, box);
        HostileKit.Outcome o = box.await(p, log);
        String problem = during != null ? during : prepared.check() == null ? null : prepared.check().problem(o);
        HostileKit.Verdict v = HostileKit.judge(box, prepared.launch(), o, c.allowed(), problem, before);
        record(c, o, v, box.root.toString());
        if (!v.clean()) {
            fail(c.name() + ": " + (v.crash() != null ? "CRASH " + v.crash() + "; " : "")
                    + (v.contractBreak() != null ? "BREAK " + v.contractBreak() + "; " : "")
                    + (v.touched().isEmpty() ? "" : "TOUCHED " + v.touched()) + "\n--- the tool printed:\n" + o.err());
        }
    }

    private static synchronized void record(HostileCase c, HostileKit.Outcome o, HostileKit.Verdict v, String root) {
        cases++;
        crashes += v.crash() == null ? 0 : 1;
        breaks += v.contractBreak() == null ? 0 : 1;
        touched += v.touched().size();
        String firstLine = o.err().lines().filter(l -> l.startsWith("sealwatch:") || l.startsWith("FAILED")
                || l.startsWith("OK") || l.startsWith("UNSIGNED")).findFirst()
                .orElse(o.err().lines().filter(l -> !l.isBlank()).findFirst().orElse("")).replace(root, "<sandbox>");
        REPORT.add(String.format("  %-8s %-58s exit %2d %s %s", c.group(), c.name(), o.exit(),
                v.clean() ? "ok  " : "BAD ", firstLine.length() > 110 ? firstLine.substring(0, 110) + "…" : firstLine));
    }
}
