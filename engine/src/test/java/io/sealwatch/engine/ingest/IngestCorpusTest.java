package io.sealwatch.engine.ingest;

import io.sealwatch.model.QuarantineEntry;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.config.SourceSpec;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.result.SourceCoverage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.zip.GZIPOutputStream;

import static io.sealwatch.engine.ingest.IngestTestSupport.account;
import static io.sealwatch.engine.ingest.IngestTestSupport.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated corpus per connector — line and document layouts, plain and gzip, empty, malformed,
 * missing and zone-less timestamps, unknown fields, invalid UTF-8, duplicates, truncated gzip — read in
 * one Spark ingest. Every file's accounting must add up to the expected split.
 */
class IngestCorpusTest {
    private static final String T1 = "2026-07-01T10:00:00Z";
    private static final String BG = "breakglass";

    /** One native record per source type: (event id, who) → JSON with {@code @TIME@} for the time. */
    private static final Map<String, BiFunction<String, String, String>> TEMPLATES = Map.of(
            "aws-cloudtrail", (id, who) -> "{\"eventVersion\":\"1.08\",\"eventTime\":\"@TIME@\",\"eventID\":\"" + id
                    + "\",\"eventName\":\"ConsoleLogin\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":"
                    + "\"arn:aws:iam::111122223333:user/" + who + "\",\"userName\":\"" + who + "\"},"
                    + "\"additionalEventData\":{\"MFAUsed\":\"Yes\",\"MFAIdentifier\":\"arn:aws:iam::111122223333:u2f/user/"
                    + who + "/k\"},\"responseElements\":{\"ConsoleLogin\":\"Success\"},\"recipientAccountId\":"
                    + "\"111122223333\",\"sourceIPAddress\":\"10.0.0.1\"}",
            "okta-system-log", (id, who) -> "{\"uuid\":\"" + id + "\",\"published\":\"@TIME@\",\"eventType\":"
                    + "\"user.authentication.auth_via_mfa\",\"actor\":{\"alternateId\":\"" + who + "@example.com\","
                    + "\"type\":\"User\"},\"outcome\":{\"result\":\"SUCCESS\"},\"debugContext\":{\"debugData\":"
                    + "{\"factor\":\"FIDO_WEBAUTHN\"}},\"client\":{\"ipAddress\":\"10.0.0.2\"}}",
            "entra-signin", (id, who) -> "{\"time\":\"@TIME@\",\"category\":\"SignInLogs\",\"properties\":{\"id\":\""
                    + id + "\",\"userPrincipalName\":\"" + who + "@example.com\",\"status\":{\"errorCode\":0},"
                    + "\"authenticationDetails\":[{\"authenticationMethod\":\"Password\",\"succeeded\":true},"
                    + "{\"authenticationMethod\":\"FIDO2 security key\",\"succeeded\":true}],\"tokenIssuerType\":"
                    + "\"ADFederationServices\",\"ipAddress\":\"10.0.0.3\"}}",
            "entra-audit", (id, who) -> "{\"time\":\"@TIME@\",\"category\":\"AuditLogs\",\"properties\":{\"id\":\"" + id
                    + "\",\"activityDisplayName\":\"Reset user password\",\"result\":\"success\",\"initiatedBy\":"
                    + "{\"user\":{\"userPrincipalName\":\"admin@example.com\"}},\"targetResources\":[{\"type\":\"User\","
                    + "\"userPrincipalName\":\"" + who + "@example.com\"}]}}",
            "gcp-audit", (id, who) -> "{\"insertId\":\"" + id + "\",\"timestamp\":\"@TIME@\",\"protoPayload\":"
                    + "{\"methodName\":\"google.login.LoginService.loginSuccess\",\"authenticationInfo\":"
                    + "{\"principalEmail\":\"" + who + "@example.com\"},\"metadata\":{\"event\":[{\"parameter\":"
                    + "[{\"name\":\"login_challenge_method\",\"multiStrValue\":[\"password\",\"security_key\"]}]}]}}}",
            "vault-audit", (id, who) -> "{\"time\":\"@TIME@\",\"type\":\"response\",\"auth\":{\"display_name\":"
                    + "\"userpass-Alice\",\"client_token\":\"hmac-sha256:0123abcd\",\"metadata\":null},\"request\":"
                    + "{\"id\":\"" + id + "\",\"operation\":\"read\",\"path\":\"secret/data/" + who + "/aws/password\","
                    + "\"client_token\":\"hmac-sha256:0123abcd\",\"remote_address\":\"10.0.0.4\"},\"response\":{}}");
    private static final Map<String, String> WRAPPERS = Map.of("aws-cloudtrail", "Records", "entra-signin", "records",
            "entra-audit", "value");

