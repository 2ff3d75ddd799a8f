package io.sealwatch.engine.ingest;

import io.sealwatch.config.IdentityMatch;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.sealwatch.engine.ingest.IngestTestSupport.account;
import static io.sealwatch.engine.ingest.IngestTestSupport.config;
import static io.sealwatch.engine.ingest.IngestTestSupport.fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Changes made TO a break-glass account by someone else, recognised in the vendors' own published events
 * (fixtures/real, see its PROVENANCE.md): each test names the event's target as the break-glass identity,
 * the way the config would, and checks that the event lands on the account as a change.
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
}
