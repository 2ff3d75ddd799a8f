package io.sealwatch.samples.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sealwatch.samples.internal.Iso;

import java.io.IOException;
import java.util.Locale;

/** HashiCorp Vault file audit device lines: a {@code request} and its {@code response}, values HMAC-ed. */
final class Vault {
    private Vault() {
    }

    static void noise(JsonGenerator g, Rand r, long t, boolean response) throws IOException {
        int k = r.nextInt(100);
        String app = Org.VAULT_APPS[r.nextInt(Org.VAULT_APPS.length)];
        if (k < 55) {
            line(g, r, t, response, "kubernetes-" + app, null, "kubernetes", new String[]{"default", app},
                    "secret/data/apps/" + app + "/config", "read", "secret/");
        } else if (k < 75) {
            line(g, r, t, response, "kubernetes-" + app, null, "kubernetes", new String[]{"default", app},
                    "database/creds/" + app + "-rw", "read", "database/");
        } else if (k < 88) {
            String person = Org.email(Org.PEOPLE[r.nextInt(Org.PEOPLE.length)]);
            line(g, r, t, response, "oidc-" + person, null, "oidc", new String[]{"default", "engineer"},
                    "secret/data/teams/" + app + "/" + r.pick(TEAM_SECRETS), r.chance(0.8) ? "read" : "update", "secret/");
        } else if (k < 96) {
            line(g, r, t, response, "approle-ci", null, "approle", new String[]{"default", "ci-deploy"},
                    "transit/encrypt/" + app, "update", "transit/");
        } else {
            line(g, r, t, response, "kubernetes-" + app, null, "kubernetes", new String[]{"default", app},
                    "auth/token/renew-self", "update", "auth/token/");
        }
    }

    /**
     * One audit line. The person is {@code displayName} with its mount prefix, or {@code username} in
     * {@code auth.metadata} when given; values and tokens are HMAC-ed as Vault writes them.
     */
    static void line(JsonGenerator g, Rand r, long t, boolean response, String displayName, String username,
                     String method, String[] policies, String path, String operation, String mount)
            throws IOException {
        String accessor = "hmac-sha256:" + r.hex(64);
        String token = "hmac-sha256:" + r.hex(64);
        g.writeStartObject();
        g.writeStringField("time", Iso.format(t, 6, r.nextInt(1000)));
        g.writeStringField("type", response ? "response" : "request");
        g.writeObjectFieldStart("auth");
        g.writeStringField("client_token", token);
        g.writeStringField("accessor", accessor);
        g.writeStringField("display_name", displayName);
        writePolicies(g, "policies", policies);
        writePolicies(g, "token_policies", policies);
        g.writeObjectFieldStart("metadata");
        if (username != null) {
            g.writeStringField("username", username);
        }
        if ("kubernetes".equals(method)) {
            g.writeStringField("role", displayName.substring("kubernetes-".length()));
            g.writeStringField("service_account_namespace", "apps");
        } else if ("oidc".equals(method)) {
            g.writeStringField("role", "default");
        }
        g.writeEndObject();
        g.writeStringField("entity_id", CloudTrail.id(displayName, 8).toLowerCase(Locale.ROOT) + "-" + r.uuid().substring(9));
        g.writeStringField("token_type", "service");
        g.writeNumberField("token_ttl", 3600);
        g.writeEndObject();
        g.writeObjectFieldStart("request");
        g.writeStringField("id", r.uuid());
        g.writeStringField("client_id", CloudTrail.id(displayName, 8).toLowerCase(Locale.ROOT));
        g.writeStringField("operation", operation);
        g.writeStringField("mount_type", mount.startsWith("secret") ? "kv" : mount.replace("/", ""));
        g.writeStringField("mount_accessor", mount.replace("/", "") + "_" + CloudTrail.id(mount, 8).toLowerCase(Locale.ROOT));
        g.writeStringField("client_token", token);
        g.writeStringField("client_token_accessor", accessor);
        g.writeObjectFieldStart("namespace");
        g.writeStringField("id", "root");
        g.writeEndObject();
        g.writeStringField("path", path);
        g.writeStringField("remote_address", method.equals("oidc") ? r.publicIp() : r.privateIp());
        g.writeNumberField("remote_port", 30_000 + r.nextInt(30_000));
        g.writeEndObject();
        if (response) {
            g.writeObjectFieldStart("response");
            g.writeStringField("mount_type", mount.startsWith("secret") ? "kv" : mount.replace("/", ""));
            if ("read".equals(operation)) {
                g.writeObjectFieldStart("data");
                g.writeStringField("data", "hmac-sha256:" + r.hex(64));
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writePolicies(JsonGenerator g, String name, String[] policies) throws IOException {
        g.writeArrayFieldStart(name);
        for (String p : policies) {
            g.writeString(p);
        }
        g.writeEndArray();
    }

    private static final String[] TEAM_SECRETS = {"api-key", "signing-key", "webhook", "smtp", "oauth-client"};
}
