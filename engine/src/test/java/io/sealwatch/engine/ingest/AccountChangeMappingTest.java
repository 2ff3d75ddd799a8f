package io.sealwatch.engine.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.engine.source.cloudtrail.CloudTrailConnector;
import io.sealwatch.engine.source.entraaudit.EntraAuditConnector;
import io.sealwatch.engine.source.gcp.GcpAuditConnector;
import io.sealwatch.engine.source.okta.OktaConnector;
import io.sealwatch.engine.source.vault.VaultConnector;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.sealwatch.engine.ingest.IngestTestSupport.account;
import static io.sealwatch.engine.ingest.IngestTestSupport.config;
import static io.sealwatch.engine.ingest.IngestTestSupport.fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changes made TO a break-glass account by someone else, recognised in the vendors' own published events
 * (fixtures/real, see its PROVENANCE.md): each test names the event's target as the break-glass identity,
 * the way the config would, and checks that the event lands on the account as a change. Event types with no
 * permissively licensed sample are checked on records written in the vendors' documented formats.
 */
class AccountChangeMappingTest {

    private static List<NormalizedEvent> read(String type, String file, IdentityMatch... identities) {
        IngestSpec spec = IngestSpec.of(config(fixtures(), List.of(),
                List.of(account("bg", List.of(identities), List.of(), List.of("password", "mfa")))));
        Path f = fixtures().resolve(file);
        FileScan scan = FileReader.read(new FileTask(type, f.toUri().toString(), f.toString()), spec, Map.of());
        List<NormalizedEvent> out = new ArrayList<>();
        scan.events().forEach(r -> out.add(EventRows.fromRow(RealFixturesTest.withSchema(r))));
        return out;
    }

    private static NormalizedEvent one(List<NormalizedEvent> events, Predicate<NormalizedEvent> p) {
        List<NormalizedEvent> found = events.stream().filter(p).toList();
        assertEquals(1, found.size(), () -> "matching events: " + found);
        return found.get(0);
    }

    @Test
    void cloudTrailRootGivesTheUserAnAccessKeyAndAPolicy() {
        List<NormalizedEvent> events = read("aws-cloudtrail", "aws-cloudtrail/cloudtrail-more-native.jsonl",
                new IdentityMatch("aws-cloudtrail", "arn:aws:iam::493859302102:user/tracy_stone"));
        NormalizedEvent key = one(events, e -> e.record() == 11);
        assertEquals("CreateAccessKey", key.action());
        assertEquals("bg", key.account());
        assertEquals(EventClass.ACCOUNT_CHANGE, key.eventClass());
        assertEquals("access-key", key.credential(), "a new key of the account's own: part of a rotation");
        assertEquals("arn:aws:iam::493859302102:root", key.actor());
        NormalizedEvent policy = one(events, e -> e.record() == 10);
        assertEquals("AttachUserPolicy", policy.action());
        assertEquals("bg", policy.account());
        assertEquals(EventClass.ACCOUNT_CHANGE, policy.eventClass());
        assertNull(policy.credential());
    }

    @Test
    void cloudTrailChangesToARoleMatchTheAccountKnownByItsSessions() {
        List<NormalizedEvent> events = read("aws-cloudtrail", "aws-cloudtrail/cloudtrail-panther-tests.jsonl",
                new IdentityMatch("aws-cloudtrail", "arn:aws:sts::123456789012:assumed-role/new-role/*"));
        NormalizedEvent attach = one(events, e -> e.record() == 135);
        assertEquals("AttachRolePolicy", attach.action());
        assertEquals("bg", attach.account());
        assertEquals("arn:aws:iam::aws:policy/AdministratorAccess@new-role", attach.accessObject());
        NormalizedEvent create = one(events, e -> e.record() == 144);
        assertEquals("CreateRole", create.action());
        assertEquals("role", create.accessKind());
        assertEquals("new-role", create.accessObject());
    }

    @Test
    void cloudTrailAPasswordSetForAnotherUserIsNotTheAccountsRotation() {
        List<NormalizedEvent> events = read("aws-cloudtrail", "aws-cloudtrail/cloudtrail-panther-tests.jsonl",
                new IdentityMatch("aws-cloudtrail", "arn:aws:iam::123456789:user/user1"));
        NormalizedEvent own = one(events, e -> e.record() == 161);
        assertEquals("access-key", own.credential());
        NormalizedEvent other = one(events, e -> e.record() == 162);
        assertEquals("CreateAccessKey", other.action());
        assertEquals("bg", other.account(), "done by the account, to user2");
        assertNull(other.credential());
    }

