package io.sealwatch.config;

import io.sealwatch.model.Severity;

import java.util.List;

/**
 * One alert sink of the {@code alerts} section. Secrets are never in the config: only the names of the
 * environment variables that hold them. Which fields are set depends on {@link #type}:
 * <ul>
 *   <li>{@code webhook}: {@code url} (or {@code urlEnv}), optional {@code secretEnv} for the HMAC signature</li>
 *   <li>{@code slack}: {@code url} or {@code urlEnv} (an incoming-webhook URL is a secret: prefer the env)</li>
 *   <li>{@code pagerduty}: {@code routingKeyEnv}; optional {@code url} (the Events API v2 endpoint)</li>
 *   <li>{@code email}: {@code host}, {@code port}, {@code starttls}, {@code from}, {@code to}, optional
 *       {@code usernameEnv}/{@code passwordEnv}</li>
 * </ul>
 *
 * @param minSeverity alerts below this severity are not sent to this sink (default high)
 * @param line        the entry's line in the config file, for messages
 */
public record AlertSpec(String type, Severity minSeverity, String url, String urlEnv, String secretEnv,
                        String routingKeyEnv, String host, int port, boolean starttls, String from, List<String> to,
                        String usernameEnv, String passwordEnv, int line) {
    public static final List<String> TYPES = List.of("webhook", "slack", "pagerduty", "email");

    /** A short name for status pages and metrics: the type and the entry's position. */
    public String name(int index) {
        return type + "-" + index;
    }
}