    static IngestResult result;
    static Ingest.Scan scan;
    static List<NormalizedEvent> events;
    static Path dir;
    static SealwatchConfig corpus;

    @BeforeAll
    static void ingestCorpus(@TempDir Path work) throws IOException {
        dir = work.resolve("logs");
        List<SourceSpec> sources = new ArrayList<>();
        for (String type : TEMPLATES.keySet()) {
            Files.createDirectories(dir.resolve(type).resolve("nested/deeper"));
            writeCorpus(type, dir.resolve(type));
            sources.add(new SourceSpec(type, "logs/" + type + "/**/*", 1));
        }
        Path ev = Files.createDirectories(dir.resolve("evidence"));
        writeEvidence(ev);
        sources.add(new SourceSpec("evidence", "logs/evidence/*", 2));
        sources.add(new SourceSpec("aws-cloudtrail", "logs/nothing-here/*.json", 3));
        var accounts = List.of(
                account("bg", List.of(new IdentityMatch("aws-cloudtrail", "arn:aws:iam::111122223333:user/" + BG),
                        new IdentityMatch("okta-system-log", BG + "@example.com"),
                        new IdentityMatch("entra-signin", BG + "@example.com"),
                        new IdentityMatch("entra-audit", BG + "@example.com"),
                        new IdentityMatch("gcp-audit", BG + "@example.com")),
                        List.of(new IdentityMatch("vault-audit", "secret/data/" + BG + "/*")),
                        List.of("password", "mfa")),
                account("other", List.of(new IdentityMatch("okta-system-log", "nobody@example.com")), List.of(),
                        List.of()));
        corpus = config(work, sources, accounts);
        scan = Ingest.scan(IngestTestSupport.spark(), corpus, IngestTestSupport.PERIOD);
        result = scan.result();
        events = IngestTestSupport.events(result);
    }

    private static String record(String type, String id, String who, String time) {
        return TEMPLATES.get(type).apply(id, who).replace("@TIME@", time);
    }

    private static void writeCorpus(String type, Path d) throws IOException {
        String good = record(type, "id-1", BG, T1);
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        lines.writeBytes((good + "\n").getBytes(StandardCharsets.UTF_8));                                  // normalised
        lines.writeBytes((record(type, "id-2", "someone", "2026-07-01T11:00:00.123456789123+02:00") + "\r\n")
                .getBytes(StandardCharsets.UTF_8));                                                        // not relevant
        lines.writeBytes(("{\"eventTime\": \"" + BG + "\", broken\n").getBytes(StandardCharsets.UTF_8));  // quarantined
        lines.writeBytes("\n".getBytes(StandardCharsets.UTF_8));                                           // blank: no record
        lines.writeBytes((record(type, "id-3", BG, "").replace("\"\"", "null") + "\n")
                .getBytes(StandardCharsets.UTF_8));                                                        // no time
        String extra = record(type, "id-4", BG, "2026-07-01T12:00:00+0200");
        lines.writeBytes((extra.substring(0, extra.length() - 1) + ",\"unknownExtra\":{\"x\":[1,2]},\"note\":\"")
                .getBytes(StandardCharsets.UTF_8));
        lines.writeBytes(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        lines.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));                                       // normalised
        lines.writeBytes((good + "\n").getBytes(StandardCharsets.UTF_8));                                  // duplicate
        lines.writeBytes((record(type, "id-1", BG, "2026-07-01T10:00:01Z") + "\n")
                .getBytes(StandardCharsets.UTF_8));                                                        // same id, other content
        lines.writeBytes((record(type, "id-5", BG, "2026-07-01T13:00:00") + "\n")
                .getBytes(StandardCharsets.UTF_8));                                                        // no zone
        Files.write(d.resolve(type + "-lines.log"), lines.toByteArray());

