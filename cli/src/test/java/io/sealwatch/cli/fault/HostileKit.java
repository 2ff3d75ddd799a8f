package io.sealwatch.cli.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.files.FileTrees;
import io.sealwatch.model.Severity;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The hostile-input suite's machinery. Every case runs the real command line in a JVM of its own,
 * inside a sandbox that looks like a user's machine — a home folder with {@code .ssh} and {@code .m2},
 * a working folder with the user's notes, the organisation's logs, a folder "outside" — and is judged
 * on three counts: a crash (no exit code of the tool, a stack trace without {@code -v}, a hang), a
 * contract break (an exit code the case does not allow, exit 1 without findings), and every file
 * touched outside {@code --out} and the lock and work folders beside it.
 */
final class HostileKit {
    /** A JVM stack trace line, or the JVM's own report of an uncaught exception. */
    private static final Pattern TRACE = Pattern.compile("(?m)^\\s+at [\\w.$/]+\\(|^Exception in thread |^Caused by: ");
    private static final long TIMEOUT_SECONDS = 300;
    private static Path signedDemo;

    private HostileKit() {
    }

    /** What one case needs to start the tool. */
    record Launch(List<String> args, List<String> jvmArgs, Path out) {
        Launch(List<String> args, Path out) {
            this(args, List.of(), out);
        }
    }

    /** What the tool did. */
    record Outcome(int exit, String err, boolean timedOut) {
    }

    /** How a case ended on the suite's three counts; the strings name what went wrong. */
    record Verdict(String crash, String contractBreak, List<String> touched) {
        boolean clean() {
            return crash == null && contractBreak == null && touched.isEmpty();
        }
    }

    /** One case's machine: see the class comment. */
    static final class Sandbox {
        final Path root;
        final Path home;
        final Path work;
        final Path org;
        final Path outside;
        final Path tmp;

        Sandbox(Path root) throws IOException {
            this.root = root;
            home = Files.createDirectories(root.resolve("home"));
            work = Files.createDirectories(root.resolve("work"));
            org = Files.createDirectories(root.resolve("org"));
            outside = Files.createDirectories(root.resolve("outside"));
            tmp = Files.createDirectories(root.resolve("tmp"));
            write(home.resolve(".ssh/id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\nnot a real key\n");
            write(home.resolve(".m2/settings.xml"), "<settings/>\n");
            write(home.resolve(".bashrc"), "export PATH=$PATH\n");
            write(work.resolve("notes.txt"), "the user's own notes\n");
            write(work.resolve("logs/app.log"), "the user's own log\n");
            write(outside.resolve("sentinel.txt"), "must never change\n");
        }

        /** A small healthy organisation: one break-glass login without approval (a critical finding). */
        Path healthyOrg() throws IOException {
            Path config = FaultKit.config(org, "");
            FaultKit.lines(org.resolve("logs/ct/login.json"), List.of(FaultKit.cloudTrail("ct-1",
                    "2026-08-14T03:12:09Z", "ConsoleLogin", FaultKit.ARN)));
            FaultKit.lines(org.resolve("logs/okta/other.json"), List.of(FaultKit.okta("okta-1",
                    "2026-08-14T03:00:00Z", "user.session.start", "dave@example.com")));
            write(org.resolve("logs/vault/audit.log"), "{\"time\":\"2026-08-14T03:00:00Z\",\"type\":\"request\","
                    + "\"auth\":{\"display_name\":\"userpass-dave\"},\"request\":{\"operation\":\"read\","
                    + "\"path\":\"secret/data/other\"}}\n");
            write(org.resolve("logs/evidence/drills.csv"), "time,kind,account,actor,incident,recipient,credential,detail\n"
                    + "2026-09-01T10:00:00Z,drill,aws-root-breakglass,alice@example.com,,,,quarterly drill\n");
            return config;
        }

        /** {@code run} over 2026-Q3, unsigned, into {@code out}. */
        Launch run(Path config, Path out, String... extra) {
            List<String> args = new ArrayList<>(List.of("run", "-c", config.toString(), "--from", "2026-07-01",
                    "--to", "2026-10-01", "--out", out.toString(), "--no-sign"));
            args.addAll(List.of(extra));
            return new Launch(args, out);
        }

        /** A copy, at {@code to}, of a signed bundle the demo wrote with its throw-away key (made once per suite). */
        Path signedBundle(Path to) throws Exception {
            FileTrees.copy(signedDemo(this), to);
            return to;
        }

        /** The tool as users start it: the application's own logging configuration, not the tests'. */
        Process start(Launch launch, Path log) throws IOException {
            List<String> jvm = new ArrayList<>(List.of("-Xmx1g", "-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp,
                    "-Dlog4j2.configurationFile=log4j2.properties"));
            jvm.addAll(launch.jvmArgs());
            ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(System.getProperty("java.class.path"), jvm,
                    launch.args())).directory(work.toFile());
            pb.environment().put("HOME", home.toString());
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            return pb.start();
        }

