package io.sealwatch.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code evidence-map} section: how the records of a ticketing or paging source ({@code jira},
 * {@code servicenow}, {@code pagerduty}) name a break-glass account and a recipient group, and which states
 * mean approved.
 *
 * @param sources per source type, its mapping; a configured ticketing or paging source always has one
 */
public record EvidenceMap(Map<String, Source> sources) implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final EvidenceMap NONE = new EvidenceMap(Map.of());
    /** What a ticket may record, named as the evidence kinds. */
    public static final List<String> KINDS = List.of("approval", "change", "drill", "review");

    public EvidenceMap {
        sources = sorted(sources);
    }

    /** Sorted, so that the map prints the same in every run (the scan state's key holds it). */
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /** The mapping of a source type, or null. */
    public Source of(String sourceType) {
        return sources.get(sourceType);
    }

    /**
     * One source's mapping.
     *
     * @param accountField dotted path of the field that names the account (a text, a list, an object with a
     *                     {@code name}, {@code value}, {@code display_value} or {@code summary})
     * @param accounts     a field value → the account id; a value equal to an account id names that account too
     * @param approved     the states meaning approved: Jira statuses, ServiceNow {@code approval}/{@code state} values
     * @param kinds        Jira issue type, ServiceNow change type → what an approved record of it is ({@link #KINDS}):
     *                     {@code change} approves a change to the account, {@code drill} and {@code review} record a
     *                     drill or a review of need; any other type approves a use
     * @param recipients   PagerDuty escalation policy → recipient group
     */
    public record Source(String accountField, Map<String, String> accounts, List<String> approved,
                         Map<String, String> kinds, Map<String, String> recipients) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Source {
            accounts = sorted(accounts);
            approved = List.copyOf(approved);
            kinds = sorted(kinds);
            recipients = sorted(recipients);
        }

        /** The account a field value names, ASCII case ignored: through {@link #accounts}, or its own id; else null. */
        public String account(String value, Set<String> accountIds) {
            String mapped = lookup(accounts, value);
            if (mapped != null) {
                return mapped;
            }
            return accountIds.stream().filter(id -> Names.equalsIgnoreAsciiCase(id, value)).findFirst().orElse(null);
        }

        public boolean isApproved(String state) {
            return approved.stream().anyMatch(s -> Names.equalsIgnoreAsciiCase(s, state));
        }

        /** What an approved record of this type is: one of {@link #KINDS}, {@code approval} when unmapped. */
        public String kind(String type) {
            String kind = lookup(kinds, type);
            return kind == null ? "approval" : kind;
        }

        /** The recipient group of an escalation policy, or null when none is mapped. */
        public String recipient(String policy) {
            return lookup(recipients, policy);
        }

        private static String lookup(Map<String, String> map, String key) {
            if (key == null) {
                return null;
            }
            return map.entrySet().stream().filter(e -> Names.equalsIgnoreAsciiCase(e.getKey(), key))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }
}
