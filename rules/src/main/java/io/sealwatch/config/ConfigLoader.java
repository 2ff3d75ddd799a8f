package io.sealwatch.config;

import io.sealwatch.config.ConfigException.ConfigError;
import io.sealwatch.model.MfaFactor;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads {@code sealwatch.yaml} from the YAML node tree so that every error names its key path and
 * line. Unknown keys and bad values are errors; all of them are collected and reported at once.
 */
public final class ConfigLoader {
    private static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");

    private final List<ConfigError> errors = new ArrayList<>();
    private final String fileName;
    private final boolean needKeystore;

    private ConfigLoader(String fileName, boolean needKeystore) {
        this.fileName = fileName;
        this.needKeystore = needKeystore;
    }

    public static SealwatchConfig load(Path file) throws ConfigException {
        return load(file, true);
    }

    /** @param needKeystore false for unsigned runs ({@code --no-sign}): a missing keystore is then no error */
    public static SealwatchConfig load(Path file, boolean needKeystore) throws ConfigException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigError(name, 0, "", "cannot read config file: " + e)));
        }
        return new ConfigLoader(name, needKeystore).parse(file, bytes);
    }

    private SealwatchConfig parse(Path file, byte[] bytes) throws ConfigException {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(List.of(new ConfigError(fileName, line, "", "not valid YAML: " + e.getProblem())));
        } catch (RuntimeException e) {
            throw new ConfigException(List.of(new ConfigError(fileName, 0, "", "not valid YAML: " + e.getMessage())));
        }
        if (!(root instanceof MappingNode top)) {
            throw new ConfigException(List.of(new ConfigError(fileName, 1, "", "expected a mapping at the top level")));
        }
        Keys m = keys(top, "", Set.of("organization", "timezone", "sources", "accounts", "approvers",
                "policy", "signing", "waivers"));
        String organization = string(m, "organization", "", true);
        String timezone = string(m, "timezone", "", false);
        if (timezone == null) {
            timezone = "UTC";
        } else {
            try {
                ZoneId.of(timezone);
            } catch (RuntimeException e) {
                error(m.get("timezone"), "timezone", "unknown time zone '" + timezone + "'");
            }
        }
        Path base = file.toAbsolutePath().getParent();
        List<SourceSpec> sources = list(m, "sources", "", true, (n, p) -> source(n, p));
        Set<String> configuredTypes = new HashSet<>();
        sources.forEach(s -> configuredTypes.add(s.type()));
        List<AccountSpec> accounts = list(m, "accounts", "", true, (n, p) -> account(n, p));
        checkUniqueIds(m.get("accounts"), accounts);
        List<String> approvers = strings(m, "approvers", "", false);
        Policy policy = m.containsKey("policy") ? policy(m.get("policy"), "policy") : Policy.defaults();
        SigningSpec signing = m.containsKey("signing") ? signing(m.get("signing"), "signing", base) : null;
        List<Waiver> waivers = list(m, "waivers", "", false, (n, p) -> waiver(n, p, accounts));
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new SealwatchConfig(file, sha256(bytes), organization, timezone, sources, accounts, approvers,
                policy, signing, waivers);
    }

    private SourceSpec source(Node node, String path) {
        Keys m = mapping(node, path, Set.of("type", "path"));
        if (m == null) {
            return null;
        }
        String type = string(m, "type", path, true);
        if (type != null && !SourceSpec.TYPES.contains(type)) {
            error(m.get("type"), path + ".type", "unknown source type '" + type + "' (expected one of "
                    + String.join(", ", SourceSpec.TYPES) + ")");
        }
        String glob = string(m, "path", path, true);
        return new SourceSpec(type, glob, line(node));
    }

    private AccountSpec account(Node node, String path) {
        Keys m = mapping(node, path, Set.of("id", "description", "identities", "sealed-secrets",
                "credentials", "custodians", "quorum", "max-session", "privileges"));
        if (m == null) {
            return null;
        }
        String id = string(m, "id", path, true);
        String at = id == null ? path : "accounts[" + id + "]";
        List<IdentityMatch> identities = list(m, "identities", at, true, (n, p) -> identity(n, p));
        if (m.containsKey("identities") && identities.isEmpty()) {
            error(m.get("identities"), at + ".identities", "an account needs at least one identity");
        }
        List<IdentityMatch> sealed = list(m, "sealed-secrets", at, false, (n, p) -> identity(n, p));
        List<String> credentials = strings(m, "credentials", at, false);
        List<String> custodians = strings(m, "custodians", at, false);
        int quorum = m.containsKey("quorum") ? integer(m.get("quorum"), at + ".quorum") : Math.min(2, custodians.size());
        if (quorum > custodians.size()) {
            error(m.get("quorum"), at + ".quorum", "quorum " + quorum + " is larger than the "
                    + custodians.size() + " custodian(s) listed");
        }
        Duration maxSession = m.containsKey("max-session")
                ? duration(m.get("max-session"), at + ".max-session") : Duration.ofHours(4);
        return new AccountSpec(id, string(m, "description", at, false), identities, sealed, credentials, custodians,
                quorum, maxSession, strings(m, "privileges", at, false));
    }

    private IdentityMatch identity(Node node, String path) {
        Keys m = mapping(node, path, Set.of("source", "match"));
        if (m == null) {
            return null;
        }
        String source = string(m, "source", path, true);
        if (source != null && !SourceSpec.TYPES.contains(source)) {
            error(m.get("source"), path + ".source", "unknown source type '" + source + "'");
        }
        String match = string(m, "match", path, true);
        if (match != null && match.replace("*", "").isBlank()) {
            error(m.get("match"), path + ".match", "a match must contain more than '*'");
        }
        return new IdentityMatch(source, match);
    }

    private Policy policy(Node node, String path) {
        Keys m = mapping(node, path, Set.of("episode-gap", "approval-window", "approval-grace",
                "custody-window", "notify-within", "notify-recipients", "rotate-within", "strong-mfa",
                "require-incident", "log-gap", "drill-every", "review-every"));
        Policy d = Policy.defaults();
        if (m == null) {
            return d;
        }
        List<String> strong = m.containsKey("strong-mfa") ? strings(m, "strong-mfa", path, false) : d.strongMfa();
        for (String f : strong) {
            if (!MfaFactor.isWire(f)) {
                error(m.get("strong-mfa"), path + ".strong-mfa", "unknown MFA factor class '" + f + "'");
            }
        }
        return new Policy(
                dur(m, "episode-gap", path, d.episodeGap()),
                dur(m, "approval-window", path, d.approvalWindow()),
                dur(m, "approval-grace", path, d.approvalGrace()),
                dur(m, "custody-window", path, d.custodyWindow()),
                dur(m, "notify-within", path, d.notifyWithin()),
                m.containsKey("notify-recipients") ? strings(m, "notify-recipients", path, false) : d.notifyRecipients(),
                dur(m, "rotate-within", path, d.rotateWithin()),
                strong,
                m.containsKey("require-incident") ? bool(m.get("require-incident"), path + ".require-incident")
                        : d.requireIncident(),
                dur(m, "log-gap", path, d.logGap()),
                m.containsKey("drill-every") ? period(m.get("drill-every"), path + ".drill-every") : d.drillEvery(),
                m.containsKey("review-every") ? period(m.get("review-every"), path + ".review-every") : d.reviewEvery());
    }

    private SigningSpec signing(Node node, String path, Path base) {
        Keys m = mapping(node, path, Set.of("keystore", "password-env", "alias", "tsa-url"));
        if (m == null) {
            return null;
        }
        String keystore = string(m, "keystore", path, true);
        Path ks = keystore == null ? null : base.resolve(keystore).normalize();
        if (needKeystore && ks != null && !Files.isRegularFile(ks)) {
            error(m.get("keystore"), path + ".keystore", "keystore not found: " + ks
                    + " (create one with 'sealwatch keys init --out DIR')");
        }
        String env = string(m, "password-env", path, false);
        String alias = string(m, "alias", path, false);
        return new SigningSpec(ks, env == null ? "SEALWATCH_KEY_PASSWORD" : env, alias == null ? "sealwatch" : alias,
                string(m, "tsa-url", path, false));
    }

    private Waiver waiver(Node node, String path, List<AccountSpec> accounts) {
        Keys m = mapping(node, path, Set.of("rule", "account", "until", "reason", "approved-by"));
        if (m == null) {
            return null;
        }
        String rule = string(m, "rule", path, true);
        if (rule != null && !RULE_ID.matcher(rule).matches()) {
            error(m.get("rule"), path + ".rule", "'" + rule + "' is not a rule id (e.g. BG-TTL-EXCEEDED)");
        }
        String account = string(m, "account", path, true);
        if (account != null && accounts.stream().noneMatch(a -> a != null && account.equals(a.id()))) {
            error(m.get("account"), path + ".account", "no account with id '" + account + "'");
        }
        Instant until = m.containsKey("until") ? instant(m.get("until"), path + ".until") : null;
        if (!m.containsKey("until")) {
            error(node, path + ".until", "missing required key 'until'");
        }
        return new Waiver(rule, account, until, string(m, "reason", path, true), string(m, "approved-by", path, true));
    }

    private void checkUniqueIds(Node node, List<AccountSpec> accounts) {
        Set<String> seen = new HashSet<>();
        for (AccountSpec a : accounts) {
            if (a != null && a.id() != null && !seen.add(a.id())) {
                error(node, "accounts", "duplicate account id '" + a.id() + "'");
            }
        }
    }

    // ---- node helpers: each returns a usable value and records an error when the node is wrong ----

    private Keys keys(MappingNode node, String path, Set<String> allowed) {
        Keys out = new Keys(node);
        for (NodeTuple t : node.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
            String keyPath = path.isEmpty() ? key : path + "." + key;
            if (!allowed.contains(key)) {
                error(t.getKeyNode(), keyPath, "unknown key '" + key + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            } else {
                out.put(key, t.getValueNode());
            }
        }
        return out;
    }

    private Keys mapping(Node node, String path, Set<String> allowed) {
        if (node instanceof MappingNode mn) {
            return keys(mn, path, allowed);
        }
        error(node, path, "expected a mapping");
        return null;
    }

    private <T> List<T> list(Keys m, String key, String path, boolean required,
                             java.util.function.BiFunction<Node, String, T> element) {
        String keyPath = path.isEmpty() ? key : path + "." + key;
        Node node = m.get(key);
        if (node == null) {
            if (required) {
                error(m.owner, keyPath, "missing required key '" + key + "'");
            }
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            error(node, keyPath, "expected a list");
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            T value = element.apply(seq.getValue().get(i), keyPath + "[" + i + "]");
            if (value != null) {
                out.add(value);
            }
        }
        return List.copyOf(out);
    }

    private List<String> strings(Keys m, String key, String path, boolean required) {
        return list(m, key, path, required, (n, p) -> scalar(n, p));
    }

    private String string(Keys m, String key, String path, boolean required) {
        String keyPath = path.isEmpty() ? key : path + "." + key;
        Node node = m.get(key);
        if (node == null) {
            if (required) {
                error(m.owner, keyPath, "missing required key '" + key + "'");
            }
            return null;
        }
        return scalar(node, keyPath);
    }

    private String scalar(Node node, String path) {
        if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
            return s.getValue();
        }
        error(node, path, "expected a non-empty value");
        return null;
    }

    private Duration dur(Keys m, String key, String path, Duration dflt) {
        return m.containsKey(key) ? duration(m.get(key), path + "." + key) : dflt;
    }

    private Duration duration(Node node, String path) {
        return parsed(node, path, Duration::parse, "an ISO-8601 duration such as PT4H or P1D", Duration.ZERO);
    }

    private Period period(Node node, String path) {
        return parsed(node, path, Period::parse, "an ISO-8601 period such as P3M or P1Y", Period.ZERO);
    }

    private int integer(Node node, String path) {
        return parsed(node, path, Integer::parseInt, "a whole number", 0);
    }

    private boolean bool(Node node, String path) {
        return parsed(node, path, v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(v);
        }, "true or false", false);
    }

    private Instant instant(Node node, String path) {
        return parsed(node, path, ConfigLoader::parseInstant,
                "an ISO-8601 date or time such as 2026-12-31 or 2026-12-31T00:00:00Z", Instant.EPOCH);
    }

    /** ISO-8601 date (start of that UTC day) or instant with zone. */
    public static Instant parseInstant(String v) {
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(v).toInstant();
        }
    }

    private <T> T parsed(Node node, String path, Function<String, T> parser, String expected, T fallback) {
        String v = scalar(node, path);
        if (v == null) {
            return fallback;
        }
        try {
            T value = parser.apply(v.trim());
            if (value instanceof Duration d && (d.isNegative() || d.isZero())) {
                throw new IllegalArgumentException("not positive");
            }
            return value;
        } catch (RuntimeException e) {
            error(node, path, "'" + v + "' is not " + expected);
            return fallback;
        }
    }

    /** A mapping's known keys, remembering the mapping so a missing key can name its line. */
    private static final class Keys extends LinkedHashMap<String, Node> {
        private final transient Node owner;

        Keys(Node owner) {
            this.owner = owner;
        }
    }

    private int line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private void error(Node node, String path, String message) {
        errors.add(new ConfigError(fileName, line(node), path, message));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