        Outcome await(Process p, Path log) throws IOException, InterruptedException {
            boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly().waitFor();
            }
            return new Outcome(done ? p.exitValue() : -1, Files.readString(log), !done);
        }
    }

    private static synchronized Path signedDemo(Sandbox box) throws Exception {
        if (signedDemo == null) {
            Path made = box.root.getParent().getParent().getParent().resolve("signed-demo");
            Path log = made.resolveSibling("signed-demo.log");
            Outcome o = box.await(box.start(new Launch(List.of("demo", "--out", made.toString()), made), log), log);
            if (o.exit() != 1) {
                throw new AssertionError("the demo exited " + o.exit() + ":\n" + o.err());
            }
            signedDemo = made;
        }
        return signedDemo;
    }

    /** Judges an outcome: crash, contract break (the case's own check included), files touched. */
    static Verdict judge(Sandbox box, Launch launch, Outcome o, Set<Integer> allowed, String caseProblem,
                         Map<String, String> before) throws IOException {
        String crash = null;
        if (o.timedOut()) {
            crash = "no answer in " + TIMEOUT_SECONDS + " s (killed)";
        } else if (o.exit() < 0 || o.exit() > 4) {
            crash = "exit " + o.exit() + " is not one of the tool's exit codes";
        } else if (TRACE.matcher(o.err()).find() && !launch.args().contains("-v")) {
            crash = "a stack trace without -v";
        }
        String broken = null;
        if (crash == null && !allowed.contains(o.exit())) {
            broken = "exit " + o.exit() + ", allowed " + allowed;
        } else if (crash == null && o.exit() == 1 && !hasFailingFinding(launch.out())) {
            broken = "exit 1 without a finding at or above critical in " + launch.out();
        } else if (crash == null && (o.exit() == 2 || o.exit() == 3) && o.err().isBlank()) {
            broken = "exit " + o.exit() + " without a sentence saying why";
        } else if (crash == null) {
            broken = caseProblem;
        }
        return new Verdict(crash, broken, changes(before, snapshot(box, launch.out())));
    }

    private static boolean hasFailingFinding(Path out) throws IOException {
        if (out == null || !Files.isRegularFile(out.resolve("findings.json"))) {
            return false;
        }
        for (JsonNode f : FaultKit.json(out.resolve("findings.json"))) {
            if (!f.get("accepted").asBoolean() && Severity.fromWire(f.get("severity").asText()).atLeast(Severity.CRITICAL)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every entry of the sandbox, without following links: type, size, time and content hash. Left out:
     * the JVM's temporary folder, {@code out}, its parent folders (created when missing) and its hidden
     * siblings ({@code .<out>.lock}, {@code .tmp-*} …).
     */
    static Map<String, String> snapshot(Sandbox box, Path out) throws IOException {
        Path target = out == null ? null : box.work.resolve(out).toAbsolutePath().normalize();
        Map<String, String> entries = new TreeMap<>();
        try (var walk = Files.walk(box.root)) {
            for (Path p : walk.toList()) {
                if (p.startsWith(box.tmp) || isOutput(p, target)) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                // a folder's time changes with its entries (the bundle appearing beside the user's files): not counted
                String kind = a.isSymbolicLink() ? "link:" + Files.readSymbolicLink(p)
                        : a.isDirectory() ? "dir" : a.isRegularFile() ? "file:" + a.size() + ":" + hash(p, a.size())
                        + ":" + a.lastModifiedTime().toMillis() : "special";
                entries.put(box.root.relativize(p).toString(), kind);
            }
        }
        return entries;
    }

    private static boolean isOutput(Path p, Path target) {
        if (target == null) {
            return false;
        }
        if (target.startsWith(p) && !p.equals(target.getRoot())) {
            return true;   // out itself and the parent folders a run may create for it
        }
        if (p.startsWith(target)) {
            return true;
        }
        return Objects.equals(p.getParent(), target.getParent()) && target.getFileName() != null
                && p.getFileName().toString().startsWith("." + target.getFileName() + ".");
    }

    private static String hash(Path p, long size) throws IOException {
        if (size > (8 << 20)) {
            return "large";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> changes(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> changed = new ArrayList<>();
        for (String k : keys) {
            if (!Objects.equals(before.get(k), after.get(k))) {
                changed.add(k + (before.containsKey(k) ? after.containsKey(k) ? " (changed)" : " (removed)" : " (added)"));
            }
        }
        return changed;
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
