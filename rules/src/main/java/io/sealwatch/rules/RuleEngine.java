package io.sealwatch.rules;

import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.model.Waiver;
import io.sealwatch.model.Finding;
import io.sealwatch.model.Severity;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rule pack, compiled once: the bundled {@code .drl} files (listed in {@code rules/index.txt}, no
 * classpath scanning) plus the user's own. Thread-safe; every {@link #evaluate} runs in a fresh session.
 */
public final class RuleEngine {

    /** The classpath folder of the bundled pack and its index (one file name a line). */
    static final String PACK_DIR = "rules/";
    static final String INDEX = PACK_DIR + "index.txt";

    /** Each build gets its own release id, so engines built side by side never share a module. */
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Comparator<Finding> ORDER = Finding.ORDER
            .thenComparing(f -> f.evidence().toString());

    private final KieBase kieBase;
    private final List<RuleMeta> rules;
    private final Map<String, RuleMeta> byRule;
    private final String packHash;

    private RuleEngine(KieBase kieBase, List<RuleMeta> rules, Map<String, RuleMeta> byRule, String packHash) {
        this.kieBase = kieBase;
        this.rules = rules;
        this.byRule = byRule;
        this.packHash = packHash;
    }

    /** One {@code .drl}: where it came from (shown in errors and {@link RuleMeta#file()}) and its text. */
    private record Source(String file, String text) {
    }

    /**
     * Compiles the bundled pack and every {@code .drl} under each of {@code extraRuleDirs}.
     *
     * @throws RuleCompileException naming the file and line of the first error, a rule without its
     *                              required metadata, or a rule id used twice
     */
    public static RuleEngine load(List<Path> extraRuleDirs) throws RuleCompileException {
        List<Source> sources = new ArrayList<>(bundled());
        for (Path dir : extraRuleDirs) {
            sources.addAll(fromDir(dir));
        }
        Optional<KieBase> prebuilt = extraRuleDirs.isEmpty() ? PrebuiltPack.load(hash(sources)) : Optional.empty();
        return of(prebuilt.isPresent() ? prebuilt.get() : compile(sources), sources);
    }

    /** The bundled pack compiled from its DRL, never the prebuilt one (the build step, and tests comparing both). */
    static RuleEngine compileFromSource() throws RuleCompileException {
        List<Source> sources = bundled();
        return of(compile(sources), sources);
    }

    /** The compiled packages, for {@link PrebuiltPack}. */
    KieBase kieBase() {
        return kieBase;
    }