    @Test
    void oktaAdminGrantsTheUserAdministratorPrivileges() {
        NormalizedEvent e = one(read("okta-system-log", "okta-system-log/okta-more-native.jsonl",
                new IdentityMatch("okta-system-log", "thomas12223391@gmail.com")), x -> x.record() == 25);
        assertEquals("user.account.privilege.grant", e.action());
        assertEquals(EventClass.ACCOUNT_CHANGE, e.eventClass());
        assertEquals("jack.naglieri@runpanther.io", e.person());
    }

    @Test
    void oktaFactorDeactivationNamesTheMfa() {
        NormalizedEvent e = one(read("okta-system-log", "okta-system-log/okta-panther-tests.jsonl",
                new IdentityMatch("okta-system-log", "homer@springfield.gov")),
                x -> "system.mfa.factor.deactivate".equals(x.action()));
        assertEquals(EventClass.ACCOUNT_CHANGE, e.eventClass());
        assertEquals("mfa", e.credential());
    }

    @Test
    void gcpKeyCreatedForTheServiceAccountByAnAdmin() {
        NormalizedEvent e = one(read("gcp-audit", "gcp-audit/gcp-audit-panther-tests.jsonl",
                new IdentityMatch("gcp-audit", "created-service-account@gcp-project1.iam.gserviceaccount.com")),
                x -> x.record() == 94);
        assertEquals("google.iam.admin.v1.CreateServiceAccountKey", e.action());
        assertEquals(EventClass.ACCOUNT_CHANGE, e.eventClass());
        assertEquals("service-account-key", e.credential());
        assertEquals("staging@company.io", e.actor());
        assertEquals("69049163b190437ab9279b28e8afa24bb5c5b076", e.accessObject());
    }

    @Test
    void vaultRootRewritesThePolicyNamedAfterTheAccount() {
        NormalizedEvent e = one(read("vault-audit", "vault-audit/vault-datadog-sample.log",
                new IdentityMatch("vault-audit", "admin")), x -> true);
        assertEquals("bg", e.account());
        assertEquals(EventClass.ACCOUNT_CHANGE, e.eventClass());
        assertEquals("root", e.person());
    }

    // ---- records in the vendors' documented formats, through the connector alone

    private static final ObjectMapper JSON = new ObjectMapper();

    private static NormalizedEvent map(SourceConnector connector, String json, IdentityMatch... identities)
            throws Exception {
        AccountIndex index = new AccountIndex(List.of(account("bg", List.of(identities), List.of(),
                List.of("password", "mfa"))));
        RecordContext ctx = new RecordContext(connector.type(), "f.json", 1, Instant.parse("2026-08-15T14:00:00Z"),
                index);
        return connector.map(JSON.readTree(json.replace('\'', '"')), ctx);
    }

    @Test
    void cloudTrailTrustPolicyOfTheBreakGlassRole() throws Exception {
        IdentityMatch sessions = new IdentityMatch("aws-cloudtrail", "arn:aws:sts::111122223333:assumed-role/BreakGlass/*");
        NormalizedEvent e = map(new CloudTrailConnector(), "{'eventName':'UpdateAssumeRolePolicy',"
                + "'recipientAccountId':'111122223333','userIdentity':{'type':'IAMUser','userName':'alice',"
                + "'arn':'arn:aws:iam::111122223333:user/alice'},'requestParameters':{'roleName':'BreakGlass',"
                + "'policyDocument':'{}'}}", sessions);
        assertEquals("bg", e.account());
        assertEquals(EventClass.ACCOUNT_CHANGE, e.eventClass());
        assertEquals("trust-policy", e.accessKind());
        assertEquals("BreakGlass", e.accessObject());
        assertTrue(new CloudTrailConnector().prefilterLiterals(sessions.match()).contains("breakglass"),
                "a record naming only the role passes the prefilter");
        assertEquals(List.of("arn:aws:iam::111122223333:role/breakglass", "breakglass"),
                new CloudTrailConnector().prefilterLiterals("arn:aws:iam::111122223333:role/BreakGlass"));
        assertEquals("bg", map(new CloudTrailConnector(), "{'eventName':'AttachRolePolicy','recipientAccountId':"
                + "'111122223333','requestParameters':{'roleName':'BreakGlass','policyArn':'arn:aws:iam::aws:policy/x'}}",
                new IdentityMatch("aws-cloudtrail", "arn:aws:iam::111122223333:role/BreakGlass")).account());
    }

    @Test
    void oktaAdminAddsTheAccountToAGroup() throws Exception {
        NormalizedEvent e = map(new OktaConnector(), "{'eventType':'group.user_membership.add',"
                + "'actor':{'type':'User','alternateId':'admin@example.com'},'outcome':{'result':'SUCCESS'},"
                + "'target':[{'id':'00g1','type':'UserGroup','displayName':'Super Admins'},"
                + "{'id':'00u1','type':'User','alternateId':'bg@example.com'}]}",
                new IdentityMatch("okta-system-log", "bg@example.com"));
        assertEquals("bg", e.account());
        assertEquals(EventClass.ACCOUNT_CHANGE, e.eventClass());
        assertEquals("Super Admins@bg@example.com", e.accessObject());
        assertEquals("admin@example.com", e.person());
    }