        String a = record(type, "doc-1", BG, "2026-07-02T10:00:00Z");
        String b = record(type, "doc-2", "someone", "2026-07-02T11:00:00Z");
        String wrapper = WRAPPERS.get(type);
        String doc = wrapper == null ? "[\n  " + a + ",\n  " + b + "\n]\n"
                : "{\"meta\":{\"n\":2},\n \"" + wrapper + "\": [" + a + ",\n" + b + "]}";
        Files.write(d.resolve("nested/" + type + "-doc.json"), gzip(doc.getBytes(StandardCharsets.UTF_8)));
        Files.write(d.resolve("nested/deeper/" + type + "-empty.json"), new byte[0]);

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            many.append(record(type, "t-" + i, i % 50 == 0 ? BG : "user" + i, "2026-07-03T10:00:00Z")).append('\n');
        }
        byte[] full = gzip(many.toString().getBytes(StandardCharsets.UTF_8));
        Files.write(d.resolve("nested/deeper/" + type + "-truncated.jsonl.gz"), Arrays.copyOf(full, full.length / 2));
    }

    private static void writeEvidence(Path d) throws IOException {
        Files.writeString(d.resolve("evidence.csv"), String.join("\r\n",
                "time,kind,account,actor,incident,recipient,credential,detail",
                "2026-07-01T09:50:00Z,approval,bg,CISO@example.com,INC-1,,,\"approved, see \"\"ticket\"\"\"",
                "2026-07-01T09:40:00Z,custody,bg,alice@example.com,INC-1,,aws-share-1,\"line one",
                "line two\"",
                "2026-07-01T10:05:00Z,notification,bg,pager,INC-1,security-leadership,,",
                "2026-07-01T10:06:00Z,telepathy,bg,x,,,,",
                "2026-07-01T10:07:00Z,approval,no-such-account,x,,,,",
                "yesterday,approval,bg,x,,,,",
                ""));
        Files.writeString(d.resolve("more.jsonl"),
                "{\"time\":\"2026-07-02T08:00:00Z\",\"kind\":\"drill\",\"account\":\"bg\",\"actor\":\"bob@example.com\"}\n"
                        + "{\"kind\":\"review\",\"account\":\"bg\"}\n");
        Files.writeString(d.resolve("no-kind-column.csv"), "time,account\n2026-07-01T10:00:00Z,bg\n");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static InputFileStats stats(String name) {
        return result.inputs().stream().filter(s -> s.path().endsWith("/" + name)).findFirst()
                .orElseThrow(() -> new AssertionError("no input " + name + " in " + result.inputs()));
    }

    @Test
    void readOnTheDriverTheCorpusGivesWhatTheSparkTasksGave() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        Ingest.Scan here = Ingest.scan(why -> {
            asked.incrementAndGet();
            return IngestTestSupport.spark();
        }, true, corpus, IngestTestSupport.PERIOD, null);
        assertEquals(0, asked.get(), "a small local scan needs no Spark session at all");
        assertEquals(result.inputs(), here.result().inputs());
        assertEquals(result.coverage(), here.result().coverage());
        assertEquals(result.duplicates(), here.result().duplicates());
        assertEquals(result.quarantined(), here.result().quarantined());
        assertEquals(scan.trees(), here.trees());
        assertEquals(scan.records(), here.records());
        assertEquals(result.events(), here.result().events());
        assertEquals(result.quarantine(), here.result().quarantine());
    }

    @Test
    void everyFileBalancesAndIsSorted() {
        IngestTestSupport.assertBalanced(result);
        List<InputFileStats> sorted = new ArrayList<>(result.inputs());
        sorted.sort(java.util.Comparator.comparing(InputFileStats::source).thenComparing(InputFileStats::path));
        assertEquals(sorted, result.inputs());
        assertEquals(TEMPLATES.size() * 4 + 3, result.inputs().size(), "** reaches nested folders");
        assertEquals(List.of(new FileLister.Unmatched("aws-cloudtrail", "logs/nothing-here/*.json")), scan.unmatched());
    }

    @Test
    void lineFilesSplitAsExpected() {
        for (String type : TEMPLATES.keySet()) {
            InputFileStats s = stats(type + "-lines.log");
            // 8 records: 3 normalised (id-1, id-4, id-1 with other content), 1 not relevant,
            // 3 quarantined (broken JSON, no time, no zone), 1 duplicate; the blank line is no record
            assertEquals(8, s.read(), type + " " + s);
            assertEquals(3, s.normalised(), type + " " + s);
            assertEquals(1, s.notRelevant(), type + " " + s);
            assertEquals(3, s.quarantined(), type + " " + s);
            assertEquals(1, s.duplicates(), type + " " + s);
            assertNull(s.error());
        }
    }

    @Test
    void gzippedDocumentsAreDetectedByMagicBytes() {
        for (String type : TEMPLATES.keySet()) {
            InputFileStats s = stats(type + "-doc.json");
            assertEquals(2, s.read(), type + " " + s);
            assertEquals(1, s.normalised(), type + " " + s);
            assertEquals(1, s.notRelevant(), type + " " + s);
            assertNull(s.error());
            NormalizedEvent e = events.stream().filter(x -> x.sourceFile().endsWith(type + "-doc.json")).findFirst()
                    .orElseThrow();
            assertEquals(1, e.record(), "record index in the array, from 1");
        }
    }

    @Test
    void emptyFilesCountNothing() {
        for (String type : TEMPLATES.keySet()) {
            InputFileStats s = stats(type + "-empty.json");
            assertEquals(new InputFileStats(type, s.path(), s.sha256(), 0, 0, 0, 0, 0, 0, null), s);
        }
    }

    @Test
    void truncatedGzipKeepsWhatWasReadAndNamesTheProblem() {
        for (String type : TEMPLATES.keySet()) {
            InputFileStats s = stats(type + "-truncated.jsonl.gz");
            assertNotNull(s.error(), type);
            assertTrue(s.error().contains("gzip"), s.error());
            assertTrue(s.read() > 0 && s.read() < 200, s.toString());
            assertTrue(s.balanced());
            assertEquals(64, s.sha256().length(), "the stored bytes are still hashed");
        }
        assertEquals(TEMPLATES.size(), result.unreadable().size());
    }

    @Test
    void quarantineEntriesNameLineAndReasonWithoutSecrets() {
        for (String type : TEMPLATES.keySet()) {
            List<String> reasons = new ArrayList<>();
            for (QuarantineEntry q : result.quarantine().stream().filter(q -> q.source().equals(type))
                    .sorted(QuarantineEntry.ORDER).toList()) {
                assertTrue(q.excerpt().length() <= 200);
                assertFalse(q.toString().contains("0123abcd"), "HMAC in quarantine: " + q);
                if (q.file().endsWith("-lines.log")) {
                    reasons.add(q.record() + ":" + q.reason());
                }
            }
            assertEquals(3, reasons.size(), type + " " + reasons);
            assertTrue(reasons.get(0).startsWith("3:invalid JSON"), reasons.toString());
            assertTrue(reasons.get(1).startsWith("5:missing timestamp"), reasons.toString());
            assertTrue(reasons.get(2).startsWith("9:timestamp without zone"), reasons.toString());
        }
    }

    @Test
    void normalisedFieldsPerConnector() {
        NormalizedEvent aws = event("aws-cloudtrail", 1);
        assertEquals("u2f", aws.mfa());
        assertEquals("bg", aws.account());
        assertEquals("breakglass", aws.person());
        assertEquals("webauthn", event("okta-system-log", 1).mfa());
        NormalizedEvent entra = event("entra-signin", 1);
        assertEquals("fido2", entra.mfa());
        assertEquals(Boolean.TRUE, entra.federated());
        NormalizedEvent reset = event("entra-audit", 1);
        assertEquals(EventClass.ROTATION, reset.eventClass());
        assertEquals("admin@example.com", reset.actor());
        assertEquals("bg", reset.account(), "done to the account: matched on the target");
        assertEquals("fido2", event("gcp-audit", 1).mfa());
        NormalizedEvent custody = event("vault-audit", 1);
        assertEquals(EventClass.CUSTODY, custody.eventClass());
        assertEquals("alice", custody.person());
        assertEquals("secret/data/breakglass/aws/password", custody.credential());
        assertTrue(events.stream().noneMatch(e -> e.toString().contains("hmac")));
        NormalizedEvent offset = event("aws-cloudtrail", 6);
        assertEquals("2026-07-01T10:00:00Z", offset.time().toString(), "+0200 offset");
        assertTrue(event("okta-system-log", 6).detail() == null);
    }

    @Test
    void evidenceCsvAndJsonLines() {
        InputFileStats csv = stats("evidence.csv");
        assertEquals(6, csv.read(), csv.toString());
        assertEquals(3, csv.normalised());
        assertEquals(3, csv.quarantined());
        NormalizedEvent approval = events.stream().filter(e -> e.eventClass() == EventClass.APPROVAL).findFirst()
                .orElseThrow();
        assertEquals("ciso@example.com", approval.person());
        assertEquals("INC-1", approval.incident());
        assertEquals("approved, see \"ticket\"", approval.detail());
        NormalizedEvent custody = events.stream().filter(e -> e.sourceType().equals("evidence")
                && e.eventClass() == EventClass.CUSTODY).findFirst().orElseThrow();
        assertEquals("line one\nline two", custody.detail().replace("\r", ""));
        assertEquals(3, custody.record(), "a row is numbered by the line it starts on");
        assertEquals("security-leadership", events.stream().filter(e -> e.eventClass() == EventClass.NOTIFICATION)
                .findFirst().orElseThrow().recipient());
        InputFileStats jsonl = stats("more.jsonl");
        assertEquals(1, jsonl.normalised());
        assertEquals(1, jsonl.quarantined());
        InputFileStats noKind = stats("no-kind-column.csv");
        assertEquals(1, noKind.quarantined());
    }

    @Test
    void coverageCountsEveryTimedRecordAndReportsGaps() {
        assertEquals(6, result.coverage().size(), "one per non-evidence source type");
        SourceCoverage aws = result.coverage().stream().filter(c -> c.source().equals("aws-cloudtrail")).findFirst()
                .orElseThrow();
        assertTrue(aws.events() >= 8, aws.toString());
        assertEquals(2, aws.gaps().size(), "before the first and after the last event: " + aws.gaps());
        CoverageGap first = aws.gaps().get(0);
        assertEquals(IngestTestSupport.PERIOD.from(), first.from());
    }

    /** The early filter: irrelevant records are never parsed into a tree. */
    @Test
    void prefilterKeepsIrrelevantRecordsFromTreeParsing() {
        long relevantTrees = events.size();
        assertTrue(scan.trees() < scan.records() / 3, "trees " + scan.trees() + " of " + scan.records());
        assertTrue(scan.trees() >= relevantTrees);
    }

    @Test
    void eventsTableIsOneSortedFile() throws IOException {
        try (var files = Files.list(IngestTestSupport.eventsTable(result))) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().endsWith(".parquet")).count());
        }
        // rows in (day, time, source, file, record) order
        List<NormalizedEvent> sorted = new ArrayList<>(events);
        sorted.sort(java.util.Comparator.comparing(NormalizedEvent::time).thenComparing(NormalizedEvent::sourceType)
                .thenComparing(NormalizedEvent::sourceFile).thenComparingLong(NormalizedEvent::record));
        assertEquals(sorted.stream().map(NormalizedEvent::ref).toList(), events.stream().map(NormalizedEvent::ref).toList());
    }

    private static NormalizedEvent event(String type, long record) {
        return events.stream().filter(e -> e.sourceType().equals(type) && e.sourceFile().endsWith("-lines.log")
                && e.record() == record).findFirst().orElseThrow(() -> new AssertionError(type + " record " + record));
    }
}
