package io.sealwatch.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;

/**
 * The {@code watch} section: how the long-lived service follows the sources and where it keeps its memory.
 *
 * @param host         the status page's address; loopback by default
 * @param port         its port (0 = any free port, for tests)
 * @param poll         how often sources are listed for new or grown files
 * @param state        the service's memory (scan state, open episodes, alert outbox), resolved against the config
 * @param nightlyAt    local time (of the config's time zone) of the nightly bundle
 * @param nightlyOut   where nightly bundles go, or null for none
 * @param quarterlyOut where closed quarters' bundles go, or null for none
 * @param authTokenEnv environment variable holding the bearer token every request must carry; required off loopback
 */
public record WatchSpec(String host, int port, Duration poll, Path state, LocalTime nightlyAt, Path nightlyOut,
                        Path quarterlyOut, String authTokenEnv) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8787;
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(10);
    public static final LocalTime DEFAULT_NIGHTLY_AT = LocalTime.of(2, 0);

    /** The defaults for a config without a {@code watch} section, its state beside the config file. */
    public static WatchSpec defaults(Path configDir) {
        return new WatchSpec(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_POLL, configDir.resolve("state").normalize(),
                DEFAULT_NIGHTLY_AT, null, null, null);
    }

    /** A listen address: {@code HOST:PORT}, an IPv6 host in brackets ({@code [::1]:8787}). */
    public record Listen(String host, int port) {
        /** @throws IllegalArgumentException when {@code value} is not HOST:PORT with a port from 0 to 65535 */
        public static Listen parse(String value) {
            int colon = value.lastIndexOf(':');
            int port = colon <= 0 ? -1 : Integer.parseInt(value.substring(colon + 1));
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(value);
            }
            return new Listen(value.substring(0, colon).replace("[", "").replace("]", ""), port);
        }
    }

    public WatchSpec withListen(String newHost, int newPort) {
        return new WatchSpec(newHost, newPort, poll, state, nightlyAt, nightlyOut, quarterlyOut, authTokenEnv);
    }

    /** True when {@link #host} names only this machine (a name that does not resolve is not loopback). */
    public boolean loopback() {
        return loopback(host);
    }

    /** True when {@code host} names only this machine; a name that does not resolve, and none, is not loopback. */
    public static boolean loopback(String host) {
        if (host == null || host.isBlank()) {
            return false;   // Jetty would listen on every address
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
