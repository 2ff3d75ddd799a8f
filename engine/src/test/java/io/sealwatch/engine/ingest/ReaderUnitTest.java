package io.sealwatch.engine.ingest;

import io.sealwatch.config.IdentityMatch;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.Period;
import io.sealwatch.result.SourceCoverage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.sealwatch.engine.ingest.IngestTestSupport.account;
import static io.sealwatch.engine.ingest.IngestTestSupport.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader and its helpers without Spark: one file at a time, as an executor runs it. */
class ReaderUnitTest {

    private static FileScan read(Path dir, String type, String content, IngestSpec spec) throws IOException {
        Path f = dir.resolve(type + ".log");
        Files.writeString(f, content);
        return FileReader.read(new FileTask(type, f.toUri().toString(), f.toString()), spec, Map.of());
    }

    private static IngestSpec spec(Path dir) {
        return IngestSpec.of(config(dir, List.of(), List.of(account("bg",
                List.of(new IdentityMatch("aws-cloudtrail", "arn:aws:iam::111122223333:user/breakglass")),
                List.of(new IdentityMatch("vault-audit", "secret/data/breakglass/*")), List.of("password", "mfa")))));
    }

    private static List<NormalizedEvent> events(FileScan scan) {
        return scan.events().stream().map(r -> EventRows.fromRow(RealFixturesTest.withSchema(r))).toList();
    }

    @Test
    void timestamps() throws RecordException {
        assertEquals(Instant.parse("2026-07-01T08:00:00Z"), Times.parse("2026-07-01T10:00:00+02:00", "t"));
        assertEquals(Instant.parse("2026-07-01T08:00:00Z"), Times.parse("2026-07-01T10:00:00+0200", "t"));
        assertEquals(Instant.parse("2026-07-01T10:00:00.123456789Z"), Times.parse("2026-07-01 10:00:00.1234567891234Z", "t"));
        assertEquals("timestamp without zone in t: '2026-07-01T10:00:00'",
                assertThrows(RecordException.class, () -> Times.parse("2026-07-01T10:00:00", "t")).getMessage());
        assertThrows(RecordException.class, () -> Times.parse("yesterday", "t"));
    }

    @Test
    void redaction() {
        String out = Redactor.redact("{\"client_token\":\"abc\",\"path\":\"p\",\"x\":\"hmac-sha256:00ff\","
                + "\"SAMLResponse\":\"PHNhbWxwOlJlc3BvbnNl\"} Bearer eyJhbGciOi.eyJzdWIi.sig hvs.CAESIJ0123456789abcdefghij");
        assertFalse(out.contains("abc") || out.contains("00ff") || out.contains("eyJ") || out.contains("hvs.")
                || out.contains("PHNhbW"), out);
        assertTrue(out.contains("\"path\":\"p\""));
    }

    @Test
    void globs() {
        assertTrue("/l/a/b/c.json.gz".matches(FileLister.regex("/l/**/*.json.gz")));
        assertTrue("/l/c.json.gz".matches(FileLister.regex("/l/**/*.json.gz")));
        assertFalse("/l/a/c.json".matches(FileLister.regex("/l/*.json")));
        assertTrue("/l/audit-1.log".matches(FileLister.regex("/l/{audit,x}-[0-9].log")));
    }

