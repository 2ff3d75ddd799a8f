package io.sealwatch.engine.source.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.engine.ingest.EventBuilder;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.engine.ingest.RecordException;
import io.sealwatch.engine.ingest.SealedSecret;
import io.sealwatch.model.NormalizedEvent;

import java.util.ArrayList;
import java.util.List;

import static io.sealwatch.engine.ingest.Json.text;

/**
 * GCP Secret Manager calls on a sealed secret, as Cloud Audit Logs record them. A successful
 * {@code AccessSecretVersion} (a Data Access log) releases the secret to its caller (custody);
 * {@code AddSecretVersion} gives it a new value (rotation). The secret is named by {@code resourceName}
 * ({@code projects/<p>/secrets/<name>/versions/<v>} for an access, {@code projects/<p>/secrets/<name>} for a
 * new version) or the request's {@code name}/{@code parent}; each is tried whole and as the secret alone
 * ({@code projects/<p>/secrets/<name>}), so a pattern may name either.
 */
final class SecretManager {
    /** What a rotation of a sealed secret rotates when its entry names no credential and its name is none. */
    private static final String FALLBACK_CREDENTIAL = "gcp-secret";
    private static final String SERVICE = "google.cloud.secretmanager.";
    private static final String SECRETS = "/secrets/";

    private SecretManager() {
    }

    /** The custody or rotation event of a call on a sealed secret, or null (another call or secret, a failed call). */
    static NormalizedEvent map(JsonNode p, String method, boolean ok, RecordContext ctx, EventBuilder e)
            throws RecordException {
        boolean read = method != null && method.endsWith("SecretManagerService.AccessSecretVersion");
        boolean rotation = method != null && method.endsWith("SecretManagerService.AddSecretVersion");
        if (!ok || !(read || rotation) || !method.startsWith(SERVICE)) {
            return null;
        }
        List<String> names = names(p);
        return names.isEmpty() ? null
                : SealedSecret.event(ctx, e, names, read, leaf(names.get(0)), FALLBACK_CREDENTIAL);
    }

    /** Every name of the secret in the record, whole and cut to the secret; the resource name first. */
    private static List<String> names(JsonNode p) throws RecordException {
        List<String> whole = new ArrayList<>();
        for (String v : new String[]{text(p, "resourceName"), GcpAuditConnector.optional(p, "request", "name"),
                GcpAuditConnector.optional(p, "request", "parent")}) {
            if (v != null && v.contains(SECRETS)) {
                whole.add(v);
            }
        }
        List<String> out = new ArrayList<>(whole);
        for (String v : whole) {
            int end = v.indexOf('/', v.indexOf(SECRETS) + SECRETS.length());
            if (end > 0) {
                out.add(v.substring(0, end));
            }
        }
        return out;
    }

    /** The secret's own name: {@code projects/p/secrets/password/versions/3} → {@code password}. */
    private static String leaf(String name) {
        return name.substring(name.indexOf(SECRETS) + SECRETS.length()).split("/", -1)[0];
    }
}
