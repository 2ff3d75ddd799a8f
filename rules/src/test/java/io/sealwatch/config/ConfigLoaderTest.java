package io.sealwatch.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            organization: Example Corp
            sources:
              - { type: aws-cloudtrail, path: "logs/**/*.json.gz" }
              - { type: evidence, path: "evidence/*.csv" }
            accounts:
              - id: aws-root-breakglass
                identities:
                  - { source: aws-cloudtrail, match: "arn:aws:iam::111122223333:user/breakglass-admin" }
                  - { source: aws-cloudtrail, match: "arn:aws:sts::111122223333:assumed-role/BreakGlass/*" }
                credentials: [password, mfa]
                custodians: [alice@example.com, bob@example.com]
                quorum: 2
                max-session: PT2H
            approvers: [ciso@example.com]
            policy:
              episode-gap: PT30M
              drill-every: P3M
            waivers:
              - { rule: BG-TTL-EXCEEDED, account: aws-root-breakglass, until: 2026-12-31, reason: migration, approved-by: ciso@example.com }
            """;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("sealwatch.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void loadsAValidConfigWithDefaults() throws Exception {
        SealwatchConfig c = ConfigLoader.load(write(GOOD));
        assertEquals("Example Corp", c.organization());
        assertEquals("UTC", c.timezone());
        assertEquals(2, c.sources().size());
        AccountSpec a = c.accounts().get(0);
        assertEquals(Duration.ofHours(2), a.maxSession());
        assertEquals(Duration.ofMinutes(30), c.policy().episodeGap());
        assertEquals(Duration.ofHours(24), c.policy().rotateWithin());
        assertEquals(Period.ofMonths(3), c.policy().drillEvery());
        assertNull(c.signing());
        assertEquals(1, c.waivers().size());
        assertEquals(64, c.sha256().length());
        assertTrue(a.identities().get(1).matches("arn:aws:sts::111122223333:assumed-role/BreakGlass/alice"));
        assertTrue(a.identities().get(0).matches("ARN:AWS:IAM::111122223333:USER/BREAKGLASS-ADMIN"));
    }

    @Test
    void lookAlikeLettersDoNotMatch() {
        IdentityMatch m = new IdentityMatch("okta-system-log", "breakglass@example.com");
        assertTrue(m.matches("BreakGlass@example.com"));
        assertFalse(m.matches("bre\u0430kglass@example.com"), "Cyrillic a must not match");
        assertEquals("breakglass@example.com", m.literal());
    }

    @Test
    void reportsEveryErrorWithKeyPathAndLine() throws Exception {
        String bad = GOOD.replace("max-session: PT2H", "max-session: two hours")
                .replace("quorum: 2", "quorum: 3")
                .replace("episode-gap: PT30M", "episode-gap: PT30M\n  colour: blue");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(write(bad)));
        List<String> messages = e.errors().stream().map(Object::toString).toList();
        assertEquals(3, messages.size(), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains(":13: accounts[aws-root-breakglass].max-session")
                && m.contains("'two hours' is not an ISO-8601 duration")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains(":12: accounts[aws-root-breakglass].quorum")
                && m.contains("larger than the 2 custodian")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains(":17: policy.colour: unknown key 'colour'")),
                messages.toString());
    }

    @Test
    void rejectsAnAccountWithoutIdentitiesAndAMissingKeystore() throws Exception {
        String bad = GOOD.replaceAll("(?s)    identities:.*?assumed-role/BreakGlass/\\*\" }\n", "    identities: []\n")
                + "signing:\n  keystore: keys/missing.p12\n";
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(write(bad)));
        String all = e.getMessage();
        assertTrue(all.contains("accounts[aws-root-breakglass].identities: an account needs at least one identity"), all);
        assertTrue(all.contains("signing.keystore: keystore not found"), all);
    }

    @Test
    void badYamlNamesTheLine() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(write("organization: x\nsources: [\n  - a: b\n")));
        assertTrue(e.errors().get(0).line() > 0, e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void unknownSourceTypeAndMfaClassAreRejected() throws Exception {
        String bad = GOOD.replace("type: evidence", "type: splunk")
                .replace("drill-every: P3M", "drill-every: P3M\n  strong-mfa: [fido2, carrier-pigeon]");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(write(bad)));
        assertTrue(e.getMessage().contains("sources[1].type: unknown source type 'splunk'"), e.getMessage());
        assertTrue(e.getMessage().contains("policy.strong-mfa: unknown MFA factor class 'carrier-pigeon'"), e.getMessage());
    }
}