    private static RuleEngine of(KieBase kieBase, List<Source> sources) throws RuleCompileException {
        Map<String, RuleMeta> byRule = new HashMap<>();
        Map<String, RuleMeta> byId = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Source source = sourceOf(rule, sources);
                RuleMeta meta = meta(rule, source);
                RuleMeta clash = byId.putIfAbsent(meta.id(), meta);
                if (clash != null) {
                    throw new RuleCompileException(source.file(), lineOf(source, rule.getName()),
                            "rule id " + meta.id() + " is already defined in " + clash.file());
                }
                byRule.put(key(rule), meta);
            }
        }
        List<RuleMeta> rules = byId.values().stream().sorted(Comparator.comparing(RuleMeta::id)).toList();
        return new RuleEngine(kieBase, rules, Map.copyOf(byRule), hash(sources));
    }

    /** Every rule's metadata, sorted by id. */
    public List<RuleMeta> rules() {
        return rules;
    }

    public Optional<RuleMeta> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** SHA-256 (hex) over the rule sources, by file name: identifies the pack a run was judged by. */
    public String packHash() {
        return packHash;
    }

    /**
     * Runs every rule over the facts in a fresh session, then applies the config's waivers as of the
     * period end. Only the findings whose decision time lies in the period come back (standing
     * conditions: those assessed at its end), deduplicated, in {@link Finding#ORDER}.
     */
    public Evaluation evaluate(Facts facts) {
        Emitter out = new Emitter(byRule, facts.period());
        KieSession session = kieBase.newKieSession();
        try {
            session.setGlobal("out", out);
            SealwatchConfig config = facts.config();
            session.insert(config);
            session.insert(config.policy());
            session.insert(facts.period());
            Stream.of(config.accounts(), facts.episodes(), facts.approvals(), facts.custody(),
                            facts.notifications(), facts.authentications(), facts.rotations(),
                            facts.persistentAccess(), facts.programEvents(), facts.gaps(), facts.changes(),
                            facts.changeApprovals(), facts.sealReleases())
                    .flatMap(List::stream)
                    .forEach(session::insert);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return applyWaivers(out.findings(), facts.config().waivers(), facts.period().asOf());
    }

    /**
     * Marks findings accepted by a waiver still valid at {@code asOf} (the first matching one, in config
     * order); expired waivers apply to nothing; valid waivers that matched nothing are reported unused.
     */
    static Evaluation applyWaivers(List<Finding> raw, List<Waiver> waivers, Instant asOf) {
        List<Waiver> valid = waivers.stream().filter(w -> asOf.isBefore(w.until())).toList();
        List<Waiver> expired = waivers.stream().filter(w -> !asOf.isBefore(w.until())).toList();
        Set<Waiver> used = new HashSet<>();
        List<Finding> findings = raw.stream().distinct().map(f -> valid.stream()
                        .filter(w -> w.appliesTo(f.rule(), f.account(), f.source(), asOf)).findFirst()
                        .map(w -> {
                            used.add(w);
                            return f.withWaiver(w);
                        }).orElse(f))
                .sorted(ORDER).toList();
        List<Waiver> unused = valid.stream().filter(w -> !used.contains(w)).toList();
        return new Evaluation(findings, unused, expired);
    }

    /** How the emitter finds a firing rule's metadata. */
    static String key(Rule rule) {
        return rule.getPackageName() + "/" + rule.getName();
    }

    private static List<Source> bundled() throws RuleCompileException {
        List<Source> out = new ArrayList<>();
        for (String line : resource(INDEX).split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                out.add(new Source(PACK_DIR + name, resource(PACK_DIR + name)));
            }
        }
        return out;
    }

    private static String resource(String name) throws RuleCompileException {
        try (InputStream in = RuleEngine.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new RuleCompileException(name, 0, "bundled rule resource is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleCompileException(name, 0, "cannot read: " + e.getMessage());
        }
    }

    private static List<Source> fromDir(Path dir) throws RuleCompileException {
        if (!Files.isDirectory(dir)) {
            throw new RuleCompileException(dir.toString(), 0, "rules folder does not exist or is not a folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new RuleCompileException(dir.toString(), 0, "cannot list rules folder: " + e.getMessage());
        }
        List<Source> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(new Source(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new RuleCompileException(f.toString(), 0, "cannot read: " + e.getMessage());
            }
        }
        return out;
    }

    private static KieBase compile(List<Source> sources) throws RuleCompileException {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        for (int i = 0; i < sources.size(); i++) {
            kfs.write(ks.getResources().newByteArrayResource(sources.get(i).text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(kiePath(i)).setResourceType(ResourceType.DRL));
        }
        ReleaseId releaseId = ks.newReleaseId("io.sealwatch", "rule-pack-" + BUILDS.incrementAndGet(), "1.0");
        kfs.generateAndWritePomXML(releaseId);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        Optional<Message> error = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .filter(m -> m.getLine() > 0).findFirst()
                .or(() -> builder.getResults().getMessages(Message.Level.ERROR).stream().findFirst());
        if (error.isPresent()) {
            Message m = error.get();
            throw new RuleCompileException(fileOf(m.getPath(), sources), m.getLine(), m.getText().strip());
        }
        try {
            return ks.newKieContainer(releaseId).getKieBase();
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    /** Sources are written under synthetic unique paths (two user folders may both hold a {@code x.drl}). */
    private static String kiePath(int index) {
        return "sealwatch/drl" + index + ".drl";
    }

    private static final Pattern KIE_PATH = Pattern.compile("sealwatch/drl(\\d+)\\.drl$");

    private static String fileOf(String kiePath, List<Source> sources) {
        Matcher m = KIE_PATH.matcher(kiePath == null ? "" : kiePath);
        return m.find() ? sources.get(Integer.parseInt(m.group(1))).file() : String.valueOf(kiePath);
    }

    private static Source sourceOf(Rule rule, List<Source> sources) {
        String path = ((RuleImpl) rule).getResource().getSourcePath();
        Matcher m = KIE_PATH.matcher(path == null ? "" : path);
        if (!m.find()) {
            throw new IllegalStateException("rule " + rule.getName() + " has no known source: " + path);
        }
        return sources.get(Integer.parseInt(m.group(1)));
    }

    private static RuleMeta meta(Rule rule, Source source) throws RuleCompileException {
        Map<String, Object> md = rule.getMetaData();
        int line = lineOf(source, rule.getName());
        for (String required : List.of("id", "severity", "message")) {
            if (text(md, required).isEmpty()) {
                throw new RuleCompileException(source.file(), line,
                        "rule \"" + rule.getName() + "\" lacks its @" + required + " annotation");
            }
        }
        Severity severity;
        try {
            severity = Severity.fromWire(text(md, "severity"));
        } catch (IllegalArgumentException e) {
            throw new RuleCompileException(source.file(), line, "rule \"" + rule.getName() + "\" has @severity \""
                    + text(md, "severity") + "\"; expected one of critical, high, medium, low, info");
        }
        List<String> controls = Arrays.stream(text(md, "controls").split(";"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new RuleMeta(text(md, "id"), severity, text(md, "title"), text(md, "since"), text(md, "rationale"),
                text(md, "message"), controls, text(md, "example"), source.file());
    }

    private static String text(Map<String, Object> md, String key) {
        Object v = md.get(key);
        return v == null ? "" : v.toString().strip();
    }

    /** The line of {@code rule "name"} in the source, for messages about a rule as a whole. */
    private static int lineOf(Source source, String ruleName) {
        Pattern p = Pattern.compile("^\\s*rule\\s+\"?" + Pattern.quote(ruleName) + "\"?(\\s|$)");
        String[] lines = source.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (p.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String hash(List<Source> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sources.stream()
                    .sorted(Comparator.comparing((Source s) -> Path.of(s.file()).getFileName().toString())
                            .thenComparing(Source::text))
                    .forEach(s -> {
                        sha.update(Path.of(s.file()).getFileName().toString().getBytes(StandardCharsets.UTF_8));
                        sha.update((byte) 0);
                        sha.update(s.text().getBytes(StandardCharsets.UTF_8));
                        sha.update((byte) 0);
                    });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
