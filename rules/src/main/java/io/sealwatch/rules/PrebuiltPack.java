package io.sealwatch.rules;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Optional;

/**
 * The bundled rule pack compiled at build time: Drools' compiled packages (rules, constraints, the
 * consequences' bytecode) serialised into {@code rules/pack.bin} by {@link #main} in the build
 * ({@code process-classes}), and loaded by {@link RuleEngine#load} instead of parsing and compiling the
 * DRL at every start (seconds of mostly single-core work; loading takes a fraction of a second). The file
 * carries the hash of the sources it was compiled from: a pack whose DRL differs is ignored and compiled.
 * Extra rule folders ({@code --rules}) are compiled with the pack at run time, as before.
 */
public final class PrebuiltPack {
    static final String RESOURCE = RuleEngine.PACK_DIR + "pack.bin";

    private PrebuiltPack() {
    }

    /** Build step: compiles the bundled pack and writes it to {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        Files.createDirectories(target.getParent());
        RuleEngine pack = RuleEngine.compileFromSource();
        try (OutputStream file = Files.newOutputStream(target);
             ObjectOutputStream out = new DroolsObjectOutputStream(file)) {
            out.writeUTF(pack.packHash());
            out.writeObject(new ArrayList<>(pack.kieBase().getKiePackages()));
        }
    }

    /** The prebuilt pack if it is on the classpath and was compiled from sources with {@code hash}. */
    @SuppressWarnings("unchecked")
    static Optional<KieBase> load(String hash) {
        ClassLoader loader = PrebuiltPack.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            try (ObjectInputStream objects = new DroolsObjectInputStream(in, loader)) {
                if (!hash.equals(objects.readUTF())) {
                    return Optional.empty();   // built from other DRL (a stale build): compile instead
                }
                InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
                kieBase.addPackages((Collection<KiePackage>) objects.readObject());
                return Optional.of(kieBase);
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return Optional.empty();   // unreadable: compiling gives the same pack, only slower
        }
    }
}
