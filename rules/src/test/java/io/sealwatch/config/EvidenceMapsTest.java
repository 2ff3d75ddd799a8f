package io.sealwatch.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvidenceMapsTest extends ConfigSectionsCase {
    private static final String BASE = config(List.of("{ type: jira, path: \"tickets/*.json\" }",
            "{ type: pagerduty, path: \"pages/*.json\" }", "{ type: servicenow, path: \"snow/*.json\" }",
            "{ type: azure-keyvault, path: \"kv/*.json\" }"), """
                sealed-secrets:
                  - { source: azure-keyvault, match: "https://examplecorp-bg.vault.azure.net/secrets/aws-*" }
            """);

    EvidenceMapsTest() {
        super(BASE);
    }

    @Test
    void everyKeyIsReadAndDefaultsFillTheRest() throws Exception {
        SealwatchConfig c = load("""
                evidence-map:
                  jira:
                    accounts: { bg-aws-root: aws-root-breakglass }
                    approved: [Approved, "Change approved"]
                    kinds: { Change: change, "Seal drill": drill }
                  pagerduty:
                    account-field: incident.service.summary
                    accounts: { "Break-glass AWS": aws-root-breakglass }
                    recipients: { "Security Leadership": security-leadership }
                  servicenow:
                    accounts: { "AWS root break-glass": aws-root-breakglass }
                """);
        EvidenceMap.Source jira = c.evidenceMap().of("jira");
        assertEquals("fields.labels", jira.accountField());
        assertEquals("aws-root-breakglass", jira.account("BG-AWS-ROOT", Set.of("aws-root-breakglass")),
                "values are matched ignoring ASCII case");
        assertEquals("aws-root-breakglass", jira.account("aws-root-breakglass", Set.of("aws-root-breakglass")),
                "an account's own id names it");
        assertNull(jira.account("bg-okta", Set.of("aws-root-breakglass")));
        assertTrue(jira.isApproved("change APPROVED"));
        assertFalse(jira.isApproved("In Review"));
        assertEquals("change", jira.kind("change"));
        assertEquals("drill", jira.kind("SEAL DRILL"));
        assertEquals("approval", jira.kind("Break-glass request"));
        EvidenceMap.Source pd = c.evidenceMap().of("pagerduty");
        assertEquals("incident.service.summary", pd.accountField());
        assertEquals("security-leadership", pd.recipient("security leadership"));
        assertNull(pd.recipient("Ops on call"));
        assertEquals(List.of("approved"), c.evidenceMap().of("servicenow").approved(), "ServiceNow's own word");
        assertEquals("sysapproval.cmdb_ci", c.evidenceMap().of("servicenow").accountField(), "the change's CI");
    }

    @Test
    void aBadEvidenceMapIsNamedWithItsKeyAndLine() {
        String all = String.join("\n", errors("""
                evidence-map:
                  jira:
                    accounts: { bg-aws-root: aws-root-brekglass, BG-AWS-ROOT: aws-root-breakglass }
                    statuses: [Approved]
                    kinds: { Change: chnage }
                  pagerduty:
                    accounts: { "Break-glass AWS": aws-root-breakglass }
                  opsgenie: {}
                """));
        assertTrue(all.contains("sealwatch.yaml:18: evidence-map.jira.accounts.bg-aws-root: unknown account id"
                + " 'aws-root-brekglass'"), all);
        assertTrue(all.contains(":18: evidence-map.jira.accounts.BG-AWS-ROOT: 'BG-AWS-ROOT' given twice, first at"
                + " line 18"), all);
        assertTrue(all.contains(":19: evidence-map.jira.statuses: unknown key 'statuses'"), all);
        assertTrue(all.contains(":20: evidence-map.jira.kinds.Change: unknown kind 'chnage' (expected one of approval,"
                + " change, drill, review)"), all);
        assertTrue(all.contains(":18: evidence-map.jira.approved: missing required key 'approved'"), all);
        assertTrue(all.contains(":22: evidence-map.pagerduty.recipients: which escalation policy notifies which"
                + " recipient group"), all);
        assertTrue(all.contains(":23: evidence-map.opsgenie: unknown key 'opsgenie'"), all);
        assertTrue(all.contains(":6: sources[3]: a servicenow source needs 'evidence-map.servicenow'"), all);
    }

    @Test
    void aTicketingSourceWithoutItsMapIsRefusedAndTheNewTypesAreKnown() {
        String all = String.join("\n", errors(""));
        assertTrue(all.contains(":4: sources[1]: a jira source needs 'evidence-map.jira'"), all);
        assertTrue(all.contains(":5: sources[2]: a pagerduty source needs 'evidence-map.pagerduty': which field names"
                + " the account and which escalation policy is which recipient group"), all);
        assertFalse(all.contains("unknown source type"), all);
        assertFalse(all.contains("azure-keyvault"), all);
    }
}
