package io.sealwatch.engine.source.vault;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.engine.ingest.EventBuilder;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.engine.ingest.RecordException;
import io.sealwatch.engine.ingest.SourceConnector;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.sealwatch.engine.ingest.Json.object;
import static io.sealwatch.engine.ingest.Json.text;

/**
 * HashiCorp Vault file audit device lines. Each operation is logged as a {@code request} and a
 * {@code response} line with the same {@code request.id}; the response (which carries the outcome)
 * is normalised and its request counted as not relevant, a lone request is normalised itself.
 * Tokens, accessors and HMAC-ed values are never copied: only the path, operation, the person and
 * the client address are.
 *
 * <p>A read of an account's sealed-secret path is a custody release by the person reading it; a
 * write there is a rotation of that credential.
 */
public final class VaultConnector implements SourceConnector {
    private static final Set<String> WRITES = Set.of("create", "update", "write", "patch");
    private static final List<String> AUTH_MOUNT_PREFIXES = List.of("userpass-", "oidc-", "ldap-", "okta-",
            "github-", "jwt-", "radius-", "cert-");

    @Override
    public String type() {
        return "vault-audit";
    }

    @Override
    public List<String> timeFields() {
        return List.of("time");
    }

    @Override
    public List<String> pairFields() {
        return List.of("type", "request.id");
    }

    @Override
    public Pair pair(Map<String, String> fields) {
        String id = fields.get("request.id");
        String type = fields.get("type");
        return id == null || type == null ? null : new Pair(id, type.equals("response"));
    }

    @Override
    public NormalizedEvent map(JsonNode r, RecordContext ctx) throws RecordException {
        String type = text(r, "type");
        if (object(r, "request") == null) {
            throw new RecordException("missing request");
        }
        object(r, "auth");
        String path = text(r, "request.path");
        String operation = text(r, "request.operation");
        String person = person(r);
        String displayName = text(r, "auth.display_name");
        String error = text(r, "error");
        EventBuilder e = ctx.event(EventClass.API_ACTIVITY, operation == null ? type : operation)
                .eventId(text(r, "request.id"))
                .success(error != null ? Boolean.FALSE : "response".equals(type) ? Boolean.TRUE : null)
                .actor(displayName != null ? displayName : person)
                .person(person)
                .target(path)
                .sourceIp(text(r, "request.remote_address"))
                .detail(error);
        String op = operation == null ? "" : operation.toLowerCase(Locale.ROOT);
        String sealedBy = ctx.sealedAccountOf(path);
        if (sealedBy != null && op.equals("read")) {
            return e.eventClass(EventClass.CUSTODY).account(sealedBy).credential(path).actor(person).build();
        }
        if (sealedBy != null && WRITES.contains(op)) {
            String last = path.substring(path.lastIndexOf('/') + 1);
            String credential = ctx.credentials(sealedBy).contains(last) ? last : "vault-secret";
            return e.eventClass(EventClass.ROTATION).account(sealedBy).credential(credential).build();
        }
        if (path != null && path.startsWith("auth/") && path.contains("/login")) {
            e.eventClass(EventClass.AUTHENTICATION);
        } else if (sealedBy != null) {
            e.eventClass(EventClass.SECRET_ACCESS);
        }
        return e.account(ctx.accountOf(displayName, person)).build();
    }

    /** {@code auth.metadata.username}, else the display name without its auth-mount prefix; lower case. */
    static String person(JsonNode r) throws RecordException {
        String username = text(r, "auth.metadata.username");
        if (username != null) {
            return username.toLowerCase(Locale.ROOT);
        }
        String display = text(r, "auth.display_name");
        if (display == null) {
            return null;
        }
        String lower = display.toLowerCase(Locale.ROOT);
        for (String prefix : AUTH_MOUNT_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return lower.substring(prefix.length());
            }
        }
        return lower;
    }
}
