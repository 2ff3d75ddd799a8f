package io.sealwatch.config;

import java.util.List;

/**
 * A configured log source.
 *
 * @param type one of {@link #TYPES}
 * @param path a glob, resolved against the config file's folder unless it is a URI with a scheme
 * @param line the line of the entry in the config file, for messages
 */
public record SourceSpec(String type, String path, int line) {
    public static final List<String> TYPES = List.of(
            "aws-cloudtrail", "okta-system-log", "entra-signin", "entra-audit", "gcp-audit", "vault-audit",
            "azure-keyvault", "evidence", "jira", "servicenow", "pagerduty");

    /**
     * Sources of process evidence (approvals, notifications, changes): what people did, not what the systems
     * logged. Every record is read (no identity prefilter), their silence is no coverage gap, and nothing in them
     * is a change to an account.
     */
    public static final List<String> PROCESS = List.of("evidence", "jira", "servicenow", "pagerduty");

    public static boolean isProcess(String type) {
        return PROCESS.contains(type);
    }
}
