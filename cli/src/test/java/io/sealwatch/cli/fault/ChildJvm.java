package io.sealwatch.cli.fault;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The real application in a JVM of its own, as a user starts it: the test classpath and the launcher's flags. */
final class ChildJvm {
    private ChildJvm() {
    }

    /** {@code java <jvmArgs> <launcher flags> -cp <classpath> io.sealwatch.cli.Main <args>}. */
    static List<String> command(String classpath, List<String> jvmArgs, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        for (String flag : jvmFlags().trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                cmd.add(flag);
            }
        }
        cmd.addAll(List.of("-cp", application(classpath), "io.sealwatch.cli.Main"));
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Without the object-store test's connector (hadoop-aws and the 600 MB AWS SDK bundle): they are no part of the application, and a child with a small heap (-Xmx64m) cannot even open
     * the bundle's jar index when the JVM scans the class path for services.
     */
    private static String application(String classpath) {
        List<String> kept = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            String e = entry.replace('\\', '/');
            if (!e.contains("/software/amazon/") && !e.contains("/hadoop-aws/")) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    /**
     * The test classpath with the project's own entries (class folders, io.sealwatch jars) copied
     * aside, as an installed application would be: a rebuild of the work tree while the child runs
     * must not change the classes it loads.
     */
    static String installed(Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p) || entry.contains("/io/sealwatch/")) {
                Path copy = dir.resolve(String.valueOf(n++)).resolve(p.getFileName().toString());
                try (var walk = Files.walk(p)) {
                    for (Path f : walk.toList()) {
                        Path target = copy.resolve(p.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(target);
                        } else {
                            Files.createDirectories(target.getParent());
                            Files.copy(f, target);
                        }
                    }
                }
                entries.add(copy.toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The JVM flags the launcher passes (Spark's add-opens), from the build. */
    static String jvmFlags() throws IOException {
        String flags = System.getProperty("sealwatch.jvm.flags");
        if (flags != null && !flags.isBlank()) {
            return flags;
        }
        Properties p = new Properties();
        try (InputStream in = ChildJvm.class.getResourceAsStream("/io/sealwatch/cli/build.properties")) {
            assertNotNull(in, "build.properties");
            p.load(in);
        }
        return p.getProperty("jvm.flags", "");
    }
}
