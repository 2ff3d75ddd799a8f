package io.sealwatch.cli.cluster;

import io.sealwatch.cli.Main;
import io.sealwatch.samples.ExampleCorp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Spark standalone master and worker on loopback, started from Maven's jars as separate
 * processes (STACK.md), and the job submitted to them with Spark's own {@code SparkSubmit}: the
 * findings must equal those of the embedded {@code local[*]} run.
 */
class StandaloneClusterTest {
    @TempDir
    static Path tmp;
    static Path sparkHome;
    static Path appJar;
    static String flags;
    static int port;
    static final List<Process> daemons = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        flags = jvmFlags();
        sparkHome = tmp.resolve("spark-home");
        Path jars = Files.createDirectories(sparkHome.resolve("jars"));
        Files.createFile(sparkHome.resolve("RELEASE"));
        List<Path> classDirs = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && !p.getFileName().toString().startsWith("sealwatch-")) {
                Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
            } else if (Files.isDirectory(p) && !entry.contains("test-classes")) {
                classDirs.add(p);
            } else if (entry.endsWith(".jar")) {
                classDirs.add(p);
            }
        }
        appJar = jarOf(classDirs, tmp.resolve("sealwatch-app.jar"));
        port = freePort();
        Path work = Files.createDirectories(tmp.resolve("worker"));
        daemons.add(daemon("master.log", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort())));
        waitFor(tmp.resolve("master.log"), "I have been elected leader");
        daemons.add(daemon("worker.log", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                "--cores", "2", "--memory", "2g", "--webui-port", String.valueOf(freePort()), "--work-dir",
                work.toString(), "spark://127.0.0.1:" + port));
        waitFor(tmp.resolve("worker.log"), "Successfully registered with master");
    }

    @AfterAll
    static void stopCluster() {
        daemons.forEach(Process::destroyForcibly);
    }

    @Test
    void theSameJarUnderSparkSubmitOnAStandaloneClusterGivesTheLocalFindings() throws Exception {
        Path inputs = Files.createDirectories(tmp.resolve("inputs"));
        Path config = ExampleCorp.extract(inputs);
        Path local = tmp.resolve("local");
        assertEquals(1, Main.execute("run", "-c", config.toString(), "--quarter", "2026-Q3", "--out",
                local.toString(), "--no-sign"));

        Path cluster = tmp.resolve("cluster");
        List<String> cmd = java("org.apache.spark.deploy.SparkSubmit", "--master", "spark://127.0.0.1:" + port,
                "--deploy-mode", "client", "--conf", "spark.executor.extraJavaOptions=" + flags,
                "--conf", "spark.executor.memory=1g", "--conf", "spark.ui.enabled=false",
                "--class", "io.sealwatch.cli.Main", appJar.toString(),
                "run", "-c", config.toString(), "--quarter", "2026-Q3", "--out", cluster.toString(), "--no-sign");
        Path log = tmp.resolve("submit.log");
        Process submit = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(submit.waitFor(5, TimeUnit.MINUTES), "spark-submit timed out");
        String out = Files.readString(log);
        assertEquals(1, submit.exitValue(), out);
        assertTrue(Files.readString(tmp.resolve("worker.log")).contains("Asked to launch executor"),
                "the worker must have launched an executor");
        for (String f : List.of("findings.json", "episodes.json")) {
            assertArrayEquals(Files.readAllBytes(local.resolve(f)), Files.readAllBytes(cluster.resolve(f)), f);
        }
    }

    private static Process daemon(String logName, String mainClass, String... args) throws IOException {
        List<String> cmd = java(mainClass, args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(logName).toFile()).start();
    }

    private static List<String> java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(flags.split(" ")));
        cmd.add("-Xmx1g");
        cmd.add("-cp");
        cmd.add(sparkHome.resolve("jars") + "/*");
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        return withEnv(cmd);
    }

    private static List<String> withEnv(List<String> cmd) {
        List<String> env = new ArrayList<>(List.of("env", "SPARK_HOME=" + sparkHome, "SPARK_SCALA_VERSION=2.13",
                "SPARK_LOCAL_IP=127.0.0.1"));
        env.addAll(cmd);
        return env;
    }

    private static void waitFor(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("'" + text + "' not seen in " + log + ":\n" + Files.readString(log));
    }

    private static Path jarOf(List<Path> entries, Path target) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target))) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    try (var walk = Files.walk(entry)) {
                        for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                            String name = entry.relativize(f).toString().replace('\\', '/');
                            if (seen.add(name)) {
                                jar.putNextEntry(new JarEntry(name));
                                Files.copy(f, jar);
                                jar.closeEntry();
                            }
                        }
                    }
                } else {
                    copyJar(entry, jar, seen);
                }
            }
        }
        return target;
    }

    private static void copyJar(Path source, JarOutputStream jar, java.util.Set<String> seen) throws IOException {
        try (var in = new java.util.jar.JarInputStream(Files.newInputStream(source))) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (!e.isDirectory() && seen.add(e.getName())) {
                    jar.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(jar);
                    jar.closeEntry();
                }
            }
        }
    }

    private static String jvmFlags() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("build.properties")) {
            p.load(in);
        }
        return p.getProperty("jvm.flags").trim();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