    @Test
    void coverageWithoutEventsIsOneGapOverThePeriod() {
        Period p = new Period(Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"));
        SourceCoverage c = Coverage.of("okta-system-log", 0, new long[0], p, Duration.ofHours(24));
        assertEquals(1, c.gaps().size());
        assertEquals(p.from(), c.gaps().get(0).from());
        assertEquals(p.to(), c.gaps().get(0).to());
        long[] merged = Coverage.merge(List.of(new long[]{0, 10}, new long[]{15, 20}, new long[]{100, 100}), 5);
        assertEquals(List.of(0L, 20L, 100L, 100L), java.util.Arrays.stream(merged).boxed().toList());
    }

    /** HashiCorp's file audit device: a request line and a response line per operation. */
    @Test
    void vaultResponsesWinOverTheirRequestsAndSealedPathsAreCustodyOrRotation(@TempDir Path dir) throws IOException {
        String auth = "\"auth\":{\"client_token\":\"hmac-sha256:aa11\",\"accessor\":\"hmac-sha256:bb22\","
                + "\"display_name\":\"oidc-Carol@Example.com\",\"policies\":[\"default\"],\"metadata\":{\"role\":\"x\"}}";
        String read = "\"request\":{\"id\":\"r1\",\"operation\":\"read\",\"path\":\"secret/data/breakglass/aws/share-1\","
                + "\"client_token\":\"hmac-sha256:aa11\",\"remote_address\":\"10.1.1.1\"}";
        String write = "\"request\":{\"id\":\"r2\",\"operation\":\"update\",\"path\":\"secret/data/breakglass/aws/password\","
                + "\"data\":{\"value\":\"hmac-sha256:cc33\"}}";
        String content = String.join("\n",
                "{\"time\":\"2026-07-01T09:00:00.000001Z\",\"type\":\"request\"," + auth + "," + read + "}",
                "{\"time\":\"2026-07-01T09:00:00.000002Z\",\"type\":\"response\"," + auth + "," + read
                        + ",\"response\":{\"data\":{\"share\":\"hmac-sha256:dd44\"}}}",
                "{\"time\":\"2026-07-02T09:00:00Z\",\"type\":\"request\"," + auth + "," + write + "}",
                "{\"time\":\"2026-07-02T09:00:00Z\",\"type\":\"request\"," + auth
                        + ",\"request\":{\"id\":\"r3\",\"operation\":\"read\",\"path\":\"secret/data/other\"}}",
                "");
        FileScan scan = read(dir, "vault-audit", content, spec(dir));
        assertEquals(4, scan.read());
        assertEquals(2, scan.normalised(), "the response of r1 and the lone request r2");
        assertEquals(2, scan.notRelevant(), "the request of r1, the unrelated read");
        List<NormalizedEvent> events = events(scan);
        NormalizedEvent custody = events.stream().filter(e -> e.eventClass() == EventClass.CUSTODY).findFirst().orElseThrow();
        assertEquals("carol@example.com", custody.person());
        assertEquals("secret/data/breakglass/aws/share-1", custody.credential());
        assertEquals("success", custody.outcome());
        NormalizedEvent rotation = events.stream().filter(e -> e.eventClass() == EventClass.ROTATION).findFirst().orElseThrow();
        assertEquals("password", rotation.credential());
        assertEquals("bg", rotation.account());
        assertTrue(events.stream().noneMatch(e -> e.toString().contains("hmac")), events.toString());
    }

    @Test
    void wrongTypesAreQuarantinedWithTheField(@TempDir Path dir) throws IOException {
        FileScan scan = read(dir, "aws-cloudtrail", String.join("\n",
                "{\"eventTime\":\"2026-07-01T10:00:00Z\",\"eventName\":\"ConsoleLogin\",\"userIdentity\":\"breakglass\"}",
                "{\"eventTime\":1751364000,\"eventName\":\"ConsoleLogin\",\"userIdentity\":{\"arn\":\"x\"}}",
                "[\"breakglass\"]"), spec(dir));
        assertEquals(3, scan.quarantined());
        assertEquals("userIdentity: expected an object, found string", scan.quarantine().get(0).reason());
        assertEquals("eventTime: expected an ISO-8601 string", scan.quarantine().get(1).reason());
        assertEquals("record is not a JSON object", scan.quarantine().get(2).reason());
    }

    @Test
    void cloudTrailTargetMatchAndAccessKeys(@TempDir Path dir) throws IOException {
        String admin = "\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/admin\","
                + "\"userName\":\"admin\"},\"recipientAccountId\":\"111122223333\"";
        FileScan scan = read(dir, "aws-cloudtrail", String.join("\n",
                "{\"eventTime\":\"2026-07-01T10:00:00Z\",\"eventID\":\"e1\",\"eventName\":\"CreateAccessKey\"," + admin
                        + ",\"requestParameters\":{\"userName\":\"breakglass\"},\"responseElements\":{\"accessKey\":"
                        + "{\"accessKeyId\":\"AKIAEXAMPLE\",\"userName\":\"breakglass\",\"status\":\"Active\"}}}",
                "{\"eventTime\":\"2026-07-01T11:00:00Z\",\"eventID\":\"e2\",\"eventName\":\"DeleteAccessKey\"," + admin
                        + ",\"requestParameters\":{\"userName\":\"breakglass\",\"accessKeyId\":\"AKIAEXAMPLE\"}}",
                "{\"eventTime\":\"2026-07-01T12:00:00Z\",\"eventID\":\"e3\",\"eventName\":\"DeactivateMFADevice\"," + admin
                        + ",\"requestParameters\":{\"userName\":\"breakglass\"}}"), spec(dir));
        List<NormalizedEvent> events = events(scan);
        assertEquals(3, events.size());
        assertTrue(events.stream().allMatch(e -> "bg".equals(e.account()) && "admin".equals(e.person())));
        assertEquals("created", events.get(0).accessChange());
        assertEquals("AKIAEXAMPLE", events.get(0).accessObject());
        assertEquals(EventClass.ROTATION, events.get(1).eventClass());
        assertEquals("removed", events.get(1).accessChange());
        assertEquals("AKIAEXAMPLE", events.get(1).accessObject());
        assertEquals(EventClass.ACCOUNT_CHANGE, events.get(2).eventClass());
    }

    /** A file: URI names the file Hadoop's Path names, whether taken as it is or through Hadoop. */
    @Test
    void localPathsAreHadoopsPaths() {
        for (String uri : List.of("file:/data/logs/a.json.gz", "file:///data/logs/a b.json", "file:/data//logs/a",
                "file:/data/./logs/a", "file:/data/x/../logs/a", "file:/data/a%20b", "file://host/data/a",
                "file:/data/logs/", "file:/data/logs/.")) {
            assertEquals(new org.apache.hadoop.fs.Path(uri).toUri().getPath(), FileReader.localPath(uri), uri);
        }
        assertNull(FileReader.localPath("s3a://bucket/data/a.json"));
    }
}
