package io.sealwatch.cli.objectstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealwatch.cli.Main;
import io.sealwatch.engine.spark.Sparks;
import io.sealwatch.samples.ExampleCorp;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inputs read from, and the bundle written to, a real S3 API server on loopback (S3Proxy, in-memory store)
 * through {@code s3a://} and hadoop-aws: the same findings and episodes as from local files; and a
 * {@code --state} kept there, which the next run reuses.
 */
class ObjectStoreRoundTripTest {
    private static final String BUCKET = "sealwatch";
    private static final String KEY = "access";
    private static final String SECRET = "secret-key-for-the-loopback-server";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Process server;

    @TempDir
    static Path tmp;

    /**
     * S3Proxy runs in its own JVM from its published all-in-one jar (copied by the build into
     * target/s3proxy): it is built on Jetty 11, the status page on Jetty 12, and the two cannot share a
     * class path. Its file-system store keeps each bucket as a folder.
     */
    @BeforeAll
    static void startServer() throws Exception {
        Path blobs = Files.createDirectories(tmp.resolve("s3-store/" + BUCKET));
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path properties = tmp.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + KEY,
                "s3proxy.credential=" + SECRET,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + blobs.getParent(),
                "jclouds.identity=" + KEY,
                "jclouds.credential=" + SECRET) + "\n");
        Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        assertTrue(Files.isRegularFile(jar), "S3Proxy's jar is copied by the build (mvn test-compile): " + jar);
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", jar.toString(), "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("s3proxy.log").toFile()).start();
        awaitListening(port);
        // the settings docs/deploying.md gives, on the session every run of this JVM shares
        Configuration hadoop = Sparks.session(null, null).sparkContext().hadoopConfiguration();
        hadoop.set("fs.s3a.endpoint", "http://127.0.0.1:" + port);
        hadoop.set("fs.s3a.endpoint.region", "us-east-1");
        hadoop.set("fs.s3a.path.style.access", "true");
        hadoop.set("fs.s3a.connection.ssl.enabled", "false");
        hadoop.set("fs.s3a.access.key", KEY);
        hadoop.set("fs.s3a.secret.key", SECRET);
    }

    private static void awaitListening(int port) throws Exception {
        for (int i = 0; i < 1200; i++) {
            if (!server.isAlive()) {
                throw new AssertionError("S3Proxy exited: " + Files.readString(tmp.resolve("s3proxy.log")));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("S3Proxy did not listen on port " + port + ": "
                + Files.readString(tmp.resolve("s3proxy.log")));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    private static FileSystem s3() throws IOException {
        return FileSystem.get(URI.create("s3a://" + BUCKET + "/"), Sparks.session(null, null).sparkContext()
                .hadoopConfiguration());
    }

    private static int run(Path config, String out) {
        return Main.execute("run", "-c", config.toString(), "--from", ExampleCorp.FROM.toString(), "--to",
                ExampleCorp.TO.toString(), "--no-sign", "--out", out);
    }

    @Test
    void aBundleFromInputsInS3WrittenToS3HasTheFindingsOfALocalRun() throws Exception {
        Path local = ExampleCorp.extract(tmp.resolve("local"));
        FileSystem s3 = s3();
        s3.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.getParent().resolve("logs").toUri()),
                new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/example/logs"));
        Path remoteConfig = tmp.resolve("remote/sealwatch.yaml");
        Files.createDirectories(remoteConfig.getParent());
        Files.writeString(remoteConfig, Files.readString(local).replace("path: \"logs/",
                "path: \"s3a://" + BUCKET + "/example/logs/"));

        int localExit = run(local, tmp.resolve("local-out").toString());
        int remoteExit = run(remoteConfig, "s3a://" + BUCKET + "/bundles/q3");

        assertEquals(1, localExit, "Example Corp has critical findings");
        assertEquals(localExit, remoteExit);
        Path localOut = tmp.resolve("local-out");
        assertEquals(listing(localOut), remoteListing(s3, "bundles/q3"), "the same artifacts");
        assertEquals(Files.readString(localOut.resolve("episodes.json")), remote(s3, "bundles/q3/episodes.json"));
        // evidence names its file as configured: relative to the config's folder here, the URI there
        assertEquals(Files.readString(localOut.resolve("findings.json")).replace("\"file\" : \"logs/", "FILE"),
                remote(s3, "bundles/q3/findings.json").replace("\"file\" : \"s3a://" + BUCKET + "/example/logs/",
                        "FILE"));
        JsonNode localRun = JSON.readTree(localOut.resolve("run.json").toFile());
        JsonNode remoteRun = JSON.readTree(remote(s3, "bundles/q3/run.json"));
        assertEquals(localRun.get("inputs").size(), remoteRun.get("inputs").size(), "every input file read");
        for (int i = 0; i < localRun.get("inputs").size(); i++) {
            assertEquals(localRun.get("inputs").get(i).get("sha256"), remoteRun.get("inputs").get(i).get("sha256"));
        }
        assertTrue(remote(s3, "bundles/q3/manifest.json").contains("findings.json"));

        // --out refuses a URI that holds other files, and touches nothing there
        Set<String> before = remoteListing(s3, "example/logs");
        assertEquals(2, run(remoteConfig, "s3a://" + BUCKET + "/example/logs"));
        assertEquals(before, remoteListing(s3, "example/logs"));
        assertFalse(s3.exists(new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/example/logs/manifest.json")));

        // a bundle with a file of someone else's beside it is not ours to replace: refused, nothing touched
        org.apache.hadoop.fs.Path notes = new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/bundles/q3/notes.txt");
        try (var out = s3.create(notes)) {
            out.write("the auditor's notes".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Set<String> bundle = remoteListing(s3, "bundles/q3");
        assertEquals(2, run(remoteConfig, "s3a://" + BUCKET + "/bundles/q3"));
        assertEquals(bundle, remoteListing(s3, "bundles/q3"));
        assertEquals("the auditor's notes", remote(s3, "bundles/q3/notes.txt"));
    }

    @Test
    void aStateInS3IsReusedByTheNextRunWithTheSameFindings() throws Exception {
        Path config = ExampleCorp.extract(tmp.resolve("nightly"));
        String state = "s3a://" + BUCKET + "/state/nightly";
        FileSystem s3 = s3();

        Captured first = runWithState(config, tmp.resolve("night-1"), state);
        assertEquals(1, first.exit(), first.stderr());
        assertTrue(remoteListing(s3, "state/nightly").containsAll(Set.of("index.json", "scans.bin")),
                "the state is copied back: " + remoteListing(s3, "state/nightly"));
        Captured second = runWithState(config, tmp.resolve("night-2"), state);
        assertEquals(1, second.exit(), second.stderr());

        java.util.regex.Matcher files = java.util.regex.Pattern.compile("INGEST +(\\d+) files \\((\\d+) unchanged\\)")
                .matcher(second.stderr());
        assertTrue(files.find(), "the second run reuses the remote state: " + second.stderr());
        assertEquals(files.group(1), files.group(2), "no file is read again: " + files.group());
        assertFalse(first.stderr().contains("unchanged"), "the first run found no state: " + first.stderr());
        assertEquals(Files.readString(tmp.resolve("night-1/findings.json")),
                Files.readString(tmp.resolve("night-2/findings.json")));
        assertEquals(Files.readString(tmp.resolve("night-1/episodes.json")),
                Files.readString(tmp.resolve("night-2/episodes.json")));

        // a run that fails (an input cut short: exit 3) leaves the remote state as it was, though it read a new file
        Path gcp = config.getParent().resolve("logs/gcp");
        Files.copy(gcp.resolve("cloudaudit-2026-07.json.gz"), gcp.resolve("cloudaudit-2026-07-again.json.gz"));
        byte[] whole = Files.readAllBytes(gcp.resolve("cloudaudit-2026-08.json.gz"));
        Files.write(gcp.resolve("cloudaudit-cut.json.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        String index = remote(s3, "state/nightly/index.json");
        Captured failed = runWithState(config, tmp.resolve("night-3"), state);
        assertEquals(3, failed.exit(), failed.stderr());
        assertEquals(index, remote(s3, "state/nightly/index.json"), "a failed run's state is not copied back");
        Files.delete(gcp.resolve("cloudaudit-cut.json.gz"));
        Captured fixed = runWithState(config, tmp.resolve("night-4"), state);
        assertEquals(1, fixed.exit(), fixed.stderr());
        assertTrue(remote(s3, "state/nightly/index.json").contains("cloudaudit-2026-07-again.json.gz"),
                "a run that made its bundle copies its state back");

        // --state refuses a URI that holds other files, and touches nothing there
        s3.copyFromLocalFile(new org.apache.hadoop.fs.Path(config.toUri()),
                new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/not-state/sealwatch.yaml"));
        Set<String> before = remoteListing(s3, "not-state");
        Captured refused = runWithState(config, tmp.resolve("night-5"), "s3a://" + BUCKET + "/not-state");
        assertEquals(2, refused.exit(), refused.stderr());
        assertTrue(refused.stderr().contains("not Sealwatch state"), refused.stderr());
        assertEquals(before, remoteListing(s3, "not-state"));
    }

    private record Captured(int exit, String stderr) {
    }

    private static Captured runWithState(Path config, Path out, String state) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.execute("run", "-c", config.toString(), "--from", ExampleCorp.FROM.toString(), "--to",
                    ExampleCorp.TO.toString(), "--no-sign", "--out", out.toString(), "--state", state);
            return new Captured(exit, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
            System.err.print(buffer.toString(StandardCharsets.UTF_8));
        }
    }

    private static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            Set<String> out = new TreeSet<>();
            walk.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString()));
            return out;
        }
    }

    private static Set<String> remoteListing(FileSystem s3, String dir) throws IOException {
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/" + dir);
        List<String> out = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = s3.listFiles(root, true);
        String prefix = root.toString() + "/";
        while (it.hasNext()) {
            out.add(it.next().getPath().toString().substring(prefix.length()));
        }
        return new TreeSet<>(out);
    }

    private static String remote(FileSystem s3, String file) throws IOException {
        try (InputStream in = s3.open(new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/" + file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
