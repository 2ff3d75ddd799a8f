package io.sealwatch.engine.source.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.engine.ingest.EventBuilder;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.engine.ingest.RecordException;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;

import static io.sealwatch.engine.ingest.Json.text;

/**
 * GCP Privileged Access Manager grants, as Cloud Audit Logs record them: a successful {@code ApproveGrant} is the
 * caller's approval of the account whose {@code gcp-audit} identity is the grant's entitlement
 * ({@code …/entitlements/<id>}, or the grant itself). The requester's justification is the incident it cites, the
 * requested duration and the approver's reason its detail. A denial, a request or an expiry approves nothing.
 */
final class PrivilegedAccess {
    private static final String SERVICE = "google.cloud.privilegedaccessmanager.";
    private static final String GRANTS = "/grants/";

    private PrivilegedAccess() {
    }

    /** The approval of an approved grant of an account's entitlement, or null. */
    static NormalizedEvent map(JsonNode p, String method, boolean ok, RecordContext ctx, EventBuilder e)
            throws RecordException {
        if (!ok || method == null || !method.startsWith(SERVICE) || !method.endsWith("PrivilegedAccessManager.ApproveGrant")) {
            return null;
        }
        String requested = GcpAuditConnector.optional(p, "request", "name");
        String grant = requested != null ? requested : text(p, "resourceName");
        if (grant == null) {
            return null;
        }
        int at = grant.indexOf(GRANTS);
        String account = ctx.accountOf(at < 0 ? grant : grant.substring(0, at), grant);
        if (account == null) {
            return null;
        }
        String justification = GcpAuditConnector.optional(p, "response", "justification.unstructuredJustification");
        String duration = GcpAuditConnector.optional(p, "response", "requestedDuration");
        String reason = GcpAuditConnector.optional(p, "request", "reason");
        return e.eventClass(EventClass.APPROVAL).account(account).target(grant)
                .incident(justification != null ? justification : grant)
                .detail("grant of " + (duration == null ? "unknown duration" : duration)
                        + (reason == null ? "" : "; approved: " + reason))
                .build();
    }
}
