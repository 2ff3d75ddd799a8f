package io.sealwatch.engine.source.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealwatch.config.AccountSpec;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evidence kind {@code change}: an approved change to an account outside a use. */
class EvidenceChangeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RecordContext CTX = new RecordContext("evidence", "evidence.jsonl", 3,
            Instant.parse("2026-09-30T09:00:00Z"), new AccountIndex(List.of(new AccountSpec("aws-bg", null,
            List.of(new IdentityMatch("aws-cloudtrail", "arn:aws:iam::1:user/bg")), List.of(), List.of("password"),
            List.of("alice@example.com"), 1, Duration.ofHours(4), List.of()))));

    @Test
    void aChangeRecordNamesItsApproverAndTicket() throws Exception {
        NormalizedEvent e = new EvidenceConnector().map(JSON.readTree("{\"time\":\"2026-09-30T09:00:00Z\","
                + "\"kind\":\"Change\",\"account\":\"aws-bg\",\"actor\":\"CISO@example.com\",\"incident\":\"CHG-3120\","
                + "\"detail\":\"Approved: new MFA device\"}"), CTX);
        assertEquals(EventClass.APPROVED_CHANGE, e.eventClass());
        assertEquals("ciso@example.com", e.person());
        assertEquals("CHG-3120", e.incident());
        assertEquals("aws-bg", e.account());
    }

    @Test
    void anUnknownKindListsChangeAmongTheKnownOnes() {
        RecordException ex = assertThrows(RecordException.class, () -> new EvidenceConnector().map(JSON.readTree(
                "{\"time\":\"2026-09-30T09:00:00Z\",\"kind\":\"changed\",\"account\":\"aws-bg\"}"), CTX));
        assertTrue(ex.getMessage().contains("review, change)"), ex.getMessage());
    }
}
