package io.sealwatch.engine.source.vault;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.engine.ingest.Connector;
import io.sealwatch.engine.ingest.EventBuilder;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.engine.ingest.RecordException;
import io.sealwatch.engine.ingest.SealedSecret;
import io.sealwatch.engine.ingest.SourceConnector;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
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
 * write there is a rotation of the credential it holds ({@link SealedSecret#rotates}). A write or delete
 * of the account's own auth entry
 * ({@code auth/<mount>/users/<name>}: its password under {@code …/password}) or of a policy named like one
 * of its identities ({@code sys/policy/<name>}, {@code sys/policies/acl/<name>}) changes the account. A token
 * created by the account without a time limit, as an orphan or for longer than {@link #LONG_LIVED} is
 * persistent access, removed by {@code auth/token/revoke-accessor} or the token's own {@code revoke-self};
 * it is named by a digest of its HMAC-ed accessor, never the accessor itself.
 */
public final class VaultConnector extends Connector {
    private static final Set<String> WRITES = Set.of("create", "update", "write", "patch");

    public VaultConnector() {
        super("vault-audit", "time");
    }
    /** A token living longer than a day outlives any use and its rotation deadline: standing access. */
    static final Duration LONG_LIVED = Duration.ofHours(24);
    private static final List<String> AUTH_MOUNT_PREFIXES = List.of("userpass-", "oidc-", "ldap-", "okta-",
            "github-", "jwt-", "radius-", "cert-");

    /** Changes to a user's auth entry name it without its auth-mount prefix, so that name is also a literal. */
    @Override
    public List<String> prefilterLiterals(String match) {
        String literal = SourceConnector.literal(match);
        for (String prefix : AUTH_MOUNT_PREFIXES) {
            if (literal.startsWith(prefix) && literal.length() - prefix.length() >= 3) {
                return List.of(literal, literal.substring(prefix.length()));
            }
        }
        return List.of(literal);
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
        SealedSecret sealed = SealedSecret.find(ctx, path);
        String sealedBy = sealed == null ? null : sealed.account();
        if (sealedBy != null && op.equals("read")) {
            return e.eventClass(EventClass.CUSTODY).account(sealedBy).credential(path).actor(person).build();
        }
        if (sealedBy != null && WRITES.contains(op)) {
            String credential = sealed.rotates(ctx, path.substring(path.lastIndexOf('/') + 1), "vault-secret");
            return e.eventClass(EventClass.ROTATION).account(sealedBy).credential(credential).build();
        }
        String account = ctx.accountOf(displayName, person);
        boolean changes = WRITES.contains(op) || op.equals("delete");
        if (path != null && path.startsWith("auth/") && path.contains("/login")) {
            e.eventClass(EventClass.AUTHENTICATION);
        } else if (sealedBy != null) {
            e.eventClass(EventClass.SECRET_ACCESS);
        } else if (path != null && path.startsWith("auth/token/create") && WRITES.contains(op)) {
            String accessor = text(r, "response.auth.accessor");
            if (accessor != null && longLived(r, path)) {
                e.eventClass(EventClass.ACCOUNT_CHANGE).access("created", "vault-token", digest(accessor));
            }
        } else if ("auth/token/revoke-accessor".equals(path) || "auth/token/revoke-self".equals(path)) {
            String accessor = path.endsWith("self") ? text(r, "auth.accessor") : text(r, "request.data.accessor");
            e.eventClass(EventClass.ACCOUNT_CHANGE)
                    .access("removed", "vault-token", accessor == null ? null : digest(accessor));
        } else if (path != null && changes) {
            String[] p = path.split("/");
            if (p.length >= 4 && p[0].equals("auth") && p[2].equals("users")) {
                // auth/<mount>/users/<name>[/password|/policies]: the user's display name is <mount type>-<name>
                String target = ctx.accountOf(p[3], text(r, "request.mount_type") + "-" + p[3], p[1] + "-" + p[3]);
                if (target != null) {
                    account = account != null ? account : target;
                    boolean password = p.length == 5 && p[4].equals("password");
                    e.eventClass(password ? EventClass.ROTATION : EventClass.ACCOUNT_CHANGE)
                            .credential(password ? "password" : null);
                }
            } else if (path.startsWith("sys/policy/") || path.startsWith("sys/policies/acl/")) {
                String target = ctx.accountOf(p[p.length - 1]);
                if (target != null) {
                    account = account != null ? account : target;
                    e.eventClass(EventClass.ACCOUNT_CHANGE);
                }
            }
        }
        return e.account(account).build();
    }

    /** An orphan, a token without a time limit, or one living longer than {@link #LONG_LIVED}. */
    private static boolean longLived(JsonNode r, String path) throws RecordException {
        String ttl = text(r, "response.auth.token_ttl");
        if (ttl == null) {
            ttl = text(r, "response.auth.lease_duration");
        }
        long seconds;
        try {
            seconds = ttl == null ? 0 : Long.parseLong(ttl);
        } catch (NumberFormatException ex) {
            throw new RecordException("response.auth.token_ttl: expected a number of seconds, got '" + ttl + "'");
        }
        return path.startsWith("auth/token/create-orphan") || "true".equals(text(r, "request.data.no_parent"))
                || seconds <= 0 || seconds > LONG_LIVED.getSeconds();
    }

    /** A short stable name for an HMAC-ed accessor, so creation and revocation pair up without copying it. */
    private static String digest(String hmac) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(hmac.getBytes(StandardCharsets.UTF_8));
            return "token-" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JRE", ex);
        }
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
