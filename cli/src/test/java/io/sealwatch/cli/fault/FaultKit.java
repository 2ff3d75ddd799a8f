package io.sealwatch.cli.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.cli.Main;
import io.sealwatch.cli.job.Launch;
import io.sealwatch.cli.job.RunOptions;
import io.sealwatch.model.Period;
import io.sealwatch.model.Severity;
import io.sealwatch.reports.signing.KeyTool;
import io.sealwatch.reports.signing.SigningException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared helpers of the fault suite: a captured CLI run, the accounting check, a small organisation's config. */
final class FaultKit {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "aws-root-breakglass";
    static final String ARN = "arn:aws:iam::111122223333:user/breakglass-admin";
    static final String OKTA_ID = "breakglass@example.com";
    static final String SEALED = "secret/data/breakglass/aws/";

    /** Pipeline runs that threw out of {@code Main.execute} instead of returning an exit code. */
    static final AtomicLong CRASHES = new AtomicLong();

    private FaultKit() {
    }

    /** What one command printed and returned. */
    record Cli(int exit, String err, String out) {
    }

    /** Runs the real command line with stdout and stderr captured (and still shown). */
    static synchronized Cli cli(String... args) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new Tee(oldErr, err), true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new Tee(oldOut, out), true, StandardCharsets.UTF_8));
        try {
            int exit = Main.execute(args);
            return new Cli(exit, err.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        } catch (Throwable t) {
            CRASHES.incrementAndGet();
            throw t;
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }

    static Cli run(Path config, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "-c", config.toString(), "--from", "2026-07-01",
                "--to", "2026-10-01", "--out", out.toString(), "--no-sign"));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    /** Whether process {@code pid} has claimed {@code out}: its lock file beside it names that process. */
    static boolean claimed(Path out, long pid) throws IOException {
        Path lock = out.resolveSibling("." + out.getFileName() + ".lock");
        return Files.isRegularFile(lock) && Files.readString(lock).strip().equals(Long.toString(pid));
    }

    static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** run.json: read = normalised + notRelevant + quarantined + duplicates for every input file. */
    static void assertAccounted(JsonNode run) {
        assertTrue(run.get("inputs").size() > 0, "run.json lists its inputs");
        for (JsonNode in : run.get("inputs")) {
            assertEquals(in.get("read").asLong(), in.get("normalised").asLong() + in.get("notRelevant").asLong()
                    + in.get("quarantined").asLong() + in.get("duplicates").asLong(), "accounting of " + in);
        }
    }

    /** The run.json entry of the input whose path ends with {@code name}. */
    static JsonNode input(JsonNode run, String name) {
        for (JsonNode in : run.get("inputs")) {
            if (in.get("path").asText().endsWith(name)) {
                return in;
            }
        }
        throw new AssertionError("no input " + name + " in " + run.get("inputs"));
    }

    /** Every quarantine entry of the bundle, each checked to name its file, record and reason. */
    static List<JsonNode> quarantine(Path bundle) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        Path dir = bundle.resolve("quarantine");
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    JsonNode q = JSON.readTree(line);
                    assertNotNull(q.get("file"), line);
                    assertTrue(q.get("record").asLong() >= 1, "record/line number: " + line);
                    assertTrue(!q.get("reason").asText().isBlank(), "reason: " + line);
                    out.add(q);
                }
            }
        }
        return out;
    }

    /** A config for one break-glass account seen in CloudTrail, Okta and Vault, plus evidence. */
    static Path config(Path dir, String extra) throws IOException {
        for (String d : List.of("logs/ct", "logs/okta", "logs/vault", "logs/evidence")) {
            Files.createDirectories(dir.resolve(d));
        }
        String yaml = """
                organization: Fault Corp
                timezone: UTC
                sources:
                  - { type: aws-cloudtrail,  path: "logs/ct/*" }
                  - { type: okta-system-log, path: "logs/okta/*" }
                  - { type: vault-audit,     path: "logs/vault/*" }
                  - { type: evidence,        path: "logs/evidence/*" }
                accounts:
                  - id: %s
                    identities:
                      - { source: aws-cloudtrail,  match: "%s" }
                      - { source: okta-system-log, match: "%s" }
                    sealed-secrets:
                      - { source: vault-audit, match: "%s*" }
                    credentials: [password, mfa, access-key]
                    custodians: [alice@example.com, bob@example.com, carol@example.com]
                    quorum: 2
                    max-session: PT4H
                approvers: [ciso@example.com]
                """.formatted(ACCOUNT, ARN, OKTA_ID, SEALED) + extra;
        Path config = dir.resolve("sealwatch.yaml");
        Files.writeString(config, yaml);
        return config;
    }

    /**
     * {@link #config} with a signing section whose key store is made here with {@code keystorePassword}, while
     * {@code passwordEnv} stays unset: both signed-run fault tests hand the password in themselves.
     */
    static Path signedConfig(Path dir, String passwordEnv, String keystorePassword) throws IOException, SigningException {
        Path config = config(dir, """
                signing:
                  keystore: keys/sealwatch.p12
                  password-env: %s
                  alias: sealwatch
                """.formatted(passwordEnv));
        KeyTool.init(dir.resolve("keys"), keystorePassword.toCharArray());
        return config;
    }

    /** A signed run of the quarter 2026-Q3 in-process, failing on critical findings, with the given key store password. */
    static int runSignedQ3(Path config, Path bundle, String password, PrintStream err) {
        return Launch.run(new RunOptions(config, new Period(Instant.parse("2026-07-01T00:00:00Z"),
                Instant.parse("2026-10-01T00:00:00Z")), bundle, null, Severity.CRITICAL, true,
                password.toCharArray(), List.of()), err);
    }

    /** A CloudTrail record as one JSON line, by the break-glass user unless {@code arn} says otherwise. */
    static ObjectNode cloudTrail(String id, String time, String eventName, String arn) {
        ObjectNode r = JSON.createObjectNode();
        r.put("eventVersion", "1.08");
        r.put("eventTime", time);
        r.put("eventSource", "signin.amazonaws.com");
        r.put("eventName", eventName);
        r.put("awsRegion", "us-east-1");
        r.put("sourceIPAddress", "198.51.100.7");
        r.put("eventID", id);
        r.put("recipientAccountId", "111122223333");
        ObjectNode who = r.putObject("userIdentity");
        who.put("type", "IAMUser");
        who.put("accountId", "111122223333");
        who.put("arn", arn);
        who.put("userName", arn.substring(arn.lastIndexOf('/') + 1));
        return r;
    }

    static ObjectNode okta(String uuid, String published, String eventType, String actor) {
        ObjectNode r = JSON.createObjectNode();
        r.put("uuid", uuid);
        r.put("published", published);
        r.put("eventType", eventType);
        ObjectNode a = r.putObject("actor");
        a.put("type", "User");
        a.put("alternateId", actor);
        r.putObject("outcome").put("result", "SUCCESS");
        return r;
    }

    static void lines(Path file, List<?> records) throws IOException {
        StringBuilder sb = new StringBuilder();
        records.forEach(r -> sb.append(r).append('\n'));
        Files.writeString(file, sb.toString());
    }

    /** Copies to the real stream and to a buffer. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] x, int off, int len) throws IOException {
            a.write(x, off, len);
            b.write(x, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
