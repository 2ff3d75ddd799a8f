package io.sealwatch.engine.ingest;

import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.EvidenceMap;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.config.SealwatchConfig;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of the config executors need: which identities and sealed-secret paths belong to which
 * account, per source type, each account's credentials, and the evidence map of ticketing and paging sources. Serializable so it ships with the tasks.
 * The first account (in config order) whose pattern matches wins.
 */
public final class AccountIndex implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * One configured pattern of one account.
     *
     * @param credential for a sealed secret: the credential it holds, where its config entry names one; else null
     */
    public record Rule(String account, String source, String match, String credential) implements Serializable {
        IdentityMatch identity() {
            return new IdentityMatch(source, match);
        }
    }

    private final List<Rule> identities = new ArrayList<>();
    private final List<Rule> sealed = new ArrayList<>();
    private final Map<String, List<String>> credentials = new LinkedHashMap<>();
    private final EvidenceMap evidenceMap;

    public AccountIndex(List<AccountSpec> accounts) {
        this(accounts, EvidenceMap.NONE);
    }

    public AccountIndex(List<AccountSpec> accounts, EvidenceMap evidenceMap) {
        this.evidenceMap = evidenceMap;
        for (AccountSpec a : accounts) {
            a.identities().forEach(m -> identities.add(new Rule(a.id(), m.source(), m.match(), null)));
            a.sealedSecrets().forEach(m -> sealed.add(new Rule(a.id(), m.source(), m.match(),
                    a.secretCredentials().get(m))));
            credentials.put(a.id(), List.copyOf(a.credentials()));
        }
    }

    public static AccountIndex of(SealwatchConfig config) {
        return new AccountIndex(config.accounts(), config.evidenceMap());
    }

    /** The account whose identity for {@code sourceType} matches {@code value}, or null. */
    public String identityAccount(String sourceType, String value) {
        return first(identities, sourceType, value);
    }

    /**
     * The account with an identity for {@code sourceType} that some value matching the glob {@code pattern}
     * would match, or null: how a change to a role (every session of it) is tied to an account known by its
     * sessions.
     */
    public String overlappingAccount(String sourceType, String pattern) {
        IdentityMatch probe = new IdentityMatch(sourceType, pattern);
        for (Rule r : identities) {
            if (r.source().equals(sourceType) && r.identity().overlaps(probe)) {
                return r.account();
            }
        }
        return null;
    }

    /** The account whose sealed-secret pattern for {@code sourceType} matches {@code path}, or null. */
    public String sealedAccount(String sourceType, String path) {
        Rule r = sealedRule(sourceType, path);
        return r == null ? null : r.account();
    }

    /** The first sealed-secret pattern for {@code sourceType} (config order) that matches {@code name}, or null. */
    public Rule sealedRule(String sourceType, String name) {
        return firstRule(sealed, sourceType, name);
    }

    public boolean isAccount(String id) {
        return credentials.containsKey(id);
    }

    /** How the records of a ticketing or paging source name accounts and recipients, or null. */
    public EvidenceMap.Source mapping(String sourceType) {
        return evidenceMap.of(sourceType);
    }

    /** The configured account ids, in config order. */
    public Set<String> ids() {
        return Collections.unmodifiableSet(credentials.keySet());
    }

    public List<String> credentials(String account) {
        return credentials.getOrDefault(account, List.of());
    }

    public List<Rule> identities(String sourceType) {
        return identities.stream().filter(r -> r.source().equals(sourceType)).toList();
    }

    public List<Rule> sealed(String sourceType) {
        return sealed.stream().filter(r -> r.source().equals(sourceType)).toList();
    }

    private static String first(List<Rule> rules, String sourceType, String value) {
        Rule r = firstRule(rules, sourceType, value);
        return r == null ? null : r.account();
    }

    private static Rule firstRule(List<Rule> rules, String sourceType, String value) {
        if (value == null) {
            return null;
        }
        for (Rule r : rules) {
            if (r.source().equals(sourceType) && r.identity().matches(value)) {
                return r;
            }
        }
        return null;
    }
}
