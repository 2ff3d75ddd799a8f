package io.sealwatch.config;

import io.sealwatch.config.ConfigLoader.Keys;
import io.sealwatch.model.Severity;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code watch} and {@code alerts} sections, read with the loader's node helpers. */
final class ServiceSections {
    private final ConfigLoader loader;

    ServiceSections(ConfigLoader loader) {
        this.loader = loader;
    }

    WatchSpec watch(Node node, String path, Path base) {
        WatchSpec d = WatchSpec.defaults(base);
        Keys m = loader.mapping(node, path, Set.of("listen", "poll", "state", "nightly", "quarterly", "auth-token-env"));
        if (m == null) {
            return d;
        }
        String host = d.host();
        int port = d.port();
        if (m.containsKey("listen")) {
            Optional<WatchSpec.Listen> listen = loader.parsed(m.get("listen"), path + ".listen", WatchSpec.Listen::parse,
                    "HOST:PORT such as 127.0.0.1:8787");
            host = listen.map(WatchSpec.Listen::host).orElse(host);
            port = listen.map(WatchSpec.Listen::port).orElse(port);
        }
        Duration poll = loader.dur(m, "poll", path, d.poll());
        String state = loader.string(m, "state", path, false);
        LocalTime at = d.nightlyAt();
        Path nightlyOut = null;
        if (m.containsKey("nightly")) {
            Keys n = loader.mapping(m.get("nightly"), path + ".nightly", Set.of("at", "out"));
            if (n != null) {
                if (n.containsKey("at")) {
                    at = loader.parsed(n.get("at"), path + ".nightly.at", LocalTime::parse, "a time of day such as 02:00")
                            .orElse(at);
                }
                nightlyOut = resolve(base, loader.string(n, "out", path + ".nightly", true));
            }
        }
        Path quarterlyOut = null;
        if (m.containsKey("quarterly")) {
            Keys q = loader.mapping(m.get("quarterly"), path + ".quarterly", Set.of("out"));
            if (q != null) {
                quarterlyOut = resolve(base, loader.string(q, "out", path + ".quarterly", true));
            }
        }
        String token = loader.string(m, "auth-token-env", path, false);
        return new WatchSpec(host, port, poll, state == null ? d.state() : resolve(base, state), at, nightlyOut,
                quarterlyOut, token);
    }

    List<AlertSpec> alerts(Keys top) {
        return loader.list(top, "alerts", "", false, this::alert);
    }

    private AlertSpec alert(Node node, String path) {
        Keys m = loader.mapping(node, path, Set.of("type", "min-severity", "url", "url-env", "secret-env",
                "routing-key-env", "host", "port", "starttls", "from", "to", "username-env", "password-env"));
        if (m == null) {
            return null;
        }
        String type = loader.string(m, "type", path, true);
        if (type != null && !AlertSpec.TYPES.contains(type)) {
            loader.error(m.get("type"), path + ".type", "unknown alert sink '" + type + "' (expected one of "
                    + String.join(", ", AlertSpec.TYPES) + ")");
            return null;
        }
        Severity min = m.containsKey("min-severity")
                ? loader.parsed(m.get("min-severity"), path + ".min-severity", Severity::fromWire,
                        "a severity: critical, high, medium, low or info").orElse(Severity.HIGH)
                : Severity.HIGH;
        Set<String> allowed = switch (type == null ? "" : type) {
            case "webhook" -> Set.of("url", "url-env", "secret-env");
            case "slack" -> Set.of("url", "url-env");
            case "pagerduty" -> Set.of("routing-key-env", "url");
            case "email" -> Set.of("host", "port", "starttls", "from", "to", "username-env", "password-env");
            default -> Set.of();
        };
        for (String key : m.keySet()) {
            if (!allowed.contains(key) && !key.equals("type") && !key.equals("min-severity")) {
                loader.error(m.get(key), path + "." + key, "'" + key + "' is not a setting of a " + type
                        + " sink (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        String url = loader.string(m, "url", path, false);
        String urlEnv = loader.string(m, "url-env", path, false);
        if (("webhook".equals(type) || "slack".equals(type)) && (url == null) == (urlEnv == null)) {
            loader.error(node, path, "a " + type + " sink needs exactly one of 'url' and 'url-env'");
        }
        boolean email = "email".equals(type);
        String host = loader.string(m, "host", path, email);
        int port = m.containsKey("port")
                ? loader.parsed(m.get("port"), path + ".port", Integer::parseInt, "a port number").orElse(0) : 25;
        boolean starttls = m.containsKey("starttls") && loader.bool(m.get("starttls"), path + ".starttls");
        String from = loader.string(m, "from", path, email);
        List<String> to = loader.strings(m, "to", path, email);
        if (email && m.get("to") != null && to.isEmpty()) {
            loader.error(m.get("to"), path + ".to", "an email sink needs at least one recipient");
        }
        String usernameEnv = loader.string(m, "username-env", path, false);
        String passwordEnv = loader.string(m, "password-env", path, false);
        if ((usernameEnv == null) != (passwordEnv == null)) {
            loader.error(node, path, "'username-env' and 'password-env' go together");
        }
        return new AlertSpec(type, min, url, urlEnv, loader.string(m, "secret-env", path, false),
                loader.string(m, "routing-key-env", path, "pagerduty".equals(type)), host, port, starttls, from, to,
                usernameEnv, passwordEnv, ConfigLoader.line(node));
    }

    private static Path resolve(Path base, String path) {
        return path == null ? null : base.resolve(path).normalize();
    }
}
