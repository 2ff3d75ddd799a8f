package io.sealwatch.engine.source.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.engine.ingest.AccountIndex;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * GCP Privileged Access Manager: an approved grant of the account's entitlement is an approval by the approver,
 * citing the requester's justification. No published PAM audit record was found; the records follow the
 * {@code AuditLog} shape with the {@code ApproveGrantRequest} and the returned {@code Grant} of the PAM API reference.
 */
class PrivilegedAccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTITLEMENT = "projects/examplecorp-prod/locations/global/entitlements/bg-org-admin";

    private static NormalizedEvent map(String method, String approver, String grant, Integer code) throws Exception {
        AccountSpec account = new AccountSpec("gcp-bg", null, List.of(new IdentityMatch("gcp-audit", "bg@examplecorp.com"),
                new IdentityMatch("gcp-audit", ENTITLEMENT)), List.of(), List.of("password"),
                List.of("alice@examplecorp.com"), 1, Duration.ofHours(4), List.of());
        String entry = "{\"protoPayload\":{\"@type\":\"type.googleapis.com/google.cloud.audit.AuditLog\","
                + (code == null ? "" : "\"status\":{\"code\":" + code + ",\"message\":\"denied\"},")
                + "\"authenticationInfo\":{\"principalEmail\":\"" + approver + "\"},"
                + "\"serviceName\":\"privilegedaccessmanager.googleapis.com\","
                + "\"methodName\":\"google.cloud.privilegedaccessmanager.v1.PrivilegedAccessManager." + method + "\","
                + "\"resourceName\":\"" + grant + "\",\"request\":{\"@type\":\"type.googleapis.com/"
                + "google.cloud.privilegedaccessmanager.v1.ApproveGrantRequest\",\"name\":\"" + grant + "\","
                + "\"reason\":\"SSO outage confirmed\"},\"response\":{\"@type\":\"type.googleapis.com/"
                + "google.cloud.privilegedaccessmanager.v1.Grant\",\"name\":\"" + grant + "\",\"requester\":"
                + "\"dana@examplecorp.com\",\"requestedDuration\":\"3600s\",\"justification\":"
                + "{\"unstructuredJustification\":\"INC-4211 SSO outage\"},\"state\":\"APPROVED\"}},"
                + "\"insertId\":\"-x1y2z3\",\"timestamp\":\"2026-08-14T08:55:00.123Z\"}";
        return new GcpAuditConnector().map(JSON.readTree(entry), new RecordContext("gcp-audit", "g.json", 1,
                Instant.parse("2026-08-14T08:55:00Z"), new AccountIndex(List.of(account))));
    }

    @Test
    void anApprovedGrantOfTheAccountsEntitlementIsTheApproversApproval() throws Exception {
        NormalizedEvent e = map("ApproveGrant", "ciso@examplecorp.com", ENTITLEMENT + "/grants/f3a9c2", null);
        assertEquals(EventClass.APPROVAL, e.eventClass());
        assertEquals("gcp-bg", e.account());
        assertEquals("ciso@examplecorp.com", e.person());
        assertEquals("INC-4211 SSO outage", e.incident());
        assertEquals("grant of 3600s; approved: SSO outage confirmed", e.detail());
    }

    @Test
    void aDenialAFailedApprovalOrAnotherEntitlementApprovesNothing() throws Exception {
        assertNull(map("DenyGrant", "ciso@examplecorp.com", ENTITLEMENT + "/grants/f3a9c2", null).account());
        assertNull(map("ApproveGrant", "ciso@examplecorp.com", ENTITLEMENT + "/grants/f3a9c2", 7).account());
        assertNull(map("ApproveGrant", "ciso@examplecorp.com",
                "projects/examplecorp-prod/locations/global/entitlements/db-reader/grants/aa01", null).account());
    }
}
