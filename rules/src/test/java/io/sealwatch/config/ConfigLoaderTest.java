package io.sealwatch.config;

import io.sealwatch.model.Waiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;

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
        return new ConfigFiles(dir).write(yaml);
    }

    /** Every error of loading {@code yaml}, as printed; fails when it loads. */
    private List<String> errors(String yaml) {
        return new ConfigFiles(dir).errors(yaml);
    }

    /** The 1-based line of the first line containing {@code needle}, or of its {@code nth} occurrence. */
    private static int lineOf(String yaml, String needle, int nth) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0, seen = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle) && ++seen == nth) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in the yaml");
    }

    private static void assertOne(List<String> errors, String expected) {
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains(expected), "expected '" + expected + "' in " + errors);
    }

    /** GOOD with a second account whose identities are {@code identities} (one YAML line each). */
    private static String withOkta(String... identities) {
        StringBuilder okta = new StringBuilder("  - id: okta-breakglass\n    identities:\n");
        for (String i : identities) {
            okta.append("      - ").append(i).append('\n');
        }
        okta.append("    custodians: [alice@example.com]\n");
        return GOOD.replace("approvers:", okta + "approvers:");
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
        assertEquals(Duration.ofDays(7), c.policy().settleAfter());
        assertEquals(Duration.ofDays(14), c.policy().lookback());
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

    @Test
    void aConfigWithoutSourcesOrAccountsIsAnError() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(write(GOOD
                .replaceFirst("(?s)sources:.*?accounts:", "sources: []\naccounts:")
                .replaceFirst("(?s)accounts:.*?approvers:", "accounts: []\napprovers:")), false));
        assertTrue(e.getMessage().contains(":2: sources: a config needs at least one source"), e.getMessage());
        assertTrue(e.getMessage().contains(":3: accounts: a config needs at least one break-glass account"), e.getMessage());
    }

    @Test
    void aQuorumThatCanNeverOrAlwaysBeMetIsAnError() throws Exception {
        int line = lineOf(GOOD, "quorum: 2", 1);
        for (String quorum : List.of("0", "-1")) {
            assertOne(errors(GOOD.replace("quorum: 2", "quorum: " + quorum)), ":" + line
                    + ": accounts[aws-root-breakglass].quorum: quorum " + quorum + " is below 1");
        }
        assertOne(errors(GOOD.replace("quorum: 2", "quorum: 3")),
                ":" + line + ": accounts[aws-root-breakglass].quorum: quorum 3 is larger than the 2 custodian(s)");
        List<String> none = errors(GOOD.replace("custodians: [alice@example.com, bob@example.com]", "custodians: []"));
        int custodians = lineOf(GOOD, "custodians:", 1);
        assertEquals(2, none.size(), none.toString());
        assertTrue(none.get(0).contains(":" + custodians
                + ": accounts[aws-root-breakglass].custodians: an account needs at least one custodian"), none.toString());
        assertTrue(none.get(1).contains(":" + line + ": accounts[aws-root-breakglass].quorum: quorum 2 is larger "
                + "than the 0 custodian(s)"), none.toString());
        String missing = GOOD.replace("    custodians: [alice@example.com, bob@example.com]\n", "")
                .replace("    quorum: 2\n", "");
        assertOne(errors(missing), ":" + lineOf(missing, "- id: aws-root-breakglass", 1)
                + ": accounts[aws-root-breakglass].custodians: missing required key 'custodians'");
    }

    @Test
    void aLookbackThatCannotSeeEveryOpenEpisodeIsAnError() throws Exception {
        String tooShort = GOOD.replace("  episode-gap: PT30M\n", "  episode-gap: PT30M\n  settle-after: P7D\n  lookback: P8D\n");
        assertOne(errors(tooShort), ":" + lineOf(tooShort, "lookback: P8D", 1) + ": policy.lookback: 'P8D' is shorter than "
                + "settle-after + rotate-within + approval-window (PT196H)");
        String exact = GOOD.replace("  episode-gap: PT30M\n", "  episode-gap: PT30M\n  lookback: PT196H\n");
        assertEquals(Duration.ofHours(196), ConfigLoader.load(write(exact)).policy().lookback());
        String longWindows = GOOD.replace("  episode-gap: PT30M\n", "  episode-gap: PT30M\n  settle-after: P30D\n");
        assertEquals(Duration.ofDays(31).plusHours(4), ConfigLoader.load(write(longWindows)).policy().lookback(),
                "without a lookback of its own, the default grows to cover the windows");
    }

        @Test
    void aDuplicateKeyNamesBothLines() throws Exception {
        String replaced = GOOD + "accounts:\n  - id: shadow\n";
        assertOne(errors(replaced), ":" + lineOf(replaced, "accounts:", 2) + ": accounts: duplicate key 'accounts' at line "
                + lineOf(replaced, "accounts:", 2) + ", first at line " + lineOf(replaced, "accounts:", 1));
        String nested = GOOD.replace("quorum: 2", "quorum: 2\n    quorum: 1");
        assertOne(errors(nested), "accounts[0].quorum: duplicate key 'quorum' at line "
                + lineOf(nested, "quorum: 1", 1) + ", first at line " + lineOf(nested, "quorum: 2", 1));
        String twice = withOkta("{ source: okta-system-log, match: bg@example.com }")
                .replace("id: okta-breakglass", "id: aws-root-breakglass");
        assertOne(errors(twice), ":" + lineOf(twice, "id: aws-root-breakglass", 2) + ": accounts[aws-root-breakglass].id: "
                + "duplicate account id 'aws-root-breakglass', first at line " + lineOf(twice, "id: aws-root-breakglass", 1));
        String flow = GOOD.replace("{ source: aws-cloudtrail, match: \"arn:aws:iam", "{ source: gcp-audit, source: aws-cloudtrail, match: \"arn:aws:iam");
        assertOne(errors(flow), "accounts[aws-root-breakglass].identities[0].source: duplicate key 'source'");
    }

    @Test
    void anIdentityTwoAccountsCanMatchIsAnError() throws Exception {
        String exact = withOkta("{ source: aws-cloudtrail, match: \"ARN:aws:iam::111122223333:user/breakglass-admin\" }");
        assertOne(errors(exact), ":" + lineOf(exact, "ARN:aws", 1) + ": accounts[okta-breakglass].identities[0]: "
                + "'ARN:aws:iam::111122223333:user/breakglass-admin' can match the same identity as "
                + "accounts[aws-root-breakglass].identities[0] 'arn:aws:iam::111122223333:user/breakglass-admin' (line "
                + lineOf(exact, "user/breakglass-admin", 1) + ")");
        String globOverExact = withOkta("{ source: aws-cloudtrail, match: \"arn:aws:iam::*:user/breakglass-*\" }");
        assertOne(errors(globOverExact), "accounts[okta-breakglass].identities[0]: 'arn:aws:iam::*:user/breakglass-*' "
                + "can match the same identity as accounts[aws-root-breakglass].identities[0]");
        String twoGlobs = withOkta("{ source: aws-cloudtrail, match: \"arn:aws:sts::*:assumed-role/*/bob\" }");
        assertOne(errors(twoGlobs), "accounts[okta-breakglass].identities[0]: 'arn:aws:sts::*:assumed-role/*/bob' "
                + "can match the same identity as accounts[aws-root-breakglass].identities[1]");
        String sealed = GOOD.replace("    credentials: [password, mfa]\n", "    credentials: [password, mfa]\n"
                + "    sealed-secrets: [{ source: vault-audit, match: \"secret/data/bg/*\" }]\n")
                .replace("approvers:", "  - id: okta-breakglass\n    identities: [{ source: okta-system-log, match: bg@x.com }]\n"
                        + "    sealed-secrets: [{ source: vault-audit, match: \"secret/data/*/okta\" }]\n"
                        + "    custodians: [alice@example.com]\napprovers:");
        assertOne(errors(sealed), ":" + lineOf(sealed, "secret/data/*/okta", 1)
                + ": accounts[okta-breakglass].sealed-secrets[0]: 'secret/data/*/okta' can match the same secret as "
                + "accounts[aws-root-breakglass].sealed-secrets[0] 'secret/data/bg/*' (line "
                + lineOf(sealed, "secret/data/bg/*", 1) + ")");
    }

    @Test
    void aSealedSecretMayNameTheCredentialItHolds() throws Exception {
        String secret = "arn:aws:secretsmanager:us-east-1:111122223333:secret:breakglass/aws/password*";
        String named = GOOD.replace("    credentials: [password, mfa]\n", "    credentials: [password, mfa]\n"
                + "    sealed-secrets:\n"
                + "      - { source: aws-cloudtrail, match: \"" + secret + "\", credential: password }\n"
                + "      - { source: vault-audit, match: \"secret/data/breakglass/aws/*\" }\n");
        AccountSpec account = ConfigLoader.load(write(named)).accounts().get(0);
        assertEquals(Map.of(new IdentityMatch("aws-cloudtrail", secret), "password"), account.secretCredentials());
        assertEquals(2, account.sealedSecrets().size());

        String unlisted = named.replace("credential: password", "credential: access-key");
        assertOne(errors(unlisted), ":" + lineOf(unlisted, "credential: access-key", 1)
                + ": accounts[aws-root-breakglass].sealed-secrets[0].credential: 'access-key' is not one of the "
                + "account's credentials (password, mfa)");
        String misspelt = named.replace("credential: password", "credentials: password");
        assertOne(errors(misspelt), "accounts[aws-root-breakglass].sealed-secrets[0].credentials: unknown key "
                + "'credentials' (allowed: credential, match, source)");
    }

    @Test
    void identitiesThatCannotMeetAreFine() throws Exception {
        SealwatchConfig c = ConfigLoader.load(write(withOkta(
                "{ source: okta-system-log, match: \"arn:aws:iam::111122223333:user/breakglass-admin\" }",
                "{ source: aws-cloudtrail, match: \"arn:aws:sts::111122223333:assumed-role/Okta*\" }",
                "{ source: aws-cloudtrail, match: \"arn:aws:iam::*:user/breakglass-admin2\" }")));
        assertEquals(2, c.accounts().size());
    }

    @Test
    void aDurationOfZeroIsTooShortNotMisspelt() throws Exception {
        List<String> e = errors(GOOD.replace("max-session: PT2H", "max-session: PT0S")
                .replace("episode-gap: PT30M", "episode-gap: -PT30M").replace("drill-every: P3M", "drill-every: P0D"));
        Path f = dir.resolve("sealwatch.yaml");
        assertEquals(List.of(
                f + ":13: accounts[aws-root-breakglass].max-session: 'PT0S' must be longer than zero",
                f + ":16: policy.episode-gap: '-PT30M' must be longer than zero",
                f + ":17: policy.drill-every: 'P0D' must be longer than zero"), e);
    }

    @Test
    void aMissingKeyNamesTheLineOfTheMappingThatLacksIt() throws Exception {
        String noMatch = GOOD.replace(", match: \"arn:aws:sts::111122223333:assumed-role/BreakGlass/*\"", "");
        assertOne(errors(noMatch), ":9: accounts[aws-root-breakglass].identities[1].match: missing required key 'match'");
        String noId = GOOD.replace("  - id: aws-root-breakglass\n    identities:", "  - identities:");
        assertTrue(errors(noId).get(0).endsWith(":6: accounts[0].id: missing required key 'id'"), noId);
        assertOne(errors(GOOD.replace("reason: migration, ", "")), ":19: waivers[0].reason: missing required key");
    }

    /** A value of the wrong kind names its key path and line: GOOD with {@code good} replaced by {@code wrong}. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            custodians: [alice@example.com, bob@example.com] | custodians: 5                 | :11: accounts[aws-root-breakglass].custodians: expected a list, found '5'
            custodians: [alice@example.com, bob@example.com] | custodians: [[alice], bob]    | :11: accounts[aws-root-breakglass].custodians[0]: expected a single non-empty value, found a list
            approvers: [ciso@example.com]                    | approvers: {ciso: yes}        | :14: approvers: expected a list, found a mapping
            organization: Example Corp                       | organization: [Example, Corp] | :1: organization: expected a single non-empty value, found a list
            max-session: PT2H                                | max-session: {hours: 2}       | :13: accounts[aws-root-breakglass].max-session: expected a single non-empty value, found a mapping
            """)
    void aWrongTypeNamesItsKeyAndLine(String good, String wrong, String error) throws Exception {
        assertOne(errors(GOOD.replace(good, wrong)), error);
    }

    @Test
    void wrongShapesNameTheirKeyAndLine() throws Exception {
        assertOne(errors(GOOD.replace("policy:\n  episode-gap: PT30M\n  drill-every: P3M", "policy: [PT30M]")),
                ":15: policy: expected a mapping, found a list");
        assertOne(errors(GOOD.replace("policy:", "? [a, b]\n: c\npolicy:")), ":15: a key must be a plain name");
        int accounts = lineOf(GOOD, "accounts:", 1);
        String map = GOOD.replaceAll("(?s)accounts:.*?approvers:", "accounts:\n  id: x\napprovers:");
        assertTrue(errors(map).get(0).endsWith(":" + (accounts + 1) + ": accounts: expected a list, found a mapping"),
                map);
        assertOne(errors("- just\n- a list\n"), ":1: expected a mapping at the top level");
    }

    @Test
    void aLogGapIsWaivedBySourceType() throws Exception {
        String yaml = GOOD.replace("  - { type: evidence", "  - { type: vault-audit, path: \"vault/*\" }\n  - { type: evidence")
                + "  - { rule: BG-LOG-GAP, source: vault-audit, until: 2026-12-31, reason: \"audit device migration\", "
                + "approved-by: ciso@example.com }\n";
        Waiver w = ConfigLoader.load(write(yaml)).waivers().get(1);
        assertEquals(new Waiver("BG-LOG-GAP", null, "vault-audit", Instant.parse("2026-12-31T00:00:00Z"),
                "audit device migration", "ciso@example.com"), w);
        assertEquals("vault-audit", w.subject());
    }

    @Test
    void aSourceWaiverIsOnlyForLogGapsAndKnownSources() throws Exception {
        String waiver = "  - { rule: %s, %s, until: 2026-12-31, reason: r, approved-by: ciso@example.com }\n";
        int line = lineOf(GOOD, "waivers:", 1) + 2;
        assertOne(errors(GOOD + waiver.formatted("BG-LOG-GAP", "source: splunk")),
                ":" + line + ": waivers[1].source: unknown source type 'splunk'");
        assertOne(errors(GOOD + waiver.formatted("BG-LOG-GAP", "source: vault-audit")),
                ":" + line + ": waivers[1].source: BG-LOG-GAP judges only the configured log sources (aws-cloudtrail), "
                        + "not 'vault-audit'");
        assertOne(errors(GOOD + waiver.formatted("BG-LOG-GAP", "source: evidence")),
                ":" + line + ": waivers[1].source: BG-LOG-GAP judges only the configured log sources");
        assertOne(errors(GOOD + waiver.formatted("BG-TTL-EXCEEDED", "source: aws-cloudtrail, account: aws-root-breakglass")),
                ":" + line + ": waivers[1].source: 'source' waives BG-LOG-GAP findings only");
        List<String> byAccount = errors(GOOD + waiver.formatted("BG-LOG-GAP", "account: aws-root-breakglass"));
        assertEquals(2, byAccount.size(), byAccount.toString());
        assertTrue(byAccount.get(0).contains(":" + line + ": waivers[1].account: BG-LOG-GAP findings are about a log "
                + "source, not an account"), byAccount.toString());
        assertTrue(byAccount.get(1).contains(":" + line + ": waivers[1].source: missing required key 'source'"),
                byAccount.toString());
    }
}
