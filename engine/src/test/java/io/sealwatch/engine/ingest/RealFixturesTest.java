package io.sealwatch.engine.ingest;

import io.sealwatch.config.IdentityMatch;
import io.sealwatch.config.SourceSpec;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.NormalizedEvent;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.sealwatch.engine.ingest.IngestTestSupport.account;
import static io.sealwatch.engine.ingest.IngestTestSupport.config;
import static io.sealwatch.engine.ingest.IngestTestSupport.fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every real vendor sample (fixtures/real, see its PROVENANCE.md) through its connector. Part one
 * reads each file with identities matching every principal ({@code *}), so every record takes the
 * full tree-and-connector path: nothing may be quarantined. Part two runs the whole Spark ingest on
 * the real files with a realistic config.
 */
class RealFixturesTest {
    /** Fixture folder → source type; the Graph folder holds both sign-in and audit pages. */
    private static final Map<String, String> TYPES = Map.of(
            "aws-cloudtrail", "aws-cloudtrail", "okta-system-log", "okta-system-log", "gcp-audit", "gcp-audit",
            "vault-audit", "vault-audit");

    static final List<FileScan> scans = new ArrayList<>();
    static final List<NormalizedEvent> events = new ArrayList<>();

    @BeforeAll
    static void readEveryFile() throws IOException {
        List<IdentityMatch> all = io.sealwatch.config.SourceType.KNOWN.stream().map(t -> new IdentityMatch(t, "*"))
                .toList();
        IngestSpec spec = IngestSpec.of(config(fixtures(), List.of(),
                List.of(account("everyone", all, List.of(), List.of("password")))));
        try (Stream<Path> files = Files.walk(fixtures())) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String type = typeOf(f);
                if (type == null) {
                    continue;
                }
                FileScan scan = FileReader.read(new FileTask(type, f.toUri().toString(), f.toString()), spec, Map.of());
                scans.add(scan);
                scan.events().forEach(r -> events.add(EventRows.fromRow(withSchema(r))));
            }
        }
    }

    private static String typeOf(Path f) {
        String dir = f.getParent().getFileName().toString();
        String name = f.getFileName().toString();
        if (dir.equals("entra") || dir.equals("entra-graph")) {
            return name.contains("signin") ? "entra-signin" : "entra-audit";
        }
        return TYPES.get(dir);
    }

    @Test
    void everyRealFileIsReadWithoutQuarantine() {
        assertEquals(15, scans.size(), "all fixture files read");
        for (FileScan s : scans) {
            InputFileStats st = s.stats();
            assertNull(st.error(), st.path());
            assertEquals(0, st.quarantined(), () -> st.path() + ": " + s.quarantine());
            assertTrue(st.read() > 0, st.path());
            assertEquals(st.read(), st.normalised() + st.notRelevant(), "nothing lost: " + st);
            assertTrue(st.balanced(), st.toString());
            assertEquals(64, st.sha256().length());
        }
    }

    @Test
    void nearlyEveryRecordConcernsSomeone() {
        long read = scans.stream().mapToLong(FileScan::read).sum();
        long normalised = scans.stream().mapToLong(FileScan::normalised).sum();
        assertTrue(normalised > read * 9 / 10, normalised + " of " + read);
    }

    @Test
    void recordsFileAndLinesFileHoldTheSameEvents() {
        assertEquals(409, stats("cloudtrail-panther-tests.jsonl").read());
        assertEquals(409, stats("cloudtrail-panther-tests-records.json.gz").read());
    }

    @Test
    void cloudTrailConsoleLoginWithU2fKey() {
        NormalizedEvent e = one("cloudtrail-panther-tests.jsonl", x -> "fed06f42-cb12-4764-8c69-121063dc79b9".equals(x.eventId()));
        assertEquals(EventClass.AUTHENTICATION, e.eventClass());
        assertEquals("success", e.outcome());
        assertEquals("u2f", e.mfa());
        assertEquals("arn:aws:iam::111122223333:user/anaya", e.actor());
        assertEquals("anaya", e.person());
        assertEquals(Boolean.FALSE, e.federated());
        assertEquals(45, e.record());
    }

    @Test
    void cloudTrailFailedLoginWithoutMfa() {
        NormalizedEvent e = one("cloudtrail-more-native.jsonl", x -> "11ea990b-4678-4bcd-8fbe-62509088b7cf".equals(x.eventId()));
        assertEquals("failure", e.outcome());
        assertEquals("none", e.mfa());
        assertEquals("janedoe", e.person());
    }

    @Test
    void cloudTrailFederatedSignIns() {
        NormalizedEvent saml = one("cloudtrail-more-native.jsonl", x -> "AssumeRoleWithSAML".equals(x.action()));
        assertEquals(EventClass.AUTHENTICATION, saml.eventClass());
        assertEquals(Boolean.TRUE, saml.federated());
        assertEquals("arn:aws:sts::444455556666:assumed-role/SAMLTestRoleShibboleth/MyAssignedRoleSessionName",
                saml.actor());
        NormalizedEvent sso = one("cloudtrail-more-native.jsonl", x -> x.record() == 39);
        assertEquals(Boolean.TRUE, sso.federated(), "console sign-in through a SAML provider");
    }

    @Test
    void cloudTrailPasswordResetOfAnotherUserIsARotationWithItsTarget() {
        NormalizedEvent e = one("cloudtrail-panther-tests.jsonl", x -> x.record() == 29);
        assertEquals(EventClass.ROTATION, e.eventClass());
        assertEquals("password", e.credential());
        assertTrue(e.target().endsWith(":user/alice"), e.target());
    }

    @Test
    void cloudTrailAccessKeyCreationNamesTheKey() {
        assertTrue(events.stream().anyMatch(x -> "CreateAccessKey".equals(x.action()) && "created".equals(x.accessChange())
                && "access-key".equals(x.accessKind()) && x.accessObject() != null));
    }

    @Test
    void cloudTrailPlaceholderDayIsResolvedNotQuarantined() {
        NormalizedEvent e = one("cloudtrail-more-native.jsonl", x -> x.record() == 45);
        assertEquals("2018-12-31T00:00:00Z", e.time().toString());
    }

    @Test
    void oktaPasswordResetAndFailedSessions() {
        NormalizedEvent reset = one("okta-panther-tests.jsonl", x -> "user.account.reset_password".equals(x.action()));
        assertEquals(EventClass.ROTATION, reset.eventClass());
        assertEquals("password", reset.credential());
        assertTrue(events.stream().anyMatch(x -> "user.session.start".equals(x.action()) && x.failed()
                && x.eventClass() == EventClass.AUTHENTICATION));
    }

    @Test
    void graphPagesAreRead() {
        NormalizedEvent e = one("graph-signins-page.json", x -> "66ea54eb-6301-4ee5-be62-ff5a759b0100".equals(x.eventId()));
        assertEquals("testaccount1@contoso.com", e.person());
        assertEquals("success", e.outcome());
        assertEquals(1, e.record());
        NormalizedEvent audit = one("graph-directoryaudits-page-1.json", x -> x.record() == 1);
        assertEquals("Add member to group", audit.action());
        assertEquals("bob@wingtiptoysonline.com", audit.actor());
        assertEquals("grant", audit.accessKind());
    }

    @Test
    void vaultSampleKeepsNoHmacOrToken() {
        NormalizedEvent e = one("vault-datadog-sample.log", x -> true);
        assertEquals("sys/policies/acl/admin", e.target());
        assertEquals("root", e.person());
        assertTrue(events.stream().noneMatch(x -> String.valueOf(x).contains("hmac-sha256")));
    }

    /** The whole Spark ingest on the real files, with a config naming principals found in them. */
    @Test
    void sparkIngestOfRealFilesMatchesConfiguredIdentities(@TempDir Path work) throws IOException {
        List<SourceSpec> sources = List.of(
                new SourceSpec("aws-cloudtrail", fixtures() + "/aws-cloudtrail/*.jsonl", 1),
                new SourceSpec("okta-system-log", fixtures() + "/okta-system-log/*", 2),
                new SourceSpec("entra-signin", fixtures() + "/entra-graph/graph-signins-*.json", 3),
                new SourceSpec("gcp-audit", fixtures() + "/gcp-audit/*.jsonl", 4));
        IngestResult result = Ingest.run(IngestTestSupport.spark(), config(work, sources, List.of(
                account("aws-bg", List.of(new IdentityMatch("aws-cloudtrail", "arn:aws:iam::111122223333:user/anaya"),
                        new IdentityMatch("aws-cloudtrail", "arn:aws:sts::444455556666:assumed-role/SAMLTestRole*/*")),
                        List.of(), List.of("password")),
                account("okta-bg", List.of(new IdentityMatch("okta-system-log", "homer@springfield.gov"),
                        new IdentityMatch("entra-signin", "testaccount1@contoso.com"),
                        new IdentityMatch("gcp-audit", "staging@company.io")), List.of(), List.of("password")))),
                IngestTestSupport.PERIOD);
        IngestTestSupport.assertBalanced(result);
        assertEquals(0, result.quarantined());
        List<NormalizedEvent> found = IngestTestSupport.events(result);
        assertTrue(found.stream().anyMatch(e -> "aws-bg".equals(e.account()) && "u2f".equals(e.mfa())));
        assertTrue(found.stream().anyMatch(e -> "aws-bg".equals(e.account()) && "AssumeRoleWithSAML".equals(e.action())));
        assertTrue(found.stream().anyMatch(e -> "okta-bg".equals(e.account()) && "okta-system-log".equals(e.sourceType())));
        assertTrue(found.stream().anyMatch(e -> "okta-bg".equals(e.account()) && "entra-signin".equals(e.sourceType())));
        assertTrue(found.stream().anyMatch(e -> "okta-bg".equals(e.account())
                && "service-account-key".equals(e.accessKind())));
        assertTrue(found.stream().allMatch(e -> e.account() != null));
        long read = result.inputs().stream().mapToLong(InputFileStats::read).sum();
        assertTrue(found.size() < read / 10, "only the configured identities' events are kept");
    }

    private static InputFileStats stats(String name) {
        return scans.stream().map(FileScan::stats).filter(s -> s.path().endsWith("/" + name)).findFirst().orElseThrow();
    }

    private static NormalizedEvent one(String file, Predicate<NormalizedEvent> p) {
        List<NormalizedEvent> found = events.stream().filter(e -> e.sourceFile().endsWith("/" + file)).filter(p).toList();
        assertEquals(1, found.size(), "events matching in " + file + ": " + found);
        return found.get(0);
    }

    static Row withSchema(Row r) {
        Object[] values = new Object[r.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.get(i);
        }
        return new GenericRowWithSchema(values, EventRows.SCHEMA);
    }
}
