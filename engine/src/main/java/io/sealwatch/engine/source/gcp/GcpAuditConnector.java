package io.sealwatch.engine.source.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.engine.ingest.Connector;
import io.sealwatch.engine.ingest.EventBuilder;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.engine.ingest.RecordException;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.MfaFactor;
import io.sealwatch.model.NormalizedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.sealwatch.engine.ingest.Json.requiredObject;
import static io.sealwatch.engine.ingest.Json.array;
import static io.sealwatch.engine.ingest.Json.object;
import static io.sealwatch.engine.ingest.Json.text;

/**
 * Google Cloud Audit Logs {@code LogEntry} records with an {@code AuditLog} payload, including
 * Workspace login events ({@code google.login.LoginService.*}). The actor is
 * {@code authenticationInfo.principalEmail}; an IAM policy change also matches on the member it
 * grants to or takes from, and a change to a service account (its keys, or its own IAM policy: who may
 * act as it) on the service account's e-mail. Reads and new versions of a sealed secret in GCP Secret Manager
 * are custody and rotation ({@link SecretManager}).
 */
public final class GcpAuditConnector extends Connector {
    public GcpAuditConnector() {
        super("gcp-audit", "timestamp");
    }

    @Override
    public NormalizedEvent map(JsonNode r, RecordContext ctx) throws RecordException {
        JsonNode p = requiredObject(r, "protoPayload");
        String method = text(p, "methodName");
        object(p, "status");
        String actor = text(p, "authenticationInfo.principalEmail");
        String code = text(p, "status.code");
        // optional context; redacted exports replace it by a placeholder string, which is not an error
        JsonNode meta = p.path("requestMetadata");
        String ip = !meta.isObject() ? null
                : text(meta, "callerIp") != null ? text(meta, "callerIp") : text(meta, "callerIP");
        EventBuilder e = ctx.event(EventClass.API_ACTIVITY, method)
                .eventId(text(r, "insertId"))
                .success(code == null || code.equals("0"))
                .actor(actor)
                .person(actor != null && !actor.endsWith(".gserviceaccount.com") ? actor : null)
                .sourceIp(ip)
                .target(text(p, "resourceName"))
                .detail(text(p, "status.message"));
        boolean ok = code == null || code.equals("0");
        NormalizedEvent secret = SecretManager.map(p, method, ok, ctx, e);
        if (secret != null) {
            return secret;
        }
        NormalizedEvent approval = PrivilegedAccess.map(p, method, ok, ctx, e);
        if (approval != null) {
            return approval;
        }
        String account = ctx.accountOf(actor);
        String m = method == null ? "" : method.toLowerCase(Locale.ROOT);
        String serviceAccount = serviceAccount(optional(p, "response", "name"), optional(p, "request", "name"),
                optional(p, "request", "resource"), text(p, "resourceName"));
        String saAccount = ctx.accountOf(serviceAccount);

        if (m.startsWith("google.login.loginservice.")) {
            e.eventClass(EventClass.AUTHENTICATION)
                    .success(!m.endsWith("loginfailure"))
                    .mfa(loginMfa(p))
                    .federated(loginParameter(p, "login_type").stream().anyMatch(t -> t.equalsIgnoreCase("saml")));
        } else if (m.endsWith("setiampolicy")) {
            List<String[]> deltas = bindingDeltas(p);
            if (!deltas.isEmpty()) {
                String[] first = deltas.get(0);
                for (int i = 0; account == null && i < deltas.size(); i++) {
                    account = ctx.accountOf(member(deltas.get(i)[2]));
                    first = account != null ? deltas.get(i) : first;
                }
                e.eventClass(EventClass.ACCOUNT_CHANGE)
                        .access("ADD".equalsIgnoreCase(first[0]) ? "created" : "removed", "grant",
                                first[1] + "@" + first[2]);
            }
            if (account == null && saAccount != null) {
                account = saAccount;   // who may act as the account's service account
                e.eventClass(EventClass.ACCOUNT_CHANGE);
            }
        } else if (m.endsWith("createserviceaccountkey")) {
            account = account != null ? account : saAccount;
            e.eventClass(EventClass.ACCOUNT_CHANGE).credential(saAccount != null ? "service-account-key" : null)
                    .access("created", "service-account-key", lastSegment(optional(p, "response", "name")));
        } else if (m.endsWith("deleteserviceaccountkey")) {
            account = account != null ? account : saAccount;
            String name = optional(p, "request", "name") != null ? optional(p, "request", "name") : text(p, "resourceName");
            e.eventClass(EventClass.ROTATION).credential("service-account-key")
                    .access("removed", "service-account-key", lastSegment(name));
        } else if (m.endsWith("createserviceaccount") || m.endsWith("deleteserviceaccount")) {
            boolean create = m.endsWith("createserviceaccount");
            account = account != null ? account : saAccount;
            e.eventClass(EventClass.ACCOUNT_CHANGE).access(create ? "created" : "removed", "service-account",
                    create ? optional(p, "response", "email") : serviceAccount);
        }
        return e.account(account).build();
    }

