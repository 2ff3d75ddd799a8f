package io.sealwatch.alerts;

import io.sealwatch.model.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertTest {
    @Test
    void idsAreStableAndTellPartsApart() {
        String id = Alert.id(AlertKind.FINDING, "BG-APPROVAL-MISSING", "aws-root", "ep-1");
        assertEquals(id, Alert.id(AlertKind.FINDING, "BG-APPROVAL-MISSING", "aws-root", "ep-1"));
        assertTrue(id.matches("alert-[0-9a-f]{20}"), id);
        assertNotEquals(id, Alert.id(AlertKind.DEADLINE_PASSED, "BG-APPROVAL-MISSING", "aws-root", "ep-1"));
        // the separator keeps "a"+"bc" from meeting "ab"+"c"
        assertNotEquals(Alert.id(AlertKind.FINDING, "a", "bc"), Alert.id(AlertKind.FINDING, "ab", "c"));
    }

    @Test
    void jsonHasTheContractsKeysInOrderWithNulls() {
        Alert a = new Alert("alert-0123456789abcdef0123", AlertKind.SOURCE_SILENT, Severity.MEDIUM, null, null, null,
                Instant.parse("2026-07-01T09:00:00Z"), Instant.parse("2026-07-01T09:00:05.250Z"),
                "okta-system-log silent for 26 h \"<b>\"\nnext", null);
        assertEquals("{\"id\":\"alert-0123456789abcdef0123\",\"kind\":\"source-silent\",\"severity\":\"medium\","
                        + "\"account\":null,\"episode\":null,\"rule\":null,\"at\":\"2026-07-01T09:00:00Z\","
                        + "\"detectedAt\":\"2026-07-01T09:00:05.250Z\","
                        + "\"message\":\"okta-system-log silent for 26 h \\\"<b>\\\"\\nnext\",\"url\":null}",
                new String(a.json(), StandardCharsets.UTF_8));
    }

    @Test
    void anyLogStringSurvivesTheJsonWhole() throws Exception {
        Alert a = new Alert("alert-1", AlertKind.INPUT_ERROR, Severity.HIGH, "acc\uD800", null, null,
                Instant.EPOCH, Instant.EPOCH, "half a pair \uDC00, a NUL \u0000, \u2028 and \"quotes\"", null);
        assertEquals(a, Alert.parse(Journal.JSON.readTree(a.json())));
    }

    @Test
    void jsonReadsBackToTheSameAlert() throws Exception {
        Alert a = AlertsTesting.alert(3, Severity.CRITICAL);
        assertEquals(a, Alert.parse(Journal.JSON.readTree(a.json())));
    }
}
