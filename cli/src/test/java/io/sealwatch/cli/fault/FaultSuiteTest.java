package io.sealwatch.cli.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.engine.spark.Sparks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.sealwatch.cli.fault.FaultKit.ACCOUNT;
import static io.sealwatch.cli.fault.FaultKit.ARN;
import static io.sealwatch.cli.fault.FaultKit.OKTA_ID;
import static io.sealwatch.cli.fault.FaultKit.cloudTrail;
import static io.sealwatch.cli.fault.FaultKit.input;
import static io.sealwatch.cli.fault.FaultKit.lines;
import static io.sealwatch.cli.fault.FaultKit.okta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault corpus through the real pipeline ({@code sealwatch run … --no-sign}): broken files and
 * records, hostile strings, odd times and identities. Every case: no crash, the contract's exit
 * code, every record accounted for, and a quarantine entry naming file, record and reason.
 * Ends with one summary line on stdout.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {
    /** Markup and formula payloads planted in every free-text field that reaches the reports. */
    static final List<String> PAYLOADS = List.of("=HYPERLINK(\"http://evil.example/x\",\"click\")", "@SUM(1+1)*cmd",
            "+cmd|' /C calc'!A0", "-2+3", "<script>alert(1)</script>", "</div></td><b>x</b>",
            ") Tj ET BT /F1 24 Tf 100 700 Td (PWNED) Tj ET (");

    static final Map<String, long[]> CASES = new LinkedHashMap<>();   // name -> {records, quarantined}
    static final AtomicLong RECORDS = new AtomicLong();
    static final AtomicLong QUARANTINED = new AtomicLong();

    @TempDir
    static Path tmp;
    static Path orgA;
    static Path bundleA;
    static FaultKit.Cli runA;
    static JsonNode runJsonA;
    static List<JsonNode> quarantineA;

    /** Run A: every record-level fault in one organisation, one real run. */
    @BeforeAll
    static void recordFaults() throws IOException {
        orgA = tmp.resolve("org-a");
        Path config = FaultKit.config(orgA, "");
        Path ct = orgA.resolve("logs/ct");
        writeRecordCorpus(ct, orgA.resolve("logs/okta"), orgA.resolve("logs/evidence"));
        // the Vault source delivers too (a configured source without any file would make the night incomplete)
        Files.writeString(orgA.resolve("logs/vault/audit.log"), "{\"time\":\"2026-08-14T03:00:00Z\",\"type\":"
                + "\"request\",\"auth\":{\"display_name\":\"userpass-dave\"},\"request\":{\"operation\":\"read\","
                + "\"path\":\"secret/data/other\"}}\n");
        bundleA = tmp.resolve("bundle-a");
        runA = FaultKit.run(config, bundleA);
        runJsonA = FaultKit.json(bundleA.resolve("run.json"));
        quarantineA = FaultKit.quarantine(bundleA);
        tally(runJsonA);
    }

    @AfterAll
    static void summary() {
        System.out.println("FAULT SUITE: cases=" + CASES.size() + " records=" + RECORDS.get() + " quarantined="
                + QUARANTINED.get() + " crashes=" + FaultKit.CRASHES.get());
    }

    private static void tally(JsonNode run) {
        for (JsonNode in : run.get("inputs")) {
            RECORDS.addAndGet(in.get("read").asLong());
            QUARANTINED.addAndGet(in.get("quarantined").asLong());
        }
    }

    private static JsonNode caseOf(String name, String file, long read, long normalised, long notRelevant,
                                   long quarantined, long duplicates) {
        JsonNode in = input(runJsonA, file);
        assertEquals(List.of(read, normalised, notRelevant, quarantined, duplicates),
                List.of(in.get("read").asLong(), in.get("normalised").asLong(), in.get("notRelevant").asLong(),
                        in.get("quarantined").asLong(), in.get("duplicates").asLong()),
                name + " (read, normalised, notRelevant, quarantined, duplicates) of " + in);
        assertEquals(quarantined, quarantineOf(file).size(), name + ": one quarantine entry per quarantined record");
        CASES.put(name, new long[]{read, quarantined});
        return in;
    }

    private static List<JsonNode> quarantineOf(String file) {
        return quarantineA.stream().filter(q -> q.get("file").asText().endsWith(file)).toList();
    }

    private static Set<String> reasons(String file) {
        Set<String> out = new TreeSet<>();
        quarantineOf(file).forEach(q -> out.add(q.get("record").asLong() + ": " + q.get("reason").asText()));
        return out;
    }

    // ---------------------------------------------------------------- the corpus of run A

    static void writeRecordCorpus(Path ct, Path okta, Path evidence) throws IOException {
        Files.write(ct.resolve("00-zero-byte.json"), new byte[0]);

        // binary: 64 lines of high bytes and control characters (no blank line, no gzip magic)
        Random random = new Random(42);
        ByteArrayOutputStream bin = new ByteArrayOutputStream();
        for (int line = 0; line < 64; line++) {
            for (int i = 0; i < 50; i++) {
                int b = random.nextInt(256);
                bin.write(b == '\n' || b == '\r' || b == ' ' || b == '\t' || b == '[' || b == '{' || b == 0x1f
                        ? 0x01 : b);
            }
            bin.write('\n');
        }
        Files.write(ct.resolve("01-binary.bin"), bin.toByteArray());

        // gzip of garbage text: decompresses fine, every line is invalid JSON
        StringBuilder garbage = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            garbage.append("garbage ").append(Long.toHexString(random.nextLong())).append(" }{ ,,\n");
        }
        Files.write(ct.resolve("02-gzip-of-garbage.json.gz"), gzip(garbage.toString().getBytes(StandardCharsets.UTF_8)));

        // invalid UTF-8: inside a relevant record's string (replaced), as a whole line, inside a key
        ByteArrayOutputStream utf = new ByteArrayOutputStream();
        String ok = cloudTrail("u-1", "2026-08-01T10:00:00Z", "ConsoleLogin", ARN).put("errorMessage", "bad @@ bytes")
                .toString();
        int at = ok.indexOf("@@");
        utf.writeBytes(ok.substring(0, at).getBytes(StandardCharsets.UTF_8));
        utf.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xFE, (byte) 0xC3});
        utf.writeBytes((ok.substring(at + 2) + "\n").getBytes(StandardCharsets.UTF_8));
        utf.writeBytes(new byte[]{(byte) 0xC3, 0x28, ' ', 'n', 'o', 't', ' ', 'j', 's', 'o', 'n', '\n'});
        utf.writeBytes("{\"eventTime\":\"2026-08-01T10:00:00Z\",\"event".getBytes(StandardCharsets.UTF_8));
        utf.writeBytes(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        utf.writeBytes("Name\":\"Noise\"}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(ct.resolve("03-invalid-utf8.jsonl"), utf.toByteArray());

        // known fields of the wrong JSON type (all name the break-glass user, so the connector sees them)
        List<Object> wrong = new ArrayList<>();
        wrong.add(cloudTrail("w-1", "x", "ConsoleLogin", ARN).put("eventTime", 1786000000L));
        ObjectNode w2 = cloudTrail("w-2", "2026-08-01T10:05:00Z", "ConsoleLogin", ARN);
        w2.put("userIdentity", ARN);
        wrong.add(w2);
        ObjectNode w3 = cloudTrail("w-3", "2026-08-01T10:05:00Z", "x", ARN);
        w3.putObject("eventName").put("x", 1);
        wrong.add(w3);
        ObjectNode w4 = cloudTrail("w-4", "2026-08-01T10:05:00Z", "AttachUserPolicy", ARN);
        w4.putArray("requestParameters").add("breakglass-admin");
        wrong.add(w4);
        wrong.add(cloudTrail("w-5", "2026-08-01T10:05:00Z", "ConsoleLogin", ARN).put("additionalEventData", 7));
        wrong.add(cloudTrail("w-6", "yesterday", "ConsoleLogin", ARN));
        lines(ct.resolve("04-wrong-types.jsonl"), wrong);

        // deep nesting: 100 000 nested arrays, objects, and a nested value inside a relevant record
        int depth = 100_000;
        String relevant = cloudTrail("n-3", "2026-08-01T10:06:00Z", "ConsoleLogin", ARN).toString();
        lines(ct.resolve("05-deep-nesting.jsonl"), List.of(
                "{\"eventTime\":\"2026-08-01T00:00:00Z\",\"eventName\":\"Noise\"}",
                "[".repeat(depth) + "]".repeat(depth),
                relevant.substring(0, relevant.length() - 1) + ",\"requestParameters\":{\"a\":" + "[".repeat(depth)
                        + "]".repeat(depth) + "}}",
                "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));

        // a 50 MB single line naming the break-glass user
        Path huge = ct.resolve("06-huge-line.jsonl");
        String head = cloudTrail("h-1", "2026-08-01T11:00:00Z", "ConsoleLogin", ARN).toString();
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write((head.substring(0, head.length() - 1) + ",\"errorMessage\":\"").getBytes(StandardCharsets.UTF_8));
            byte[] block = "A".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 50; i++) {
                out.write(block);
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        }

        // time forms: the offsets, fraction lengths 0-9, far future and past, no zone
        List<Object> times = new ArrayList<>();
        TIMES.forEach((id, t) -> times.add(cloudTrail(id, t[0], "GetCallerIdentity", ARN)));
        lines(ct.resolve("07-times.jsonl"), times);

        // duplicates and out-of-order events; the same delivery again in another file
        ObjectNode d1 = cloudTrail("d-1", "2026-08-03T10:00:00Z", "GetCallerIdentity", ARN);
        ObjectNode d2 = cloudTrail("d-2", "2026-08-03T09:45:00Z", "GetCallerIdentity", ARN);
        ObjectNode d3 = cloudTrail("d-3", "2026-08-03T09:30:00Z", "ConsoleLogin", ARN);
        ObjectNode d1b = d1.deepCopy().put("errorMessage", "same id, other content");
        lines(ct.resolve("08-duplicates.jsonl"), List.of(d1, d1, d3, d2, d1b));
        lines(ct.resolve("09-redelivered.jsonl"), List.of(d1, d3));

        // clock skew: CloudTrail 2 s before Okta's local-time record of the same use
        lines(ct.resolve("10-skew.jsonl"), List.of(cloudTrail("s-1", "2026-08-04T07:59:58Z", "ConsoleLogin", ARN)));
        lines(okta.resolve("10-skew.jsonl"), List.of(okta("o-1", "2026-08-04T10:00:00.000+02:00",
                "user.session.start", OKTA_ID)));

        // look-alike identities: Cyrillic a, Kelvin sign, full-width letters, zero-width space, trailing space
        List<Object> alike = new ArrayList<>();
        String[] fakes = {"bre\u0430kglass-admin", "brea\u212Aglass-admin", "\uFF42\uFF52\uFF45\uFF41\uFF4Bglass-admin",
                "break\u200Bglass-admin", "breakglass-admin "};
        for (int i = 0; i < fakes.length; i++) {
            alike.add(cloudTrail("l-" + i, "2026-08-05T10:00:0" + i + "Z", "ConsoleLogin",
                    "arn:aws:iam::111122223333:user/" + fakes[i]));
        }
        lines(ct.resolve("11-lookalike.jsonl"), alike);
        lines(okta.resolve("11-lookalike.jsonl"), List.of(
                okta("ol-1", "2026-08-05T10:00:00Z", "user.session.start", "bre\u0430kglass@example.com"),
                okta("ol-2", "2026-08-05T10:00:01Z", "user.session.start", "breakglass@ex\u0430mple.com"),
                okta("ol-3", "2026-08-05T10:00:02Z", "user.session.start", "brea\u212Aglass@example.com")));

        // formula and markup payloads in every free-text field that reaches the outputs
        List<Object> hostile = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            ObjectNode r = cloudTrail("p-" + i, "2026-08-06T10:0" + i + ":00Z", PAYLOADS.get(i), ARN);
            r.put("sourceIPAddress", PAYLOADS.get(i));
            r.put("errorMessage", PAYLOADS.get(i));
            ((ObjectNode) r.get("userIdentity")).put("userName", PAYLOADS.get(i));
            hostile.add(r);
        }
        lines(ct.resolve("12-payloads.jsonl"), hostile);
        StringBuilder csv = new StringBuilder("time,kind,account,actor,incident,recipient,credential,detail\n");
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String p = csvField(PAYLOADS.get(i));
            csv.append("2026-08-06T09:5").append(i).append(":00Z,")
                    .append(i % 2 == 0 ? "approval" : "notification").append(',').append(ACCOUNT).append(',')
                    .append(p).append(',').append(p).append(',').append(p).append(',').append(p).append(',')
                    .append(p).append('\n');
        }
        csv.append("2026-08-06T09:58:00,approval,").append(ACCOUNT).append(",ciso@example.com,INC-1,,,no zone\n");
        csv.append("2026-08-06T09:59:00Z,bribe,").append(ACCOUNT).append(",ciso@example.com,INC-1,,,unknown kind\n");
        Files.writeString(evidence.resolve("12-payloads.csv"), csv.toString());
    }

    /** id -> {time as written, the instant expected in the events table (microseconds) or null: quarantined}. */
    static final Map<String, String[]> TIMES = new LinkedHashMap<>();

    static {
        String[][] forms = {
                {"2026-08-02T12:00:00Z", "2026-08-02T12:00:00Z"},
                {"2026-08-02T14:00:01+02:00", "2026-08-02T12:00:01Z"},
                {"2026-08-02T06:30:02-0530", "2026-08-02T12:00:02Z"},
                {"2026-08-02T17:30:03+05:30", "2026-08-02T12:00:03Z"},
                {"2026-08-02T14:00:04+0200", "2026-08-02T12:00:04Z"},
                {"2026-08-02T14:00:05+02", "2026-08-02T12:00:05Z"},
                {"2026-08-02 12:00:06Z", "2026-08-02T12:00:06Z"},
                {"2026-08-02T12:00:07z", "2026-08-02T12:00:07Z"},
                {"2026-08-02T12:00:10.1Z", "2026-08-02T12:00:10.100Z"},
                {"2026-08-02T12:00:11.12Z", "2026-08-02T12:00:11.120Z"},
                {"2026-08-02T12:00:12.123Z", "2026-08-02T12:00:12.123Z"},
                {"2026-08-02T12:00:13.1234Z", "2026-08-02T12:00:13.123400Z"},
                {"2026-08-02T12:00:14.12345Z", "2026-08-02T12:00:14.123450Z"},
                {"2026-08-02T12:00:15.123456Z", "2026-08-02T12:00:15.123456Z"},
                {"2026-08-02T12:00:16.1234567Z", "2026-08-02T12:00:16.123456Z"},
                {"2026-08-02T14:00:17.12345678+02:00", "2026-08-02T12:00:17.123456Z"},
                {"2026-08-02T12:00:18.123456789Z", "2026-08-02T12:00:18.123456Z"},
                {"9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"},
                {"1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"},
                {"2026-08-02T12:00:20", null},
                {"2026-08-02T12:00:21.123", null},
                {"+10000-01-01T00:00:00Z", null},
        };
        for (int i = 0; i < forms.length; i++) {
            TIMES.put("t-" + i, forms[i]);
        }
    }

    // ---------------------------------------------------------------- run A assertions

    @Test
    @Order(1)
    void recordFaultsNeverStopTheJobAndEveryRecordIsAccounted() {
        assertEquals(ExitCode.FINDINGS.code(), runA.exit(), "malformed records are quarantined, the job completes "
                + "with the planted findings; stderr: " + runA.err());
        FaultKit.assertAccounted(runJsonA);
        for (JsonNode in : runJsonA.get("inputs")) {
            assertTrue(in.get("error").isNull(), "no input is unreadable in run A: " + in);
        }
        for (String row : List.of("organisation", "period", "episodes", "findings critical", "records", "bundle",
                "exit code")) {
            assertTrue(runA.err().contains("\n  " + row), "the summary shows " + row + ":\n" + runA.err());
        }
        assertTrue(runA.err().contains("reasons in " + bundleA.resolve("quarantine")), "points at the quarantine");
    }

    /** Files with nothing readable in them: never fatal, every record quarantined with its line and reason. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "zero-byte file,  00-zero-byte.json,          0,  0, 0, 0,  ''",
            "binary file,     01-binary.bin,              64, 0, 0, 64, invalid JSON",
            "gzip of garbage, 02-gzip-of-garbage.json.gz, 20, 0, 0, 20, ''",
            "invalid UTF-8,   03-invalid-utf8.jsonl,      3,  1, 1, 1,  2: invalid JSON"})
    void unreadableRecordsAreQuarantinedOneByOne(String name, String file, long read, long normalised,
                                                 long notRelevant, long quarantined, String reason) {
        caseOf(name, file, read, normalised, notRelevant, quarantined, 0);
        assertTrue(reasons(file).stream().allMatch(r -> r.contains(reason)), reasons(file).toString());
    }

    @Test
    void wrongTypesForKnownFieldsNameTheField() {
        caseOf("wrong JSON types", "04-wrong-types.jsonl", 6, 0, 0, 6, 0);
        Set<String> r = reasons("04-wrong-types.jsonl");
        List<String> expected = List.of("1: eventTime", "2: userIdentity: expected an object", "3: eventName",
                "4: requestParameters: expected an object", "5: additionalEventData: expected an object",
                "6: unparseable timestamp");
        for (String e : expected) {
            assertTrue(r.stream().anyMatch(x -> x.startsWith(e)), e + " in " + r);
        }
    }

    @Test
    void deepNestingIsQuarantinedWithAReason() {
        caseOf("deep nesting (100 000 levels)", "05-deep-nesting.jsonl", 4, 0, 1, 3, 0);
        Set<String> r = reasons("05-deep-nesting.jsonl");
        assertEquals(3, r.size(), r.toString());
        assertTrue(r.stream().allMatch(x -> x.toLowerCase(Locale.ROOT).contains("nesting depth")), r.toString());
    }

    @Test
    void fiftyMegabyteLineIsBoundedAndAccounted() {
        JsonNode in = input(runJsonA, "06-huge-line.jsonl");
        caseOf("50 MB single line", "06-huge-line.jsonl", 1, in.get("normalised").asLong(), 0,
                in.get("quarantined").asLong(), 0);
        for (JsonNode q : quarantineOf("06-huge-line.jsonl")) {
            assertTrue(q.get("excerpt").asText().length() <= 200, "excerpt is capped");
        }
    }

    @Test
    void everyTimeFormIsReadToTheRightInstantAndZonelessIsQuarantined() {
        long quarantined = TIMES.values().stream().filter(t -> t[1] == null).count();
        caseOf("time zones and fractions", "07-times.jsonl", TIMES.size(), TIMES.size() - quarantined, 0,
                quarantined, 0);
        Map<String, Instant> got = eventTimes();
        TIMES.forEach((id, t) -> {
            if (t[1] != null) {
                assertEquals(Instant.parse(t[1]), got.get(id), id + " written " + t[0]);
            } else {
                assertFalse(got.containsKey(id), id + " " + t[0] + " must be quarantined");
            }
        });
        Set<String> r = reasons("07-times.jsonl");
        assertTrue(r.stream().filter(x -> x.contains("timestamp without zone")).count() == 2, r.toString());
        CASES.put("far future and past (9999, 1970)", new long[]{0, 0});
    }

    @Test
    void duplicatesAreCountedOnceAndOutOfOrderEventsSorted() throws IOException {
        caseOf("duplicates and out-of-order", "08-duplicates.jsonl", 5, 4, 0, 0, 1);
        caseOf("re-delivered file", "09-redelivered.jsonl", 2, 0, 0, 0, 2);
        episode(ACCOUNT, "2026-08-03T09:30:00Z", "2026-08-03T10:00:00Z");
    }

    @Test
    void clockSkewBetweenSourcesStillGivesOneEpisode() throws IOException {
        caseOf("clock skew between sources", "ct/10-skew.jsonl", 1, 1, 0, 0, 0);
        caseOf("offset time in another source", "okta/10-skew.jsonl", 1, 1, 0, 0, 0);
        JsonNode episode = episode(ACCOUNT, "2026-08-04T07:59:58Z", "2026-08-04T08:00:00Z");
        assertEquals(2, episode.get("sources").size(), episode.toString());
    }

    @Test
    void lookAlikeIdentitiesNeverMatch() {
        // the trailing space differs only by white space: quarantined as identity-like, never matched nor dropped
        caseOf("look-alike identities (CloudTrail)", "ct/11-lookalike.jsonl", 5, 0, 4, 1, 0);
        assertTrue(quarantineA.stream().anyMatch(q -> q.get("file").asText().endsWith("ct/11-lookalike.jsonl")
                && q.get("record").asLong() == 5 && q.get("reason").asText().equals("identity-like value "
                + "'arn:aws:iam::111122223333:user/breakglass-admin ' differs from the configured identity only by "
                + "whitespace/NUL")), quarantineA.toString());
        caseOf("look-alike identities (Okta)", "okta/11-lookalike.jsonl", 3, 0, 3, 0, 0);
    }

    @Test
    void formulaAndMarkupPayloadsStayInert() throws IOException {
        caseOf("formula/markup payloads (CloudTrail)", "ct/12-payloads.jsonl", PAYLOADS.size(), PAYLOADS.size(), 0,
                0, 0);
        caseOf("formula/markup payloads (evidence CSV)", "12-payloads.csv", PAYLOADS.size() + 2, PAYLOADS.size(), 0,
                2, 0);
        // evidence.xlsx: no formula anywhere, the payloads are there as text
        StringBuilder sheets = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundleA.resolve("evidence.xlsx")))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                if (e.getName().startsWith("xl/worksheets/")) {
                    assertFalse(xml.contains("<f>") || xml.contains("<f "), "a formula cell in " + e.getName());
                }
                assertFalse(xml.contains("<script>"), "raw markup in " + e.getName());
                sheets.append(xml);
            }
        }
        String all = sheets.toString();
        assertTrue(all.contains("HYPERLINK(&quot;http://evil.example/x&quot;") || all.contains("HYPERLINK(\"http://evil"),
                "the payload is kept as text");
        // report.pdf: parses, carries no script, link or launch action from log data
        byte[] pdf = Files.readAllBytes(bundleA.resolve("report.pdf"));
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        for (String bad : List.of("/JavaScript", "/Launch")) {
            assertFalse(raw.contains(bad), bad + " in report.pdf");
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() > 0);
            for (var page : doc.getPages()) {
                for (var annotation : page.getAnnotations()) {
                    assertFalse(annotation.getCOSObject().toString().contains("evil.example"), "a link from log data");
                }
            }
            String text = new PDFTextStripper().getText(doc);
            assertFalse(text.isBlank());
        }
        // the JSON outputs keep them as strings
        for (String f : List.of("findings.json", "episodes.json", "run.json")) {
            assertNotNull(FaultKit.json(bundleA.resolve(f)), f);
        }
    }

    // ---------------------------------------------------------------- file-level faults: exit 3

    @Test
    void unreadableFilesMakeTheBundleIncompleteAndNameTheFile() throws IOException {
        Path org = tmp.resolve("org-b");
        Path config = FaultKit.config(org, "");
        Path ct = org.resolve("logs/ct");
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            noise.append(cloudTrail("b-" + i, "2026-08-07T10:00:00Z", "DescribeInstances",
                    "arn:aws:iam::111122223333:user/someone-" + i)).append('\n');
        }
        byte[] gz = gzip(noise.toString().getBytes(StandardCharsets.UTF_8));
        Files.write(ct.resolve("truncated.json.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));
        byte[] magic = new byte[4096];
        new Random(7).nextBytes(magic);
        magic[0] = 0x1f;
        magic[1] = (byte) 0x8b;
        Files.write(ct.resolve("garbage-with-gzip-magic.json.gz"), magic);
        Files.writeString(ct.resolve("nested-document.json"), "[".repeat(100_000) + "]".repeat(100_000));
        lines(ct.resolve("fine.jsonl"), List.of(cloudTrail("f-1", "2026-08-07T10:00:00Z", "ConsoleLogin", ARN)));
        Path out = tmp.resolve("bundle-b");
        FaultKit.Cli cli = FaultKit.run(config, out);
        assertEquals(ExitCode.INCOMPLETE.code(), cli.exit(), cli.err());
        JsonNode run = FaultKit.json(out.resolve("run.json"));
        FaultKit.assertAccounted(run);
        tally(run);
        for (String f : List.of("truncated.json.gz", "garbage-with-gzip-magic.json.gz", "nested-document.json")) {
            JsonNode in = input(run, f);
            assertFalse(in.get("error").isNull(), f + " names its problem: " + in);
            assertTrue(cli.err().contains(f), "stderr names " + f + ": " + cli.err());
            CASES.put("unreadable: " + f, new long[]{in.get("read").asLong(), in.get("quarantined").asLong()});
        }
        JsonNode truncated = input(run, "truncated.json.gz");
        assertTrue(truncated.get("read").asLong() > 0 && truncated.get("read").asLong() < 2000,
                "what came before the cut is read: " + truncated);
        assertEquals(1, input(run, "nested-document.json").get("quarantined").asLong());
        assertEquals(1, input(run, "fine.jsonl").get("normalised").asLong());
    }

    // ---------------------------------------------------------------- configuration faults: exit 2

    @Test
    void validateNamesTheLineOfEveryMissingPath() throws IOException {
        Path org = tmp.resolve("org-c");
        Path config = FaultKit.config(org, """
                signing:
                  keystore: keys/absent.p12
                  password-env: SEALWATCH_KEY_PASSWORD
                """);
        String yaml = Files.readString(config).replace("logs/okta/*", "logs/nowhere/*.json");
        Files.writeString(config, yaml);
        FaultKit.Cli first = FaultKit.cli("validate", "-c", config.toString());
        assertEquals(ExitCode.USAGE.code(), first.exit(), first.err());
        int keystoreLine = lineOf(yaml, "keystore:");
        assertTrue(first.err().contains(":" + keystoreLine) && first.err().contains("signing.keystore"),
                "names the keystore's line " + keystoreLine + ": " + first.err());

        Files.writeString(config, yaml.substring(0, yaml.indexOf("signing:")));
        FaultKit.Cli second = FaultKit.cli("validate", "-c", config.toString());
        assertEquals(ExitCode.USAGE.code(), second.exit(), second.err());
        int sourceLine = lineOf(yaml, "logs/nowhere");
        assertTrue(second.err().contains(config + ":" + sourceLine + ": sources[1].path"),
                "names the source's line " + sourceLine + ": " + second.err());
        CASES.put("config pointing at missing paths", new long[]{0, 0});
    }

    @Test
    void wrongKeystorePasswordExits2NamingTheKeystoreNeverThePassword() throws Exception {
        Path org = tmp.resolve("org-d");
        Path config = FaultKit.signedConfig(org, "SEALWATCH_FAULT_SUITE_UNSET", "the-right-one-7f3a");
        String wrong = "Wr0ng-Passw0rd-planted-91c2";
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = FaultKit.runSignedQ3(config, tmp.resolve("bundle-d"), wrong, new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.USAGE.code(), exit, message);
        assertTrue(message.contains(org.resolve("keys/sealwatch.p12").toString()), message);
        assertFalse(message.contains(wrong) || message.contains("the-right-one"), message);
        assertFalse(Files.exists(tmp.resolve("bundle-d")), "nothing is written");

        FaultKit.Cli unset = FaultKit.cli("run", "-c", config.toString(), "--out", tmp.resolve("bundle-d").toString());
        assertEquals(ExitCode.USAGE.code(), unset.exit(), unset.err());
        assertTrue(unset.err().contains("SEALWATCH_FAULT_SUITE_UNSET"), unset.err());
        CASES.put("keystore with the wrong password", new long[]{0, 0});
    }

    // ---------------------------------------------------------------- helpers

    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle);
    }

    /** The account's episode that starts at {@code start}, which must end at {@code end}. */
    static JsonNode episode(String account, String start, String end) throws IOException {
        JsonNode episode = episode(account + "/" + start);
        assertEquals(end, episode.get("end").asText(), episode.toString());
        return episode;
    }

    static JsonNode episode(String id) throws IOException {
        for (JsonNode e : FaultKit.json(bundleA.resolve("episodes.json"))) {
            if (e.get("id").asText().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no episode " + id + " in " + FaultKit.json(bundleA.resolve("episodes.json")));
    }

    /** eventId -> time of the CloudTrail events in the bundle's Parquet table. */
    static Map<String, Instant> eventTimes() {
        Map<String, Instant> out = new HashMap<>();
        List<Row> rows = Sparks.session(null, null).read().parquet(bundleA.resolve("tables/events").toUri().toString())
                .select("eventId", "time").collectAsList();
        for (Row r : rows) {
            Object t = r.get(1);
            out.put(r.getString(0), t instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) t);
        }
        return out;
    }

    static String csvField(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(data);
        }
        return buf.toByteArray();
    }
}
