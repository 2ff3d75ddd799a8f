package io.sealwatch.engine.source.servicenow;

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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * ServiceNow {@code sysapproval_approver} rows from the Table API, with plain values and with display values: an
 * approved row about a task on the account's configuration item is the approver's approval. No permissively
 * licensed export was found; the rows follow the Table API's documented shape (dot-walked fields as flat keys).
 */
class ServiceNowConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EvidenceMap.Source MAP = new EvidenceMap.Source("sysapproval.cmdb_ci",
            Map.of("AWS root break-glass", "aws-bg"), List.of("approved"), Map.of("normal", "change", "standard", "change"), Map.of());
    private static final ServiceNowConnector SNOW = new ServiceNowConnector();

    private static NormalizedEvent map(String row) throws Exception {
        AccountSpec account = new AccountSpec("aws-bg", null, List.of(new IdentityMatch("aws-cloudtrail", "arn:x")),
                List.of(), List.of("password"), List.of("alice@example.com"), 1, Duration.ofHours(4), List.of());
        AccountIndex index = new AccountIndex(List.of(account), new EvidenceMap(Map.of("servicenow", MAP)));
        JsonNode r = JSON.readTree(row);
        Instant t = SNOW.time(r.get("sys_updated_on").asText(), "sys_updated_on");
        return SNOW.map(r, new RecordContext("servicenow", "s.json", 1, t, index));
    }

    private static String approval(String state, String type) {
        return "{\"sys_id\":\"8f2b1c7e1b3a4d10a9e1c2d3e4f5a6b7\",\"state\":\"" + state + "\",\"approver\":{\"link\":"
                + "\"https://example.service-now.com/api/now/table/sys_user/62826bf03710200044e0bfc8bcbe5df1\","
                + "\"value\":\"62826bf03710200044e0bfc8bcbe5df1\"},\"approver.email\":\"ciso@example.com\","
                + "\"source_table\":\"change_request\",\"sysapproval\":{\"link\":\"https://example.service-now.com/api/"
                + "now/table/task/a9e30c7dc61122760116894de7bcc7bd\",\"value\":\"a9e30c7dc61122760116894de7bcc7bd\"},"
                + "\"sysapproval.number\":\"CHG0030042\",\"sysapproval.type\":\"" + type + "\","
                + "\"sysapproval.cmdb_ci\":{\"link\":\"https://example.service-now.com/api/now/table/cmdb_ci/b0c2\","
                + "\"value\":\"AWS root break-glass\"},\"sysapproval.short_description\":\"Emergency access to the AWS"
                + " root user\",\"sys_updated_on\":\"2026-08-14 07:58:00\",\"sys_created_on\":\"2026-08-14 07:51:12\"}";
    }

    @Test
    void anApprovedRowIsTheApproversApprovalAtItsUpdateInUtc() throws Exception {
        NormalizedEvent e = map(approval("approved", "emergency"));
        assertEquals(EventClass.APPROVAL, e.eventClass());
        assertEquals(Instant.parse("2026-08-14T07:58:00Z"), e.time(), "the Table API's values are UTC");
        assertEquals("ciso@example.com", e.person());
        assertEquals("CHG0030042", e.incident());
        assertEquals("aws-bg", e.account());
        assertEquals(EventClass.APPROVED_CHANGE, map(approval("approved", "normal")).eventClass());
    }

    @Test
    void aRequestedOrRejectedRowOrATaskRowIsNotRelevant() throws Exception {
        assertNull(map(approval("requested", "emergency")));
        assertNull(map(approval("rejected", "emergency")));
        assertNull(map("{\"sys_id\":\"a9e3\",\"number\":\"CHG0030042\",\"approval\":\"approved\","
                + "\"cmdb_ci\":\"AWS root break-glass\",\"sys_updated_on\":\"2026-08-14 08:00:00\"}"));
    }

    @Test
    void displayValuesAreReadAndABadReferenceNamesItsField() throws Exception {
        NormalizedEvent e = map("{\"sys_id\":{\"display_value\":\"8f2b\",\"value\":\"8f2b\"},\"state\":{\"display_value\":"
                + "\"Approved\",\"value\":\"approved\"},\"approver\":{\"display_value\":\"Dana Fox\",\"link\":\"https://x\","
                + "\"value\":\"6282\"},\"sysapproval\":{\"display_value\":\"CHG0030042\",\"value\":\"a9e3\"},"
                + "\"sysapproval.cmdb_ci\":{\"display_value\":\"AWS root break-glass\",\"value\":\"b0c2\"},"
                + "\"sys_updated_on\":\"2026-08-14 07:58:00\"}");
        assertEquals("dana fox", e.person(), "without approver.email the approver's name is all there is");
        assertEquals("CHG0030042", e.incident());
        RecordException bad = assertThrows(RecordException.class, () -> map(
                approval("approved", "emergency").replace("\"approver.email\":\"ciso@example.com\"",
                        "\"approver.email\":[\"ciso@example.com\"]")));
        assertEquals("approver.email: expected a value or a reference, found ARRAY", bad.getMessage());
    }
}
