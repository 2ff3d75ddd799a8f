package io.sealwatch.samples.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorTest {
    private static final long EVENTS = 20_000;
    private static final int DAYS = 7;
    private static final JsonFactory JSON = new JsonFactory();
    private static final List<String> ALL_RULES = List.of("BG-APPROVAL-MISSING", "BG-APPROVAL-LATE",
            "BG-APPROVER-UNAUTHORIZED", "BG-SELF-APPROVAL", "BG-NO-INCIDENT", "BG-QUORUM-NOT-MET",
            "BG-CUSTODIAN-UNKNOWN", "BG-MFA-WEAK", "BG-SSO-DEPENDENT", "BG-TTL-EXCEEDED", "BG-NOTIFY-MISSING",
            "BG-NOTIFY-LATE", "BG-ROTATION-INCOMPLETE", "BG-ROTATION-LATE", "BG-STANDING-ACCESS", "BG-FAILED-LOGIN",
            "BG-DRILL-OVERDUE", "BG-REVIEW-OVERDUE", "BG-LOG-GAP", "BG-ACCOUNT-CHANGED", "BG-SEAL-BROKEN");

    @TempDir
    static Path dir;
    static Generator.Summary first;

    @BeforeAll
    static void generate() throws IOException {
        first = Generator.generate(new GeneratorOptions(dir.resolve("a"), EVENTS, DAYS, 7, null));
    }

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() throws IOException {
        Generator.generate(new GeneratorOptions(dir.resolve("b"), EVENTS, DAYS, 7, null));
        Generator.generate(new GeneratorOptions(dir.resolve("c"), EVENTS, DAYS, 8, null));
        TreeMap<String, byte[]> a = contents(dir.resolve("a"));
        TreeMap<String, byte[]> b = contents(dir.resolve("b"));
        TreeMap<String, byte[]> c = contents(dir.resolve("c"));
        assertEquals(a.keySet(), b.keySet());
        for (String file : a.keySet()) {
            assertArrayEquals(a.get(file), b.get(file), file);
        }
        assertNotEquals(a.keySet(), c.keySet(), "CloudTrail file names carry seeded random suffixes");
        long same = a.keySet().stream().filter(f -> c.containsKey(f) && f.startsWith("logs/")
                && Arrays.equals(a.get(f), c.get(f))).count();
        assertEquals(0, same, "no log file may be identical under another seed");
    }

    @Test
    void writesExactlyTheRequestedNumberOfRecordsInValidFiles() throws IOException {
        long cloudTrail = 0;
        long lines = 0;
        try (Stream<Path> files = Files.walk(dir.resolve("a/logs"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (f.toString().contains("/cloudtrail/")) {
                    assertTrue(name.matches("\\d{12}_CloudTrail_[a-z0-9-]+_\\d{8}T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz"), name);
                    cloudTrail += records(f);
                } else if (!name.endsWith(".csv")) {
                    lines += jsonLines(f);
                }
            }
        }
        assertTrue(cloudTrail > EVENTS / 2, "CloudTrail carries most of the volume: " + cloudTrail);
        assertEquals(EVENTS, cloudTrail + lines);
        assertEquals(EVENTS, first.events());
    }

    @Test
    void cloudTrailFilesAreDeliveredPerAccountRegionAndHour() throws IOException {
        Path path = dir.resolve("a/logs/cloudtrail/AWSLogs/444455556666/CloudTrail/eu-west-1/2026/09/28");
        try (Stream<Path> files = Files.list(path)) {
            assertEquals(24, files.count(), "one file per hour of a full day");
        }
    }

    @Test
    void expectedFindingsCoverEveryRuleAndAreSorted() throws IOException {
        List<String[]> expected = expected(dir.resolve("a/expected-findings.json"));
        Set<String> rules = expected.stream().map(e -> e[0]).collect(Collectors.toSet());
        for (String rule : ALL_RULES) {
            assertTrue(rules.contains(rule), "no planted " + rule);
        }
        List<String> keys = expected.stream().map(e -> e[0] + "|" + nz(e[1]) + "|" + nz(e[2])).toList();
        assertEquals(new ArrayList<>(new TreeSet<>(keys)), keys, "sorted and distinct");
        Set<String> accounts = BreakGlassAccount.ALL.stream().map(BreakGlassAccount::id).collect(Collectors.toSet());
        for (String program : List.of("BG-DRILL-OVERDUE", "BG-REVIEW-OVERDUE")) {
            long overdue = expected.stream().filter(e -> e[0].equals(program)).count();
            assertTrue(overdue > 0 && overdue < accounts.size(), program + " must fire for some accounts only");
        }
        Instant from = first.from();
        for (String[] e : expected) {
            if (e[2] != null) {
                assertTrue(e[2].startsWith(e[1] + "/"), e[2]);
                Instant start = Instant.parse(e[2].substring(e[1].length() + 1));
                assertTrue(!start.isBefore(from) && start.isBefore(first.to()), "episode inside the period: " + e[2]);
            }
        }
    }

    @Test
    void plantedIdentitiesAppearInTheirSourcesAndNotInNoise() throws IOException {
        String cloudTrail = text(dir.resolve("a/logs/cloudtrail/AWSLogs/111122223333"));
        assertTrue(cloudTrail.contains("\"arn\":\"arn:aws:iam::111122223333:user/breakglass-admin\""));
        assertTrue(cloudTrail.contains("\"MFAIdentifier\":\"arn:aws:iam::111122223333:u2f/user/breakglass-admin/"));
        assertTrue(cloudTrail.contains("\"ConsoleLogin\":\"Failure\""));
        String prod = text(dir.resolve("a/logs/cloudtrail/AWSLogs/444455556666"));
        assertTrue(prod.contains("\"eventName\":\"AssumeRoleWithSAML\""));
        assertTrue(prod.contains("assumed-role/BreakGlassFederated/"));
        assertTrue(text(dir.resolve("a/logs/okta")).contains("\"alternateId\":\"breakglass.okta@example.com\""));
        assertTrue(text(dir.resolve("a/logs/entra/signin")).contains("\"userPrincipalName\":\"bg-admin01@examplecorp.onmicrosoft.com\""));
        assertTrue(text(dir.resolve("a/logs/gcp")).contains("\"principalEmail\":\"breakglass-gcp@example.com\""));
        String vault = text(dir.resolve("a/logs/vault"));
        assertTrue(vault.contains("\"path\":\"secret/data/breakglass/gcp/"));
        assertFalse(cloudTrail.contains("breakglass-sec"), "the never-used account has no activity");
    }

    @Test
    void configAndEvidenceMatchTheContract() throws IOException {
        String yaml = Files.readString(dir.resolve("a/sealwatch.yaml"));
        for (BreakGlassAccount a : BreakGlassAccount.ALL) {
            assertTrue(yaml.contains("  - id: " + a.id() + "\n"), a.id());
        }
        assertFalse(yaml.contains("signing:"), "the bench runs with --no-sign");
        assertTrue(yaml.contains("path: \"logs/cloudtrail/**/*.json.gz\""));
        List<String> evidence = Files.readAllLines(dir.resolve("a/logs/evidence/process-evidence.csv"));
        assertEquals("time,kind,account,actor,incident,recipient,credential,detail", evidence.get(0));
        Set<String> kinds = evidence.stream().skip(1).map(l -> l.split(",")[1]).collect(Collectors.toSet());
        assertEquals(Set.of("approval", "custody", "notification", "rotation", "drill", "review"), kinds);
    }

    @Test
    void rejectsOptionsThatCannotHoldTheScenarios() {
        Path out = dir.resolve("x");
        assertThrows(IllegalArgumentException.class, () -> new GeneratorOptions(out, 100_000, 6, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorOptions(out, 13_999, 7, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorOptions(out, 100_000, 7, 1,
                Instant.parse("2026-10-01T06:00:00Z")));
    }

    @Test
    void allocationAddsUpExactly() {
        long[] parts = Generator.allocate(1_000_003, new double[]{0.3, 0, 2.5, 1e-9, 7});
        assertEquals(1_000_003, Arrays.stream(parts).sum());
        assertEquals(0, parts[1]);
        assertTrue(Arrays.stream(parts).allMatch(p -> p >= 0));
    }

    // ---- helpers ----

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static TreeMap<String, byte[]> contents(Path root) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }

    private static InputStream open(Path f) throws IOException {
        InputStream in = Files.newInputStream(f);
        return f.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    /** Parses a CloudTrail file completely and counts its Records. */
    private static long records(Path f) throws IOException {
        try (JsonParser p = JSON.createParser(open(f))) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken(), f.toString());
            assertEquals("Records", p.nextFieldName(), f.toString());
            assertEquals(JsonToken.START_ARRAY, p.nextToken());
            long n = 0;
            while (p.nextToken() == JsonToken.START_OBJECT) {
                p.skipChildren();
                n++;
            }
            assertEquals(JsonToken.END_OBJECT, p.nextToken());
            assertEquals(null, p.nextToken(), "nothing after the Records object in " + f);
            return n;
        }
    }

    /** Parses each line of a JSON-lines file as one object. */
    private static long jsonLines(Path f) throws IOException {
        long n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(f), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                try (JsonParser p = JSON.createParser(line)) {
                    assertEquals(JsonToken.START_OBJECT, p.nextToken(), f + ": " + line);
                    p.skipChildren();
                    assertEquals(null, p.nextToken(), "one object per line in " + f);
                }
                n++;
            }
        }
        return n;
    }

    private static String text(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                try (InputStream in = open(f)) {
                    sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return sb.toString();
    }

    private static List<String[]> expected(Path f) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(f.toFile())) {
            assertEquals(JsonToken.START_ARRAY, p.nextToken());
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String[] e = new String[3];
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    String v = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
                    e[List.of("rule", "account", "episode").indexOf(name)] = v;
                }
                out.add(e);
            }
        }
        return out;
    }
}
