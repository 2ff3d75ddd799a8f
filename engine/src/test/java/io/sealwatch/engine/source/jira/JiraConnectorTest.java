package io.sealwatch.engine.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.EvidenceMap;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.engine.ingest.AccountIndex;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.engine.ingest.RecordException;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jira issues from a REST search with changelog: the first change into an approved status (or a Jira Service
 * Management approval) is the approval of the account its label names. The published issue is go-jira's test
 * response (fixtures/real/jira); the others follow the documented search shape.
 */
class JiraConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CREATED = Instant.parse("2026-08-14T07:55:00Z");

    private static NormalizedEvent map(JsonNode issue, EvidenceMap.Source mapping) throws RecordException {
        AccountSpec account = new AccountSpec("aws-bg", null, List.of(new IdentityMatch("aws-cloudtrail", "arn:x")),
                List.of(), List.of("password"), List.of("alice@example.com"), 1, Duration.ofHours(4), List.of());
        AccountIndex index = new AccountIndex(List.of(account), new EvidenceMap(Map.of("jira", mapping)));
        return new JiraConnector().map(issue, new RecordContext("jira", "t.json", 1, CREATED, index));
    }

    private static EvidenceMap.Source labels() {
        return new EvidenceMap.Source("fields.labels", Map.of("bg-aws", "aws-bg"), List.of("Approved"),
                Map.of("Change", "change", "Seal drill", "drill"), Map.of());
    }

    /** A break-glass request as Jira's search returns it, with its status history. */
    private static ObjectNode issue(String type, String label, String... transitions) throws Exception {
        StringBuilder histories = new StringBuilder();
        for (int i = 0; i < transitions.length; i += 3) {
            histories.append(i == 0 ? "" : ",").append("{\"id\":\"1010").append(i).append("\",\"author\":{\"accountId\":")
                    .append("\"5b10a2844c20165700ede21g\",\"emailAddress\":\"").append(transitions[i + 2])
                    .append("\",\"displayName\":\"Someone\"},\"created\":\"").append(transitions[i])
                    .append("\",\"items\":[{\"field\":\"status\",\"fieldtype\":\"jira\",\"from\":\"3\",\"fromString\":")
                    .append("\"In Review\",\"to\":\"10001\",\"toString\":\"").append(transitions[i + 1]).append("\"}]}");
        }
        return (ObjectNode) JSON.readTree("{\"expand\":\"operations,changelog\",\"id\":\"10342\",\"key\":\"SEC-142\","
                + "\"fields\":{\"summary\":\"Break-glass: restore the SSO trust\",\"issuetype\":{\"name\":\"" + type
                + "\"},\"labels\":[\"" + label + "\"],\"created\":\"2026-08-14T09:55:00.000+0200\"},"
                + "\"changelog\":{\"startAt\":0,\"maxResults\":2,\"total\":2,\"histories\":[" + histories + "]}}");
    }

    @Test
    void theFirstChangeIntoAnApprovedStatusIsTheApprovalCitingTheIssue() throws Exception {
        NormalizedEvent e = map(issue("Break-glass request", "bg-aws",
                "2026-08-14T10:05:00.000+0200", "Approved", "ciso@example.com",
                "2026-08-14T10:40:00.000+0200", "Reopened", "bob@example.com",
                "2026-08-14T09:58:00.000+0200", "Approved", "secops-manager@example.com"), labels());
        assertEquals(EventClass.APPROVAL, e.eventClass());
        assertEquals("aws-bg", e.account());
        assertEquals(Instant.parse("2026-08-14T07:58:00Z"), e.time(), "the transition's time, not the issue's");
        assertEquals("secops-manager@example.com", e.person());
        assertEquals("SEC-142", e.incident());
        assertEquals("SEC-142", e.eventId());
        assertEquals("status In Review → Approved", e.action());
    }

    @Test
    void theIssueTypeSaysWhatIsApprovedAndAnUnapprovedOrUnlabelledIssueIsEvidenceOfNothing() throws Exception {
        assertEquals(EventClass.APPROVED_CHANGE, map(issue("Change", "bg-aws",
                "2026-08-14T10:05:00.000+0200", "Approved", "ciso@example.com"), labels()).eventClass());
        NormalizedEvent drill = map(issue("Seal drill", "bg-aws",
                "2026-07-20T16:00:00.000+0200", "Approved", "alice@example.com"), labels());
        assertEquals(EventClass.DRILL, drill.eventClass(), "a drill ticket closed records the drill, led by its author");
        assertEquals("alice@example.com", drill.person());
        assertNull(map(issue("Break-glass request", "bg-aws",
                "2026-08-14T10:05:00.000+0200", "Declined", "ciso@example.com"), labels()));
        assertNull(map(issue("Break-glass request", "bg-okta",
                "2026-08-14T10:05:00.000+0200", "Approved", "ciso@example.com"), labels()));
    }

    @Test
    void aServiceManagementApprovalCountsWhenItCameFirst() throws Exception {
        ObjectNode issue = issue("Break-glass request", "bg-aws",
                "2026-08-14T10:05:00.000+0200", "Approved", "ciso@example.com");
        ((ObjectNode) issue.get("fields")).set("customfield_10027", JSON.readTree("[{\"id\":\"7\","
                + "\"name\":\"Security approval\",\"finalDecision\":\"approved\",\"canAnswerApproval\":false,"
                + "\"approvers\":[{\"approver\":{\"accountId\":\"qm:1\",\"emailAddress\":\"alice@example.com\"},"
                + "\"approverDecision\":\"approved\"}],\"createdDate\":{\"iso8601\":\"2026-08-14T09:56:00+0200\"},"
                + "\"completedDate\":{\"iso8601\":\"2026-08-14T10:01:00+0200\",\"epochMillis\":1786694460000}}]"));
        NormalizedEvent e = map(issue, labels());
        assertEquals(Instant.parse("2026-08-14T08:01:00Z"), e.time());
        assertEquals("alice@example.com", e.person());
        assertEquals("approval Security approval", e.action());
    }

    @Test
    void anIssueOfAnAccountWithoutItsChangelogIsQuarantinedNotSilentlyDropped() throws Exception {
        ObjectNode issue = issue("Break-glass request", "bg-aws");
        issue.remove("changelog");
        RecordException e = assertThrows(RecordException.class, () -> map(issue, labels()));
        assertTrue(e.getMessage().startsWith("changelog: missing; export the search with expand=changelog"),
                e.getMessage());
    }

    @Test
    void thePublishedIssueIsReadAndHasNoApproval() throws Exception {
        JsonNode page = JSON.readTree(Path.of("src/test/resources/fixtures/real/jira/"
                + "go-jira-issues-in-sprint-with-changelog.json").toFile());
        JsonNode issue = page.get("issues").get(0);
        EvidenceMap.Source byProject = new EvidenceMap.Source("fields.project.key", Map.of("AR", "aws-bg"),
                List.of("Done"), Map.of(), Map.of());
        assertNull(map(issue, byProject), "its history changes the summary and the priority, never the status");
        EvidenceMap.Source byPriority = new EvidenceMap.Source("fields.project", Map.of("Team Argon", "aws-bg"),
                List.of("Minor"), Map.of(), Map.of());
        assertNull(map(issue, byPriority), "only status changes approve, not the priority becoming 'Minor'");
    }
}