    /** {@code [action, role, member]} of each binding delta ({@code serviceData.policyDelta} or {@code metadata}). */
    private static List<String[]> bindingDeltas(JsonNode p) throws RecordException {
        List<JsonNode> deltas = new ArrayList<>(array(p, "serviceData.policyDelta.bindingDeltas"));
        deltas.addAll(array(p, "metadata.datasetChange.bindingDeltas"));
        List<String[]> out = new ArrayList<>();
        for (JsonNode d : deltas) {
            if (!d.isObject()) {
                throw new RecordException("bindingDeltas: expected objects");
            }
            out.add(new String[]{text(d, "action"), text(d, "role"), text(d, "member")});
        }
        return out;
    }

    /** {@code user:alice@example.com} → {@code alice@example.com}. */
    private static String member(String m) {
        return m == null ? null : m.substring(m.indexOf(':') + 1);
    }

    /** {@code part.field} when {@code part} is an object; some exports carry request or response as a string. */
    static String optional(JsonNode p, String part, String field) throws RecordException {
        JsonNode node = p.path(part);
        return node.isObject() ? text(node, field) : null;
    }

    /** The service account a resource name names ({@code projects/P/serviceAccounts/EMAIL-OR-ID/…}), e-mail first. */
    private static String serviceAccount(String... names) {
        String found = null;
        for (String n : names) {
            int at = n == null ? -1 : n.indexOf("serviceAccounts/");
            if (at >= 0) {
                String sa = n.substring(at + "serviceAccounts/".length()).split("/", -1)[0];
                if (sa.contains("@")) {
                    return sa;
                }
                found = found == null ? sa : found;
            }
        }
        return found;
    }

    private static String lastSegment(String name) {
        return name == null ? null : name.substring(name.lastIndexOf('/') + 1);
    }

    static MfaFactor loginMfa(JsonNode p) throws RecordException {
        List<String> methods = loginParameter(p, "login_challenge_method");
        if (methods.isEmpty()) {
            return null;
        }
        MfaFactor best = MfaFactor.NONE;
        for (String method : methods) {
            MfaFactor f = switch (method.toLowerCase(Locale.ROOT)) {
                case "password", "none" -> MfaFactor.NONE;
                case "security_key", "passkey" -> MfaFactor.FIDO2;
                case "totp", "google_authenticator" -> MfaFactor.TOTP;
                case "idv_any_phone", "idv_preregistered_phone", "sms" -> MfaFactor.SMS;
                case "internal_two_factor", "google_prompt", "prompt" -> MfaFactor.PUSH;
                default -> MfaFactor.UNKNOWN;
            };
            if (f != MfaFactor.NONE) {
                best = f;
            }
        }
        return best;
    }

    /** Values of a Workspace activity parameter in {@code metadata.event[].parameter[]}. */
    private static List<String> loginParameter(JsonNode p, String name) throws RecordException {
        JsonNode events = p.path("metadata").path("event");
        List<JsonNode> list = new ArrayList<>();
        if (events.isArray()) {
            events.forEach(list::add);
        } else if (events.isObject()) {
            list.add(events);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode ev : list) {
            for (JsonNode param : array(ev, "parameter")) {
                if (param.isObject() && name.equals(text(param, "name"))) {
                    String v = text(param, "value");
                    if (v != null) {
                        out.add(v);
                    }
                    for (JsonNode s : array(param, "multiStrValue")) {
                        out.add(s.asText());
                    }
                }
            }
        }
        return out;
    }
}
