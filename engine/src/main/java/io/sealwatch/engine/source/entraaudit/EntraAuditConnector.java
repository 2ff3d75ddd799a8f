package io.sealwatch.engine.source.entraaudit;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.engine.ingest.Connector;
import io.sealwatch.engine.ingest.EventBuilder;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.engine.ingest.RecordException;
import io.sealwatch.engine.source.entrasignin.EntraSigninConnector;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.sealwatch.engine.ingest.Json.array;
import static io.sealwatch.engine.ingest.Json.text;

/**
 * Microsoft Entra audit logs (diagnostic {@code properties} form or Graph {@code directoryAudit}).
 * The actor is {@code initiatedBy.user.userPrincipalName} (or the initiating app); events done to
 * the account match on a target's {@code userPrincipalName}.
 */
public final class EntraAuditConnector extends Connector {
    public EntraAuditConnector() {
        super("entra-audit", "time", "activityDateTime", "properties.activityDateTime");
    }

    /** Activities that rotate a credential, by their display name (lower case). */
    private static final Map<String, String> ROTATIONS = Map.of(
            "reset user password", "password",
            "change user password", "password",
            "reset password (self-service)", "password",
            "change password (self-service)", "password",
            "reset password (by admin)", "password",
            "user registered security info", "mfa",
            "user changed default security info", "mfa",
            "admin registered security info", "mfa",
            "admin updated security info", "mfa",
            "user updated security info", "mfa");
    /** Security info taken away: a change, and the removal of the old factor when the mfa is rotated. */
    private static final Set<String> FACTOR_REMOVALS = Set.of("user deleted security info",
            "admin deleted security info");

    @Override
    public NormalizedEvent map(JsonNode r, RecordContext ctx) throws RecordException {
        JsonNode p = EntraSigninConnector.properties(r);
        String activity = text(p, "activityDisplayName");
        if (activity == null) {
            activity = text(r, "operationName");
        }
        if (activity == null) {
            throw new RecordException("missing activityDisplayName");
        }
        String actor = text(p, "initiatedBy.user.userPrincipalName");
        String app = text(p, "initiatedBy.app.displayName");
        List<String> targetUsers = new ArrayList<>();
        String targetId = null;
        String role = null;
        for (JsonNode t : array(p, "targetResources")) {
            if (!t.isObject()) {
                throw new RecordException("targetResources: expected objects");
            }
            String upn = text(t, "userPrincipalName");
            if (upn != null) {
                targetUsers.add(upn);
            }
            if (targetId == null) {
                targetId = text(t, "id") != null ? text(t, "id") : text(t, "displayName");
            }
            String type = text(t, "type") != null ? text(t, "type") : text(t, "Type");
            // the Role target of "Add member to role" has no displayName; the name is then in the
            // user target's Role.DisplayName, which must not be overwritten by that null
            if (("Role".equalsIgnoreCase(type) || "Group".equalsIgnoreCase(type)) && text(t, "displayName") != null) {
                role = text(t, "displayName");
            }
            for (JsonNode m : array(t, "modifiedProperties")) {
                if (role == null && m.isObject() && "Role.DisplayName".equals(text(m, "displayName"))) {
                    role = unquote(text(m, "newValue") != null ? text(m, "newValue") : text(m, "oldValue"));
                }
            }
        }
        String result = text(p, "result") != null ? text(p, "result") : text(r, "result");
        EventBuilder e = ctx.event(EventClass.API_ACTIVITY, activity)
                .eventId(text(p, "id") != null ? text(p, "id") : text(r, "id"))
                .success(result == null ? null : result.equalsIgnoreCase("success"))
                .actor(actor != null ? actor : app)
                .person(actor)
                .target(targetUsers.isEmpty() ? targetId : String.join(",", targetUsers))
                .sourceIp(text(p, "initiatedBy.user.ipAddress"))
                .detail(text(p, "resultReason"));
        String account = ctx.accountOf(actor);
        for (int i = 0; account == null && i < targetUsers.size(); i++) {
            account = ctx.accountOf(targetUsers.get(i));
        }
        e.account(account);

        String a = activity.toLowerCase(Locale.ROOT);
        String principal = String.join(",", targetUsers);
        if (ROTATIONS.containsKey(a)) {
            e.eventClass(EventClass.ROTATION).credential(ROTATIONS.get(a));
        } else if (FACTOR_REMOVALS.contains(a)) {
            e.eventClass(EventClass.ACCOUNT_CHANGE).credential("mfa");
        } else if (a.equals("update user") || a.equals("disable account")
                || a.equals("enable account")) {
            e.eventClass(EventClass.ACCOUNT_CHANGE);
        } else if (a.startsWith("add member to role") || a.startsWith("remove member from role")
                || a.startsWith("add eligible member to role") || a.startsWith("remove eligible member from role")
                || a.equals("add member to group") || a.equals("remove member from group")
                || a.equals("add app role assignment to user") || a.equals("remove app role assignment from user")) {
            e.eventClass(EventClass.ACCOUNT_CHANGE).access(a.startsWith("add") ? "created" : "removed", "grant",
                    (role != null ? role : activity) + "@" + principal);
        } else if (a.equals("add service principal credentials") || a.equals("remove service principal credentials")) {
            e.eventClass(EventClass.ACCOUNT_CHANGE)
                    .access(a.startsWith("add") ? "created" : "removed", "service-account-key", targetId);
        } else if (a.equals("add user") || a.equals("delete user")) {
            e.eventClass(EventClass.ACCOUNT_CHANGE).access(a.startsWith("add") ? "created" : "removed", "user",
                    principal.isEmpty() ? targetId : principal);
        }
        return e.build();
    }

    /** modifiedProperties values are JSON-quoted strings ({@code "\"Global Administrator\""}). */
    private static String unquote(String v) {
        if (v == null) {
            return null;
        }
        String s = v.trim();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
