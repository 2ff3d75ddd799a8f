package io.sealwatch.cli.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.sealwatch.cli.fault.HostileCase.of;

/**
 * {@code --out} as careless users give it: folders full of their files, a file, {@code /}, the home
 * folder, the working folder, a link, paths that cannot exist; two runs at once, Ctrl-C, too little
 * memory. Refusals must leave everything as it was (the case passes no {@code out}, so the whole
 * sandbox is compared).
 */
final class HostileOutputCases {
    private static final String G = "out";
    private static final Set<Integer> REFUSED = Set.of(2);
    private static final Set<Integer> JUDGED = Set.of(0, 1);

    private HostileOutputCases() {
    }

    static List<HostileCase> all() {
        return List.of(
                of(G, "a folder of the user's files", REFUSED, box -> refused(box, box.work.resolve("logs"))),
                of(G, "an existing file", REFUSED, box -> refused(box, box.work.resolve("notes.txt"))),
                of(G, "the root folder", REFUSED, box -> refused(box, Path.of("/"))),
                of(G, "the home folder", REFUSED, box -> refused(box, box.home)),
                of(G, "the working folder as '.'", REFUSED, box -> refused(box, Path.of("."))),
                of(G, "an empty string (the working folder)", REFUSED, box -> refused(box, Path.of(""))),
                of(G, "the parent folder as '..'", REFUSED, box -> refused(box, Path.of(".."))),
                of(G, "a symbolic link to an empty folder", REFUSED, box -> {
                    Path empty = Files.createDirectories(box.outside.resolve("empty"));
                    return refused(box, Files.createSymbolicLink(box.work.resolve("link"), empty));
                }),
                of(G, "below a regular file", REFUSED, box -> refused(box, box.work.resolve("notes.txt/bundle"))),
                of(G, "below a folder that cannot be written", REFUSED, box -> refused(box, Path.of("/proc/sealwatch/out"))),
                of(G, "demo into a folder of the user's files", REFUSED, box ->
                        new HostileCase.Prepared(new HostileKit.Launch(List.of("demo", "--out", "."), null))),
                of(G, "parents that do not exist yet", JUDGED, box -> {
                    Path out = box.work.resolve("reports/2026/q3");
                    return new HostileCase.Prepared(box.run(box.healthyOrg(), out),
                            o -> Files.isRegularFile(out.resolve("manifest.json")) ? null : "no bundle at " + out);
                }),
                of(G, "an empty folder", JUDGED, box -> {
                    Path out = Files.createDirectories(box.work.resolve("empty"));
                    return new HostileCase.Prepared(box.run(box.healthyOrg(), out),
                            o -> Files.isRegularFile(out.resolve("manifest.json")) ? null : "no bundle at " + out);
                }),
                of(G, "a previous bundle is replaced", JUDGED, box -> {
                    Path out = box.signedBundle(box.work.resolve("nightly"));
                    return new HostileCase.Prepared(box.run(box.healthyOrg(), out), o ->
                            FaultKit.json(out.resolve("run.json")).toString().contains("Fault Corp") ? null
                                    : "the demo's bundle was not replaced by this run's");
                }),
                of(G, "a previous bundle with a file of the user's added", REFUSED, box -> {
                    Path out = box.signedBundle(box.work.resolve("nightly"));
                    HostileKit.write(out.resolve("my-notes.txt"), "the auditor's notes\n");
                    return refused(box, out);
                }),
                of(G, "two runs into one --out", JUDGED, HostileOutputCases::twoRuns),
                of(G, "interrupted with Ctrl-C", Set.of(3), HostileOutputCases::interrupted),
                // a small local run starts no Spark and may fit (exit 1: the org's findings); if not, it says so
                of(G, "too little memory (-Xmx64m)", Set.of(1, 3), box -> {
                    HostileKit.Launch run = box.run(box.healthyOrg(), box.work.resolve("small"));
                    return new HostileCase.Prepared(new HostileKit.Launch(run.args(), List.of("-Xmx64m"), run.out()),
                            o -> o.exit() == 1 || o.err().contains("JAVA_OPTS") ? null : "no advice on memory: " + o.err());
                }));
    }

    /** A run into {@code out} that must be refused: nothing anywhere may change, and the answer names --out. */
    private static HostileCase.Prepared refused(HostileKit.Sandbox box, Path out) throws IOException {
        HostileKit.Launch run = box.run(box.healthyOrg(), out);
        return new HostileCase.Prepared(new HostileKit.Launch(run.args(), null),
                o -> o.err().contains("--out") ? null : "the refusal does not name --out: " + o.err());
    }

    /** The first run holds the lock; a second one started meanwhile exits 2 naming the first's process id. */
    private static HostileCase.Prepared twoRuns(HostileKit.Sandbox box) throws IOException {
        Path out = box.work.resolve("nightly");
        HostileKit.Launch first = box.run(box.healthyOrg(), out);
        return new HostileCase.Prepared(first, (p, b) -> {
            awaitClaim(p, out);
            Path log = Files.createTempFile(b.root.getParent(), "second-", ".log");
            HostileKit.Outcome second = b.await(b.start(first, log), log);
            if (second.exit() != 2 || !second.err().contains("process " + p.pid())) {
                return "the second run exited " + second.exit() + " without naming process " + p.pid() + ": "
                        + second.err();
            }
            return null;
        }, null);
    }

    /** Ctrl-C once the run is working: exit 3, one sentence, nothing left beside --out but the lock. */
    private static HostileCase.Prepared interrupted(HostileKit.Sandbox box) throws IOException {
        Path out = box.work.resolve("nightly");
        HostileKit.Launch run = box.run(box.healthyOrg(), out);
        return new HostileCase.Prepared(run, (p, b) -> {
            awaitClaim(p, out);
            // a child whose parent ignores SIGINT inherits that (a background job): it then gets SIGTERM, handled alike
            String signal = ignores(p.pid(), 2) ? "-TERM" : "-INT";
            new ProcessBuilder("kill", signal, String.valueOf(p.pid())).start().waitFor();
            return null;
        }, o -> {
            long sentences = o.err().lines().filter(l -> l.startsWith("sealwatch:")).count();
            List<String> left = siblings(out);
            if (sentences != 1 || !o.err().contains("interrupted")) {
                return "not one sentence saying it was interrupted: " + o.err();
            }
            return left.equals(List.of(".nightly.lock")) ? null : "left beside --out: " + left;
        });
    }

    private static void awaitClaim(Process p, Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!FaultKit.claimed(out, p.pid())) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the run never started working (alive: " + p.isAlive() + ")");
            }
            Thread.sleep(20);
        }
    }

    private static List<String> siblings(Path out) throws IOException {
        String prefix = "." + out.getFileName() + ".";
        try (var list = Files.list(out.getParent())) {
            return list.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        }
    }

    /** Whether process {@code pid} ignores signal {@code signo} (Linux: the SigIgn mask in /proc). */
    private static boolean ignores(long pid, int signo) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << (signo - 1))) != 0;
            }
        }
        return false;
    }
}
