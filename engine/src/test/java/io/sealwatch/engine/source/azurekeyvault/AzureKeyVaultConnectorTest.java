package io.sealwatch.engine.source.azurekeyvault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.engine.ingest.AccountIndex;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Azure Key Vault {@code AuditEvent} logs: a person's {@code SecretGet} of a sealed secret is custody, a
 * {@code SecretSet} a rotation of the credential the secret holds. The published record is Microsoft's documented
 * example (fixtures/real/azure-keyvault); the secret operations follow the same documented shape.
 */
class AzureKeyVaultConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-08-14T07:50:00Z");
    private static final IdentityMatch SHARES = new IdentityMatch("azure-keyvault",
            "https://examplecorp-bg.vault.azure.net/secrets/aws-root-password*");
    private static final IdentityMatch MFA = new IdentityMatch("azure-keyvault",
            "https://examplecorp-bg.vault.azure.net/secrets/aws-root-mfa-seed");

    private static NormalizedEvent map(JsonNode r) throws Exception {
        AccountSpec account = new AccountSpec("aws-bg", null,
                List.of(new IdentityMatch("azure-keyvault", "username@outlook.com")), List.of(MFA, SHARES),
                List.of("password", "mfa"), List.of("alice@example.com", "bob@example.com"), 2, Duration.ofHours(4),
                List.of(), Map.of(MFA, "mfa"));
        return new AzureKeyVaultConnector().map(r, new RecordContext("azure-keyvault", "kv.json", 1, AT,
                new AccountIndex(List.of(account))));
    }

    private static JsonNode secret(String op, String result, String upn, String id) throws Exception {
        return JSON.readTree("{\"time\":\"2026-08-14T07:50:00.1234567Z\",\"resourceId\":\"/SUBSCRIPTIONS/0F3C/"
                + "RESOURCEGROUPS/SEC/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/EXAMPLECORP-BG\",\"operationName\":\"" + op
                + "\",\"operationVersion\":\"7.4\",\"category\":\"AuditEvent\",\"resultType\":\"" + result + "\","
                + "\"resultSignature\":\"OK\",\"durationMs\":\"12\",\"callerIpAddress\":\"203.0.113.7\","
                + "\"correlationId\":\"6c3b1a0e-0c43-4b8f-a0c9-6b1f2c1c6d21\",\"identity\":{\"claim\":{\"oid\":"
                + "\"30a6c29d-de7c-4830-815f-9b3bb366e975\",\"appid\":\"04b07795-8ddb-461a-bbee-02f9e1bf7b46\","
                + "\"upn\":\"" + upn + "\"}},\"properties\":{\"id\":\"" + id + "\",\"clientInfo\":\"azsdk-python\","
                + "\"httpStatusCode\":200,\"requestUri\":\"" + id.substring(0, id.lastIndexOf('/') + 1)
                + "?api-version=7.4\",\"isAccessPolicyMatch\":true}}");
    }

    @Test
    void aPersonsReadOfASealedSecretIsCustodyAndANewValueARotation() throws Exception {
        NormalizedEvent read = map(secret("SecretGet", "Success", "alice@example.com",
                "https://examplecorp-bg.vault.azure.net/secrets/aws-root-password/4c39bacace9a49b2bd542ce61bd6f312"));
        assertEquals(EventClass.CUSTODY, read.eventClass());
        assertEquals("aws-bg", read.account());
        assertEquals("alice@example.com", read.person());
        assertEquals("https://examplecorp-bg.vault.azure.net/secrets/aws-root-password/4c39bacace9a49b2bd542ce61bd6f312",
                read.credential());

        NormalizedEvent set = map(secret("SecretSet", "Success", "bob@example.com",
                "https://examplecorp-bg.vault.azure.net/secrets/aws-root-password/9a1f0e5b7c2d4e3f8a6b5c4d3e2f1a0b"));
        assertEquals(EventClass.ROTATION, set.eventClass());
        assertEquals("azure-secret", set.credential(), "'aws-root-password' is not one of the credentials");

        NormalizedEvent mfa = map(secret("SecretSet", "Success", "bob@example.com",
                "https://examplecorp-bg.vault.azure.net/secrets/aws-root-mfa-seed/0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e"));
        assertEquals("mfa", mfa.credential(), "the entry names the credential");
    }

    @Test
    void aFailedReadOrAnotherSecretReleasesNothing() throws Exception {
        assertNull(map(secret("SecretGet", "Forbidden", "mallory@example.com",
                "https://examplecorp-bg.vault.azure.net/secrets/aws-root-password/4c39bacace9a49b2bd542ce61bd6f312")));
        assertNull(map(secret("SecretGet", "Success", "alice@example.com",
                "https://examplecorp-app.vault.azure.net/secrets/db-password/4c39bacace9a49b2bd542ce61bd6f312")));
    }

    @Test
    void thePublishedRecordNamesItsGuestUserWithoutTheIssuerPrefix() throws Exception {
        JsonNode docs = JSON.readTree(Path.of("src/test/resources/fixtures/real/azure-keyvault/"
                + "keyvault-docs-auditevent.json").toFile()).get("records").get(0);
        NormalizedEvent e = map(docs);
        assertEquals(EventClass.API_ACTIVITY, e.eventClass(), "a VaultGet by the account's identity is its activity");
        assertEquals("username@outlook.com", e.actor());
        assertEquals("aws-bg", e.account());
    }
}
