package io.sealwatch.engine.source.azurekeyvault;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.engine.ingest.EventBuilder;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.engine.ingest.RecordException;
import io.sealwatch.engine.ingest.SealedSecret;
import io.sealwatch.engine.ingest.SourceConnector;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;

import java.util.ArrayList;
import java.util.List;

import static io.sealwatch.engine.ingest.Json.object;
import static io.sealwatch.engine.ingest.Json.text;

/**
 * Azure Key Vault {@code AuditEvent} diagnostic logs (one record per line, or {@code {"records":[…]}}). A successful
 * {@code SecretGet} of a sealed secret releases it to the caller (custody); a successful {@code SecretSet} gives it a
 * new value (rotation). The secret is named by {@code properties.id} (its URI with the version) and
 * {@code properties.requestUri}, each also cut to {@code https://<vault>/secrets/<name>}, so a pattern may name the
 * secret or one version. The caller is the token's user ({@code upn}, {@code unique_name} or the long-form upn
 * claim, {@code live.com#} prefixes dropped), else its application; any other operation by an account's identity
 * is its activity.
 */
public final class AzureKeyVaultConnector implements SourceConnector {
    private static final long serialVersionUID = 1L;
    /** What a rotation of a sealed secret rotates when its entry names no credential and its name is none. */
    private static final String FALLBACK_CREDENTIAL = "azure-secret";
    private static final String SECRETS = "/secrets/";
    private static final List<String> USER_CLAIMS = List.of("upn", "unique_name",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn");
    private static final List<String> APP_CLAIMS = List.of("appid", "oid",
            "http://schemas.microsoft.com/identity/claims/objectidentifier");

    @Override
    public String type() {
        return "azure-keyvault";
    }

    @Override
    public List<String> timeFields() {
        return List.of("time");
    }

    @Override
    public NormalizedEvent map(JsonNode r, RecordContext ctx) throws RecordException {
        String op = text(r, "operationName");
        JsonNode claim = object(r, "identity.claim");
        String user = claim(claim, USER_CLAIMS);
        String actor = user != null ? user : claim(claim, APP_CLAIMS);
        boolean ok = "Success".equalsIgnoreCase(text(r, "resultType"));
        EventBuilder e = ctx.event(EventClass.API_ACTIVITY, op)
                .success(ok)
                .actor(actor)
                .person(user)
                .sourceIp(text(r, "callerIpAddress"))
                .detail(text(r, "resultDescription"));
        boolean read = "SecretGet".equals(op);
        if (ok && (read || "SecretSet".equals(op))) {
            List<String> names = names(r);
            NormalizedEvent secret = names.isEmpty() ? null
                    : SealedSecret.event(ctx, e, names, read, leaf(names.get(names.size() - 1)), FALLBACK_CREDENTIAL);
            if (secret != null) {
                return secret;
            }
        }
        String account = ctx.accountOf(user, actor);
        return account == null ? null
                : e.eventClass(read ? EventClass.SECRET_ACCESS : EventClass.API_ACTIVITY).account(account)
                .target(text(r, "properties.id")).build();
    }

    /** The first claim present, without the {@code live.com#}-style issuer prefix of a guest's upn. */
    private static String claim(JsonNode claim, List<String> names) {
        if (claim == null) {
            return null;
        }
        for (String name : names) {
            JsonNode v = claim.get(name);
            if (v != null && v.isTextual() && !v.textValue().isBlank()) {
                String s = v.textValue();
                return s.substring(s.lastIndexOf('#') + 1);
            }
        }
        return null;
    }

    /** The secret's URIs in the record, whole (query dropped), then each cut to the secret; the version's first. */
    private static List<String> names(JsonNode r) throws RecordException {
        List<String> whole = new ArrayList<>();
        for (String v : new String[]{text(r, "properties.id"), text(r, "properties.requestUri")}) {
            if (v != null && v.contains(SECRETS)) {
                int query = v.indexOf('?');
                whole.add(query < 0 ? v : v.substring(0, query));
            }
        }
        List<String> out = new ArrayList<>(whole);
        for (String v : whole) {
            int from = v.indexOf(SECRETS) + SECRETS.length();
            int end = v.indexOf('/', from);
            if (end > from) {
                out.add(v.substring(0, end));
            }
        }
        return out;
    }

    /** The secret's own name: {@code https://kv.vault.azure.net/secrets/password/3f…} → {@code password}. */
    private static String leaf(String uri) {
        return uri.substring(uri.indexOf(SECRETS) + SECRETS.length()).split("/", -1)[0];
    }
}
