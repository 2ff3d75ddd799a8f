package io.sealwatch.samples.scenarios;

import io.sealwatch.samples.internal.ConfigYaml.Pattern;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One scenario's inputs while they are built: the configuration's parts, the expectations of
 * {@code scenario.properties} and the records of each log. The building blocks add to it; {@link ScenarioFiles}
 * writes it out.
 */
final class Scenario {
    static final String AWS_ACCOUNT = "aws-breakglass";
    static final List<String> CUSTODIANS = List.of("alice@example.com", "bob@example.com", "carol@example.com");

    /** An account of {@code sealwatch.yaml}; quorum 2 and three custodians, as every scenario account has. */
    record Account(String id, String description, List<Pattern> identities, List<String> credentials,
                   String maxSession, List<Pattern> sealed) {
        Account withSealed(Pattern... patterns) {
            return new Account(id, description, identities, credentials, maxSession, List.of(patterns));
        }
    }

    final String name;
    final String description;
    final Map<String, Object> props = new LinkedHashMap<>();
    String args = "--from 2026-08-14 --to 2026-08-16";
    List<Account> accounts = new ArrayList<>(List.of(Blocks.awsAccount(AWS_ACCOUNT, Aws.BG, null)));
    List<String> approvers = List.of("secops-manager@example.com", "ciso@example.com");
    Map<String, String> policy = new LinkedHashMap<>(Map.of("log-gap", "PT48H"));
    List<Map<String, Object>> cloudtrail = new ArrayList<>();
    final List<Map<String, Object>> okta = new ArrayList<>();
    final List<Map<String, Object>> entra = new ArrayList<>();
    final List<Map<String, Object>> vault = new ArrayList<>();
    List<String[]> evidence = new ArrayList<>();
    List<Map<String, Object>> waivers = List.of();
    /** CloudTrail as gzip-compressed daily {@code {"Records":[…]}} delivery files instead of one event per line. */
    boolean deliveryFiles;
    /** The days ({@code yyyyMMdd}) whose delivery file comes late, in {@code late/}. */
    Set<String> lateDays = new TreeSet<>();
    List<Map<String, Object>> jira = new ArrayList<>();
    final List<Map<String, Object>> pagerduty = new ArrayList<>();
    final List<Map<String, Object>> servicenow = new ArrayList<>();
    final List<Map<String, Object>> keyvault = new ArrayList<>();
    /** Whether the evidence CSV is a source (a scenario may take all its process evidence from native systems). */
    boolean csv = true;
    List<String> evidenceMap = List.of();

    Scenario(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** The policy of a scenario that puts {@code BG-LOG-GAP} under test (or out of the way): that key alone. */
    void logGap(String gap) {
        policy = new LinkedHashMap<>(Map.of("log-gap", gap));
    }

    Scenario expect(Map<String, Object> expectations) {
        props.putAll(expectations);
        return this;
    }

    /** An evidence CSV row of {@code account}; {@code t} an {@link Instant} or the time as written. */
    void ev(Object t, String kind, String actor, String incident, String recipient, String credential, String detail,
            String account) {
        evidence.add(new String[]{t instanceof Instant i ? Ids.iso(i) : (String) t, kind, account, actor, incident,
                recipient, credential, detail});
    }

    void ev(Object t, String kind, String actor, String incident, String recipient, String credential, String detail) {
        ev(t, kind, actor, incident, recipient, credential, detail, AWS_ACCOUNT);
    }
}
