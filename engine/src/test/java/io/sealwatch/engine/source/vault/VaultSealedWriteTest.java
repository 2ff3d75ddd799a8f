package io.sealwatch.engine.source.vault;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.engine.ingest.AccountIndex;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A write to a sealed Vault path rotates the credential the secret holds, as for the other secret stores. */
class VaultSealedWriteTest {
    private static final IdentityMatch SEED = new IdentityMatch("vault-audit", "secret/data/breakglass/aws/totp-seed");
    private static final IdentityMatch REST = new IdentityMatch("vault-audit", "secret/data/breakglass/aws/*");

    private static NormalizedEvent write(String path, String operation) throws Exception {
        AccountSpec account = new AccountSpec("aws-bg", null, List.of(new IdentityMatch("vault-audit", "breakglass")),
                List.of(SEED, REST), List.of("password", "mfa"), List.of("alice@example.com", "bob@example.com"), 2,
                Duration.ofHours(4), List.of(), Map.of(SEED, "mfa"));
        RecordContext ctx = new RecordContext("vault-audit", "audit.log", 1, Instant.parse("2026-08-14T11:00:00Z"),
                new AccountIndex(List.of(account)));
        return new VaultConnector().map(new ObjectMapper().readTree("{\"time\":\"2026-08-14T11:00:00.000000Z\","
                + "\"type\":\"response\",\"auth\":{\"display_name\":\"oidc-alice@example.com\",\"metadata\":{\"username\":"
                + "\"alice@example.com\"}},\"request\":{\"id\":\"0c6f5b0e-9b1c-4c55-8f0e-2f7d0d3c7a11\",\"operation\":\""
                + operation + "\",\"path\":\"" + path + "\",\"remote_address\":\"10.20.4.17\"},\"response\":{}}"), ctx);
    }

    @Test
    void aWriteRotatesTheNamedCredentialElseTheOneTheSecretIsNamedAfterElseNone() throws Exception {
        NormalizedEvent seed = write("secret/data/breakglass/aws/totp-seed", "update");
        assertEquals(EventClass.ROTATION, seed.eventClass());
        assertEquals("mfa", seed.credential(), "the entry names the credential");
        assertEquals("alice@example.com", seed.person());
        assertEquals("password", write("secret/data/breakglass/aws/password", "create").credential());
        assertEquals("vault-secret", write("secret/data/breakglass/aws/recovery-codes", "update").credential());
        assertEquals(EventClass.CUSTODY, write("secret/data/breakglass/aws/totp-seed", "read").eventClass());
    }
}
