package io.sealwatch.engine.source.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.engine.ingest.AccountIndex;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * GCP Secret Manager in Cloud Audit Logs: a person's {@code AccessSecretVersion} of a sealed secret is custody,
 * {@code AddSecretVersion} a rotation of the credential the secret holds. The first record is a real published
 * one, abridged by its publisher (fixtures/abridged); the others follow the documented {@code AuditLog} shape.
 */
class SecretManagerCustodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-08-14T08:50:00Z");
    private static final IdentityMatch SHARES = new IdentityMatch("gcp-audit", "projects/*/secrets/breakglass-gcp-*");
    private static final IdentityMatch MFA = new IdentityMatch("gcp-audit", "projects/examplecorp-sec/secrets/bg-mfa-seed");

    private static NormalizedEvent map(String json, IdentityMatch... sealed) throws Exception {
        AccountSpec account = new AccountSpec("gcp-bg", null, List.of(new IdentityMatch("gcp-audit", "bg@examplecorp.com")),
                List.of(sealed), List.of("password", "mfa"), List.of("alice@examplecorp.com", "bob@examplecorp.com"), 2,
                Duration.ofHours(4), List.of(), Map.of(MFA, "mfa"));
        RecordContext ctx = new RecordContext("gcp-audit", "f.json", 1, AT, new AccountIndex(List.of(account)));
        return new GcpAuditConnector().map(JSON.readTree(json), ctx);
    }

    @Test
    void aPublishedAccessOfASealedSecretVersionIsCustody() throws Exception {
        String stratus = Files.readString(Path.of("src/test/resources/fixtures/abridged/gcp-secretmanager-access-stratus.json"));
        NormalizedEvent e = map(stratus, new IdentityMatch("gcp-audit", "projects/victim-project/secrets/stratus-red-team-retrieve-secret-8"));
        assertEquals(EventClass.CUSTODY, e.eventClass());
        assertEquals("gcp-bg", e.account());
        assertEquals("projects/victim-project/secrets/stratus-red-team-retrieve-secret-8/versions/latest", e.credential());
        assertNull(map(stratus, new IdentityMatch("gcp-audit", "projects/victim-project/secrets/stratus-red-team-retrieve-secret-9")).account(),
                "another secret of the project is not sealed");
    }

    @Test
    void aPersonReadsAShareAndANewVersionRotatesWhatTheSecretHolds() throws Exception {
        NormalizedEvent read = map(entry("AccessSecretVersion", "alice@examplecorp.com",
                "projects/824615003971/secrets/breakglass-gcp-password/versions/3", null), SHARES, MFA);
        assertEquals(EventClass.CUSTODY, read.eventClass());
        assertEquals("alice@examplecorp.com", read.person());
        assertEquals("projects/824615003971/secrets/breakglass-gcp-password/versions/3", read.credential());

        NormalizedEvent named = map(entry("AddSecretVersion", "alice@examplecorp.com",
                "projects/824615003971/secrets/breakglass-gcp-password", null), SHARES, MFA);
        assertEquals(EventClass.ROTATION, named.eventClass());
        assertEquals("gcp-secret", named.credential(), "its name is no credential and its entry names none");

        NormalizedEvent mfa = map(entry("AddSecretVersion", "bob@examplecorp.com",
                "projects/examplecorp-sec/secrets/bg-mfa-seed", null), SHARES, MFA);
        assertEquals(EventClass.ROTATION, mfa.eventClass());
        assertEquals("mfa", mfa.credential(), "the entry names the credential");
        assertEquals("bob@examplecorp.com", mfa.person());

        NormalizedEvent denied = map(entry("AccessSecretVersion", "mallory@examplecorp.com",
                "projects/824615003971/secrets/breakglass-gcp-password/versions/latest", 7), SHARES, MFA);
        assertNull(denied.account(), "a denied access releases nothing");
    }

    private static String entry(String method, String who, String resource, Integer code) {
        return "{\"protoPayload\":{\"@type\":\"type.googleapis.com/google.cloud.audit.AuditLog\","
                + (code == null ? "" : "\"status\":{\"code\":" + code + ",\"message\":\"Permission denied\"},")
                + "\"authenticationInfo\":{\"principalEmail\":\"" + who + "\"},"
                + "\"requestMetadata\":{\"callerIp\":\"203.0.113.45\"},\"serviceName\":\"secretmanager.googleapis.com\","
                + "\"methodName\":\"google.cloud.secretmanager.v1.SecretManagerService." + method + "\","
                + "\"resourceName\":\"" + resource + "\"},\"insertId\":\"1x2y3z\",\"timestamp\":\"2026-08-14T08:50:00.123Z\","
                + "\"logName\":\"projects/824615003971/logs/cloudaudit.googleapis.com%2Fdata_access\"}";
    }
}
