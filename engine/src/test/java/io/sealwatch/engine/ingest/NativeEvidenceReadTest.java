package io.sealwatch.engine.ingest;

import io.sealwatch.model.QuarantineEntry;
import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.EvidenceMap;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.config.Policy;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.NormalizedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ticketing, paging and Key Vault exports through the reader: their wrappers ({@code issues},
 * {@code log_entries}, {@code incidents}, {@code records}) are split into records, every record of a process source
 * reaches its connector (no identity prefilter: an account is named by the evidence map), and every record ends in
 * exactly one state.
 */
class NativeEvidenceReadTest {
    @TempDir
    Path dir;

    private static IngestSpec spec() {
        AccountSpec aws = new AccountSpec("aws-bg", null, List.of(new IdentityMatch("aws-cloudtrail", "arn:x")),
                List.of(new IdentityMatch("azure-keyvault", "https://examplecorp-bg.vault.azure.net/secrets/aws-*")),
                List.of("password"), List.of("alice@example.com"), 1, Duration.ofHours(4), List.of());
        EvidenceMap map = new EvidenceMap(Map.of(
                "jira", new EvidenceMap.Source("fields.labels", Map.of("bg-aws", "aws-bg"), List.of("Approved"),
                        Map.of(), Map.of()),
                "servicenow", new EvidenceMap.Source("sysapproval.cmdb_ci", Map.of("AWS root", "aws-bg"),
                        List.of("approved"), Map.of(), Map.of()),
                "pagerduty", new EvidenceMap.Source("service.summary", Map.of("My Mail Service", "aws-bg"), List.of(),
                        Map.of(), Map.of("Another Escalation Policy", "security-leadership"))));
        SealwatchConfig config = new SealwatchConfig(Path.of("sealwatch.yaml"), "0".repeat(64), "Test", "UTC", List.of(),
                List.of(aws), List.of(), Policy.defaults(), null, List.of(), null, List.of(), map);
        return IngestSpec.of(config);
    }

    private static FileScan read(Path f, String type) throws IOException {
        return FileReader.read(new FileTask(type, f.toUri().toString(), f.toString()), spec(), Map.of());
    }

    private static void balanced(FileScan s, long read, long normalised, long notRelevant, long quarantined) {
        InputFileStats st = s.stats();
        assertNull(st.error(), st.path());
        assertEquals(List.of(read, normalised, notRelevant, quarantined),
                List.of(st.read(), st.normalised(), st.notRelevant(), st.quarantined()), () -> st + " " + s.quarantine());
        assertTrue(st.balanced(), st.toString());
    }

    @Test
    void thePublishedExportsAreSplitAndReadWithoutQuarantine() throws IOException {
        Path real = IngestTestSupport.fixtures();
        balanced(read(real.resolve("jira/go-jira-issues-in-sprint-with-changelog.json"), "jira"), 1, 0, 1, 0);
        // the API example's trigger entry is on "My Mail Service": relevant by its service, but it notifies no one
        balanced(read(real.resolve("pagerduty/pagerduty-api-log-entries.json"), "pagerduty"), 1, 0, 1, 0);
        balanced(read(real.resolve("pagerduty/pagerduty-api-incidents.json"), "pagerduty"), 1, 0, 1, 0);
        balanced(read(real.resolve("azure-keyvault/keyvault-docs-auditevent.json"), "azure-keyvault"), 1, 0, 1, 0);
    }

    @Test
    void aSearchPageWithAnApprovalAMissingChangelogAndABrokenIssueAddsUp() throws IOException {
        Path f = dir.resolve("search.json");
        Files.writeString(f, """
                {"expand":"schema,names","startAt":0,"maxResults":50,"total":4,"issues":[
                 {"key":"SEC-1","fields":{"created":"2026-08-14T09:55:00.000+0200","labels":["bg-aws"],"issuetype":{"name":"Task"}},
                  "changelog":{"histories":[{"id":"1","author":{"emailAddress":"ciso@example.com"},"created":"2026-08-14T10:00:00.000+0200",
                   "items":[{"field":"status","fromString":"Open","toString":"Approved"}]}]}},
                 {"key":"SEC-2","fields":{"created":"2026-08-14T09:55:00.000+0200","labels":["bg-aws"]}},
                 {"key":"SEC-3","fields":{"created":"2026-08-14 09:55:00","labels":["bg-aws"]}},
                 {"key":"OPS-9","fields":{"created":"2026-08-14T09:55:00.000+0200","labels":[]},"changelog":{"histories":[]}}
                ]}
                """);
        FileScan s = read(f, "jira");
        balanced(s, 4, 1, 1, 2);
        assertEquals(List.of("changelog: missing; export the search with expand=changelog, or the approval cannot be seen",
                "timestamp without zone in fields.created: '2026-08-14 09:55:00'"), s.quarantine().stream().map(QuarantineEntry::reason).toList());
        NormalizedEvent e = EventRows.fromRow(RealFixturesTest.withSchema(s.events().get(0)));
        assertEquals("ciso@example.com", e.person());
        assertEquals("SEC-1", e.incident());
    }

    @Test
    void aTableApiExportIsReadWithItsZonelessUtcTimes() throws IOException {
        Path f = dir.resolve("sysapproval_approver.json");
        Files.writeString(f, """
                {"result":[
                 {"sys_id":"1","state":"approved","approver":{"value":"6282"},"approver.email":"ciso@example.com",
                  "sysapproval.number":"CHG0030042","sysapproval.cmdb_ci":"AWS root","sys_updated_on":"2026-08-14 07:58:00"},
                 {"sys_id":"2","state":"requested","approver":{"value":"6283"},"sysapproval.cmdb_ci":"AWS root",
                  "sys_updated_on":"2026-08-14 07:51:12"},
                 {"sys_id":"3","state":"approved","approver":{"value":"6283"},"sysapproval.cmdb_ci":"AWS root",
                  "sys_updated_on":"14/08/2026 07:51"}
                ]}
                """);
        FileScan s = read(f, "servicenow");
        balanced(s, 3, 1, 1, 1);
        NormalizedEvent e = EventRows.fromRow(RealFixturesTest.withSchema(s.events().get(0)));
        assertEquals(java.time.Instant.parse("2026-08-14T07:58:00Z"), e.time());
        assertTrue(s.quarantine().get(0).reason().contains("sys_updated_on"), s.quarantine().get(0).reason());
    }
}
