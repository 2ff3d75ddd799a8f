package io.sealwatch.config;

import java.util.List;
import java.util.Set;

/**
 * A source type as the config names it ({@code aws-cloudtrail}, {@code jira}, …). Not an enum of the
 * connectors: they are plug-ins, found by the engine through {@code ServiceLoader}, and nothing but the config's
 * vocabulary ({@link #KNOWN}) lists them. The constants are the few types some code must single out: the
 * evidence CSV (its own layout) and the ticketing and paging exports (their {@code evidence-map} keys).
 * Whether a type is {@linkplain #processEvidence() process evidence} is a property of the type, asked
 * wherever it matters, never a list kept beside the code that asks.
 */
public record SourceType(String name) {

    public static final SourceType EVIDENCE = new SourceType("evidence");
    public static final SourceType JIRA = new SourceType("jira");
    public static final SourceType SERVICENOW = new SourceType("servicenow");
    public static final SourceType PAGERDUTY = new SourceType("pagerduty");

    /** Every type a config may name: one per connector the engine registers (a test holds the two equal). */
    public static final List<String> KNOWN = List.of(
            "aws-cloudtrail", "okta-system-log", "entra-signin", "entra-audit", "gcp-audit", "vault-audit",
            "azure-keyvault", EVIDENCE.name, JIRA.name, SERVICENOW.name, PAGERDUTY.name);

    private static final Set<SourceType> PROCESS = Set.of(EVIDENCE, JIRA, SERVICENOW, PAGERDUTY);

    public SourceType {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a source type needs a name");
        }
    }

    public static SourceType of(String name) {
        return new SourceType(name);
    }

    /**
     * Process evidence (approvals, custody, notifications, drills, changes): what people did, not what the systems
     * logged. Every record is read (no identity prefilter), its silence is no coverage gap, and nothing in it is a
     * change to an account or an account's own activity.
     */
    public boolean processEvidence() {
        return PROCESS.contains(this);
    }

    /** Whether {@code type}, a source type's name (as events and configs carry it), is this type. */
    public boolean is(String type) {
        return name.equals(type);
    }

    @Override
    public String toString() {
        return name;
    }
}
