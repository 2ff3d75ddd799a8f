package io.sealwatch.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Process evidence is a property of the type: the evidence CSV and the ticketing and paging exports, no native log. */
class SourceTypeTest {

    @Test
    void processEvidenceIsWhatPeopleDidNotWhatSystemsLogged() {
        assertEquals(java.util.List.of("evidence", "jira", "servicenow", "pagerduty"),
                SourceType.KNOWN.stream().filter(t -> SourceType.of(t).processEvidence()).toList());
        assertEquals(SourceType.JIRA, SourceType.of("jira"));
        assertTrue(SourceType.EVIDENCE.is("evidence"));
        assertFalse(SourceType.EVIDENCE.is("Evidence"), "config types are exact");
        assertThrows(IllegalArgumentException.class, () -> SourceType.of(""));
    }
}
