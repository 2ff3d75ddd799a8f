package io.sealwatch.engine.ingest;

import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.sealwatch.engine.ingest.IngestTestSupport.config;
import static io.sealwatch.engine.ingest.IngestTestSupport.fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AWS Secrets Manager in CloudTrail, record to normalised event through the reader (prefilter included):
 * a person's {@code GetSecretValue} of a sealed secret is custody, {@code RotateSecret}, {@code PutSecretValue}
 * and {@code UpdateSecret} are rotations of the credential the secret holds. The reads are real published
 * records (fixtures/real/PROVENANCE.md); the rotations are written in CloudTrail's documented shape.
 */
class SecretsManagerCustodyTest {
    private static final String SM = "arn:aws:secretsmanager:us-east-1:111122223333:secret:";
    private static final String SSO = "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_BreakGlassCustodian_0a1b2c3d4e5f6a7b/";

    @TempDir
    Path dir;

    private static AccountSpec account(List<IdentityMatch> sealed, Map<IdentityMatch, String> credentials) {
        return new AccountSpec("aws-bg", null,
                List.of(new IdentityMatch("aws-cloudtrail", "arn:aws:iam::111122223333:user/breakglass-admin")),
                sealed, List.of("password", "mfa", "access-key"), List.of("alice@example.com", "bob@example.com"), 2,
                Duration.ofHours(4), List.of(), credentials);
    }

    private static List<NormalizedEvent> read(Path file, AccountSpec account) {
        IngestSpec spec = IngestSpec.of(config(file.getParent(), List.of(), List.of(account)));
        FileScan scan = FileReader.read(new FileTask("aws-cloudtrail", file.toUri().toString(), file.toString()),
                spec, Map.of());
        assertEquals(0, scan.quarantined(), () -> scan.quarantine().toString());
        assertEquals(scan.read(), scan.normalised() + scan.notRelevant());
        return scan.events().stream().map(r -> EventRows.fromRow(RealFixturesTest.withSchema(r))).toList();
    }

    @Test
    void aPublishedReadOfASealedSecretIsCustodyByItsReader() {
        String secret = "arn:aws:secretsmanager:cn-centraleast-1r:903144391865:secret:stratus-red-team-retrieve-secret-18-*";
        List<NormalizedEvent> events = read(fixtures().resolve("aws-cloudtrail/cloudtrail-secretsmanager-stratus.jsonl"),
                account(List.of(new IdentityMatch("aws-cloudtrail", secret)), Map.of()));
        assertEquals(1, events.size(), "one of the twenty secrets read is sealed: " + events);
        NormalizedEvent e = events.get(0);
        assertEquals(EventClass.CUSTODY, e.eventClass());
        assertEquals("aws-bg", e.account());
        assertEquals("christophe", e.person());
        assertEquals("arn:aws:iam::903144391865:user/christophe", e.actor());
        assertEquals("arn:aws:secretsmanager:cn-centraleast-1r:903144391865:secret:stratus-red-team-retrieve-secret-18-4Rzn83",
                e.credential());
        assertEquals("2024-07-31T12:36:52Z", e.time().toString());
    }

    @Test
    void aDeniedReadReleasesNothing() {
        String secret = "arn:aws:secretsmanager:us-west-2:123123123123:secret:stratus-red-team-retrieve-secret-3-*";
        List<NormalizedEvent> events = read(fixtures().resolve("aws-cloudtrail/cloudtrail-panther-tests.jsonl"),
                account(List.of(new IdentityMatch("aws-cloudtrail", secret)), Map.of()));
        assertTrue(events.stream().noneMatch(e -> e.eventClass() == EventClass.CUSTODY), events.toString());
    }

    @Test
    void ssoSessionsReadByNameAndRotateTheCredentialTheSecretHolds() throws IOException {
        Path file = dir.resolve("cloudtrail.json");
        Files.writeString(file, String.join("\n",
                call("GetSecretValue", "2026-08-14T08:50:00Z", session("alice@example.com"),
                        "\"secretId\":\"breakglass/aws/password\""),
                call("GetSecretValue", "2026-08-14T08:52:00Z",
                        "{\"type\":\"AssumedRole\",\"principalId\":\"AROA3EXAMPLEROLEID:bob@example.com\","
                                + "\"accountId\":\"111122223333\"}",
                        "\"secretId\":\"" + SM + "breakglass/aws/mfa-seed-Xy12Zq\""),
                call("GetSecretValue", "2026-08-14T11:00:00Z", session("rotation-fn"),
                        "\"secretId\":\"breakglass/aws/password\",\"versionStage\":\"AWSPENDING\""),
                call("RotateSecret", "2026-08-14T11:00:00Z", session("alice@example.com"),
                        "\"secretId\":\"breakglass/aws/password\""),
                call("PutSecretValue", "2026-08-14T11:05:00Z", session("alice@example.com"),
                        "\"secretId\":\"" + SM + "breakglass/aws/mfa-seed-Xy12Zq\",\"clientRequestToken\":\"a1\""),
                call("UpdateSecret", "2026-08-14T11:06:00Z", session("alice@example.com"),
                        "\"secretId\":\"breakglass/aws/recovery-codes\""),
                call("GetSecretValue", "2026-08-14T11:07:00Z", session("alice@example.com"),
                        "\"secretId\":\"app/payments/db\"")) + "\n");
        IdentityMatch password = new IdentityMatch("aws-cloudtrail", SM + "breakglass/aws/password*");
        IdentityMatch mfa = new IdentityMatch("aws-cloudtrail", SM + "breakglass/aws/mfa-seed*");
        IdentityMatch rest = new IdentityMatch("aws-cloudtrail", "breakglass/aws/*");
        List<NormalizedEvent> events = read(file, account(List.of(password, mfa, rest), Map.of(mfa, "mfa")));

        assertEquals(List.of("custody alice@example.com " + "breakglass/aws/password",
                        "custody bob@example.com " + SM + "breakglass/aws/mfa-seed-Xy12Zq",
                        "rotation alice@example.com password",
                        "rotation alice@example.com mfa",
                        "rotation alice@example.com aws-secret"),
                events.stream().filter(e -> "aws-bg".equals(e.account()))
                        .map(e -> e.eventClass().wire() + " " + e.person() + " " + e.credential()).toList());
    }

    private static String session(String name) {
        return "{\"type\":\"AssumedRole\",\"principalId\":\"AROA3EXAMPLEROLEID:" + name + "\",\"arn\":\"" + SSO + name
                + "\",\"accountId\":\"111122223333\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\","
                + "\"userName\":\"AWSReservedSSO_BreakGlassCustodian_0a1b2c3d4e5f6a7b\"}}}";
    }

    private static String call(String name, String time, String identity, String request) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":" + identity + ",\"eventTime\":\"" + time
                + "\",\"eventSource\":\"secretsmanager.amazonaws.com\",\"eventName\":\"" + name
                + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.7\",\"userAgent\":\"aws-cli/2.17.0\","
                + "\"requestParameters\":{" + request + "},\"responseElements\":null,\"requestID\":\"r-" + name + time
                + "\",\"eventID\":\"e-" + name + time + "\",\"readOnly\":" + name.startsWith("Get")
                + ",\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"111122223333\"}";
    }
}