    @Test
    void entraAdminDeletesTheAccountsSecurityInfo() throws Exception {
        NormalizedEvent e = map(new EntraAuditConnector(), "{'activityDisplayName':'Admin deleted security info',"
                + "'result':'success','initiatedBy':{'user':{'userPrincipalName':'admin@example.com'}},"
                + "'targetResources':[{'type':'User','userPrincipalName':'bg@example.com'}]}",
                new IdentityMatch("entra-audit", "bg@example.com"));
        assertEquals("bg", e.account());
        assertEquals(EventClass.ACCOUNT_CHANGE, e.eventClass());
        assertEquals("mfa", e.credential());
    }

    @Test
    void gcpWhoMayActAsTheServiceAccountAndItsCreation() throws Exception {
        IdentityMatch sa = new IdentityMatch("gcp-audit", "my-service-account@my-project.iam.gserviceaccount.com");
        NormalizedEvent policy = map(new GcpAuditConnector(), "{'protoPayload':{'methodName':"
                + "'google.iam.admin.v1.SetIAMPolicy','authenticationInfo':{'principalEmail':'admin@example.com'},"
                + "'request':{'resource':'projects/-/serviceAccounts/my-service-account@my-project.iam.gserviceaccount.com'},"
                + "'resourceName':'projects/-/serviceAccounts/123456789012345678901'}}", sa);
        assertEquals("bg", policy.account());
        assertEquals(EventClass.ACCOUNT_CHANGE, policy.eventClass());
        NormalizedEvent created = map(new GcpAuditConnector(), "{'protoPayload':{'methodName':"
                + "'google.iam.admin.v1.CreateServiceAccount','authenticationInfo':{'principalEmail':"
                + "'my-service-account@my-project.iam.gserviceaccount.com'},'response':{'email':"
                + "'helper@my-project.iam.gserviceaccount.com'}}}", sa);
        assertEquals("service-account", created.accessKind());
        assertEquals("helper@my-project.iam.gserviceaccount.com", created.accessObject());
    }

    private static final String VAULT_AUTH = "'auth':{'display_name':'userpass-breakglass','accessor':'hmac-sha256:aa'}";

    @Test
    void vaultAdminSetsTheAccountsPassword() throws Exception {
        IdentityMatch bg = new IdentityMatch("vault-audit", "userpass-breakglass");
        NormalizedEvent e = map(new VaultConnector(), "{'type':'response','auth':{'display_name':'oidc-admin'},"
                + "'request':{'id':'r1','operation':'update','mount_type':'userpass',"
                + "'path':'auth/userpass/users/breakglass/password'}}", bg);
        assertEquals("bg", e.account());
        assertEquals(EventClass.ROTATION, e.eventClass());
        assertEquals("password", e.credential());
        assertEquals("admin", e.person());
        assertTrue(new VaultConnector().prefilterLiterals(bg.match()).contains("breakglass"));
    }

    @Test
    void vaultTokensWithoutLimitAreStandingAccessAndRevokeSelfRemovesThem() throws Exception {
        IdentityMatch bg = new IdentityMatch("vault-audit", "userpass-breakglass");
        NormalizedEvent forever = map(new VaultConnector(), "{'type':'response'," + VAULT_AUTH + ",'request':{"
                + "'id':'r2','operation':'update','path':'auth/token/create'},'response':{'auth':{"
                + "'accessor':'hmac-sha256:bb','token_ttl':0}}}", bg);
        assertEquals("created", forever.accessChange());
        assertEquals("vault-token", forever.accessKind());
        assertNotNull(forever.accessObject());
        assertTrue(!forever.toString().contains("hmac-sha256:bb"), "the accessor's HMAC is not copied");
        NormalizedEvent hour = map(new VaultConnector(), "{'type':'response'," + VAULT_AUTH + ",'request':{"
                + "'id':'r3','operation':'update','path':'auth/token/create'},'response':{'auth':{"
                + "'accessor':'hmac-sha256:cc','token_ttl':3600}}}", bg);
        assertNull(hour.accessChange(), "an hour's token is no standing access");
        NormalizedEvent revoked = map(new VaultConnector(), "{'type':'response','auth':{'display_name':"
                + "'userpass-breakglass','accessor':'hmac-sha256:bb'},'request':{'id':'r4','operation':'update',"
                + "'path':'auth/token/revoke-self'}}", bg);
        assertEquals("removed", revoked.accessChange());
        assertEquals(forever.accessObject(), revoked.accessObject());
    }
}
