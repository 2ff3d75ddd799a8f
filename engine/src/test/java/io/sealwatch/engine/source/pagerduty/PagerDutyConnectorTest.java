package io.sealwatch.engine.source.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * PagerDuty log entries: a person notified about an incident on the account's service is a notification of the
 * recipient group the incident's escalation policy stands for. The published entries are PagerDuty's API reference
 * examples (fixtures/real/pagerduty); the notify entries follow its {@code NotifyLogEntry} schema with
 * {@code include[]=incidents}.
 */
class PagerDutyConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-08-14T08:07:00Z");
    private static final EvidenceMap.Source MAP = new EvidenceMap.Source("service.summary",
            Map.of("Break-glass: AWS root", "aws-bg"), List.of(), Map.of(),
            Map.of("Security Leadership", "security-leadership", "Engineering Leadership", "engineering-leadership"));

    private static NormalizedEvent map(JsonNode entry) throws RecordException {
        AccountSpec account = new AccountSpec("aws-bg", null, List.of(new IdentityMatch("aws-cloudtrail", "arn:x")),
                List.of(), List.of("password"), List.of("alice@example.com"), 1, Duration.ofHours(4), List.of());
        AccountIndex index = new AccountIndex(List.of(account), new EvidenceMap(Map.of("pagerduty", MAP)));
        return new PagerDutyConnector().map(entry, new RecordContext("pagerduty", "p.json", 1, AT, index));
    }

    private static JsonNode notify(String service, String policy) throws Exception {
        return JSON.readTree("{\"id\":\"R2Q7NRPCGDEDWK\",\"type\":\"notify_log_entry\",\"summary\":\"Notified Dana Fox"
                + " by SMS\",\"self\":\"https://api.pagerduty.com/log_entries/R2Q7NRPCGDEDWK\",\"created_at\":"
                + "\"2026-08-14T08:07:00Z\",\"agent\":{\"id\":\"PIJ90N7\",\"type\":\"service_reference\",\"summary\":\""
                + service + "\"},\"channel\":{\"type\":\"sms\"},\"service\":{\"id\":\"PIJ90N7\",\"type\":"
                + "\"service_reference\",\"summary\":\"" + service + "\"},\"incident\":{\"id\":\"Q1KQ7RC3WQ6VYZ\","
                + "\"type\":\"incident\",\"incident_number\":4211,\"title\":\"Break-glass use of the AWS root user\","
                + (policy == null ? "" : "\"escalation_policy\":{\"id\":\"PT20YPA\",\"type\":"
                + "\"escalation_policy_reference\",\"summary\":\"" + policy + "\"},")
                + "\"status\":\"triggered\"},\"teams\":[],\"contexts\":[],\"user\":{\"id\":\"PXPGF42\",\"type\":"
                + "\"user_reference\",\"summary\":\"Dana Fox\"}}");
    }

    @Test
    void aPersonNotifiedThroughAMappedPolicyIsANotificationOfItsGroup() throws Exception {
        NormalizedEvent e = map(notify("Break-glass: AWS root", "Security Leadership"));
        assertEquals(EventClass.NOTIFICATION, e.eventClass());
        assertEquals("aws-bg", e.account());
        assertEquals("security-leadership", e.recipient());
        assertEquals(AT, e.time());
        assertEquals("dana fox", e.person());
        assertEquals("Q1KQ7RC3WQ6VYZ", e.incident());
        assertEquals("R2Q7NRPCGDEDWK", e.eventId());
        assertEquals("sms", e.target());
    }

    @Test
    void anUnmappedPolicyKeepsItsNameAndAnotherServiceIsNotRelevant() throws Exception {
        assertEquals("Ops On-Call", map(notify("Break-glass: AWS root", "Ops On-Call")).recipient(),
                "visible in the reports, and no required group");
        assertNull(map(notify("Checkout API", "Security Leadership")));
    }

    @Test
    void withoutTheIncidentIncludedThePolicyCannotBeSeenAndTheEntryIsQuarantined() throws Exception {
        RecordException e = assertThrows(RecordException.class, () -> map(notify("Break-glass: AWS root", null)));
        assertTrue(e.getMessage().startsWith("incident.escalation_policy.summary: missing; list the log entries with"
                + " include[]=incidents"), e.getMessage());
    }

    @Test
    void thePublishedEntriesAndIncidentsNotifyNoOne() throws Exception {
        Path dir = Path.of("src/test/resources/fixtures/real/pagerduty");
        JsonNode trigger = JSON.readTree(dir.resolve("pagerduty-api-log-entries.json").toFile()).get("log_entries").get(0);
        assertEquals("trigger_log_entry", trigger.get("type").asText());
        assertNull(map(trigger));
        JsonNode incident = JSON.readTree(dir.resolve("pagerduty-api-incidents.json").toFile()).get("incidents").get(0);
        assertNull(map(incident));
    }
}
