package io.sealwatch.config;

import io.sealwatch.config.ConfigException.ConfigError;
import io.sealwatch.model.MfaFactor;
import io.sealwatch.model.Waiver;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads {@code sealwatch.yaml} from the YAML node tree so that every error names its key path and
 * line. Unknown keys and bad values are errors; all of them are collected and reported at once.
 */
public final class ConfigLoader {
    private static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");

    // a set: a mapping reached twice through an alias reports its problems once
    private final Set<ConfigError> errors = new LinkedHashSet<>();
    private final Map<String, Node> accountIds = new HashMap<>();
    private final Claims identityClaims = new Claims("identity");
    private final Claims sealedClaims = new Claims("secret");
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
        byte[] bytes = ConfigFile.read(file, name);
        Node root = ConfigFile.compose(ConfigFile.decode(bytes, name), name);
        return new ConfigLoader(name, needKeystore).parse(file, bytes, root);
    }

    private SealwatchConfig parse(Path file, byte[] bytes, Node root) throws ConfigException {
        if (!(root instanceof MappingNode top)) {
            throw new ConfigException(List.of(new ConfigError(fileName, root == null ? 1 : line(root), "",
                    "expected a mapping at the top level")));
        }
        Keys m = keys(top, "", Set.of("organization", "timezone", "sources", "accounts", "approvers",
                "policy", "signing", "waivers", "watch", "alerts", "evidence-map"));
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
        // with no source nothing is read, with no account nothing is judged: either makes every night look clean
        requireOne(m, "sources", "", "source");
        requireOne(m, "accounts", "", "break-glass account");
        List<SourceSpec> sources = list(m, "sources", "", true, (n, p) -> source(n, p));
        List<String> configuredTypes = sources.stream().map(SourceSpec::type).toList();
        List<AccountSpec> accounts = list(m, "accounts", "", true, (n, p) -> account(n, p));
        identityClaims.overlaps(this::error);
        sealedClaims.overlaps(this::error);
        List<String> approvers = strings(m, "approvers", "", false);
        Policy policy = m.containsKey("policy") ? policy(m.get("policy"), "policy") : Policy.defaults();
        SigningSpec signing = m.containsKey("signing") ? signing(m.get("signing"), "signing", base) : null;
        List<Waiver> waivers = list(m, "waivers", "", false, (n, p) -> waiver(n, p, accounts, configuredTypes));
        ServiceSections service = new ServiceSections(this);
        WatchSpec watch = m.containsKey("watch") ? service.watch(m.get("watch"), "watch", base) : WatchSpec.defaults(base);
        List<AlertSpec> alerts = service.alerts(m);
        EvidenceMap evidenceMap = new EvidenceMaps(this).read(m, sources, accounts);
        if (!errors.isEmpty()) {
            throw new ConfigException(List.copyOf(errors));
        }
        return new SealwatchConfig(file, sha256(bytes), organization, timezone, sources, accounts, approvers,
                policy, signing, waivers, watch, alerts, evidenceMap);
    }

    private SourceSpec source(Node node, String path) {
        Keys m = mapping(node, path, Set.of("type", "path"));
        if (m == null) {
            return null;
        }
        String type = sourceType(m, "type", path);
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
        if (id != null) {
            Node first = accountIds.putIfAbsent(id, m.get("id"));
            if (first != null) {
                error(m.get("id"), at + ".id", "duplicate account id '" + id + "', first at line " + line(first));
            }
        }
        List<IdentityMatch> identities = list(m, "identities", at, true,
                (n, p) -> identityClaims.add(at, identity(n, p), p, n));
        requireOne(m, "identities", at, "identity");
        List<String> credentials = strings(m, "credentials", at, false);
        Map<IdentityMatch, String> secretCredentials = new LinkedHashMap<>();
        List<IdentityMatch> sealed = list(m, "sealed-secrets", at, false,
                (n, p) -> sealedSecret(n, p, at, credentials, secretCredentials));
        List<String> custodians = strings(m, "custodians", at, true);
        requireOne(m, "custodians", at, "custodian");
        // the entries listed, bad ones included (reported on their own); no list, nothing to compare with
        int quorum = quorum(m, at, m.get("custodians") instanceof SequenceNode listed
                ? listed.getValue().size() : Integer.MAX_VALUE);
        Duration maxSession = m.containsKey("max-session")
                ? duration(m.get("max-session"), at + ".max-session") : Duration.ofHours(4);
        return new AccountSpec(id, string(m, "description", at, false), identities, sealed, credentials, custodians,
                quorum, maxSession, strings(m, "privileges", at, false), Map.copyOf(secretCredentials));
    }

    /**
     * A sealed secret, optionally naming the credential of {@code credentials} it holds: a rotation of the
     * secret then counts as that credential's rotation. It must be one the account lists, or the rotation
     * would count for nothing while the config reads as if it did.
     */
    private IdentityMatch sealedSecret(Node node, String path, String at, List<String> credentials,
                                       Map<IdentityMatch, String> secretCredentials) {
        Keys m = mapping(node, path, Set.of("source", "match", "credential"));
        IdentityMatch match = m == null ? null : sealedClaims.add(at, match(m, path), path, node);
        String credential = m == null ? null : string(m, "credential", path, false);
        if (credential != null && credentials.stream().noneMatch(credential::equals)) {
            error(m.get("credential"), path + ".credential", "'" + credential + "' is not one of the account's "
                    + "credentials (" + String.join(", ", credentials) + ")");
        } else if (credential != null && match != null) {
            secretCredentials.put(match, credential);
        }
        return match;
    }

    /** An empty list where the config or an account needs at least one entry (a missing key is reported as missing). */
    private void requireOne(Keys m, String key, String at, String what) {
        if (m.get(key) instanceof SequenceNode seq && seq.getValue().isEmpty()) {
            error(seq, at.isEmpty() ? key : at + "." + key, (at.isEmpty() ? "a config" : "an account")
                    + " needs at least one " + what);
        }
    }

    /** Below 1 no release would ever be required, above the custodians none could ever meet it. */
    private int quorum(Keys m, String at, int custodians) {
        Node node = m.get("quorum");
        if (node == null) {
            return Math.min(2, custodians);
        }
        String path = at + ".quorum";
        Optional<Integer> quorum = parsed(node, path, Integer::parseInt, "a whole number");
        quorum.filter(q -> q < 1).ifPresent(q -> error(node, path, "quorum " + q
                + " is below 1: every use must need at least one custodian's share"));
        quorum.filter(q -> q > custodians).ifPresent(q -> error(node, path, "quorum " + q + " is larger than the "
                + custodians + " custodian(s) listed"));
        return quorum.orElse(0);
    }

    private IdentityMatch identity(Node node, String path) {
        Keys m = mapping(node, path, Set.of("source", "match"));
        return m == null ? null : match(m, path);
    }

    /** The {@code source} and {@code match} of an identity or sealed-secret entry. */
    private IdentityMatch match(Keys m, String path) {
        String source = sourceType(m, "source", path);
        String match = string(m, "match", path, true);
        if (match != null && match.replace("*", "").isBlank()) {
            error(m.get("match"), path + ".match", "a match must contain more than '*'");
        }
        return source == null || match == null ? null : new IdentityMatch(source, match);
    }

    /** A required source type, one of {@link SourceType#KNOWN}. */
    private String sourceType(Keys m, String key, String path) {
        String type = string(m, key, path, true);
        if (type != null && !SourceType.KNOWN.contains(type)) {
            error(m.get(key), path + "." + key, "unknown source type '" + type + "' (expected one of "
                    + String.join(", ", SourceType.KNOWN) + ")");
            return null;
        }
        return type;
    }

    private Policy policy(Node node, String path) {
        Keys m = mapping(node, path, Set.of("episode-gap", "approval-window", "approval-grace",
                "custody-window", "notify-within", "notify-recipients", "rotate-within", "strong-mfa",
                "require-incident", "log-gap", "drill-every", "review-every", "settle-after", "lookback"));
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
        Policy read = new Policy(
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
                m.containsKey("review-every") ? period(m.get("review-every"), path + ".review-every") : d.reviewEvery(),
                dur(m, "settle-after", path, d.settleAfter()),
                Policy.DEFAULT_LOOKBACK);
        Duration minimum = read.minimumLookback();
        if (!m.containsKey("lookback")) {
            // the default grows with the windows it must cover rather than failing a config that never set it
            return read.withLookback(minimum.compareTo(Policy.DEFAULT_LOOKBACK) > 0 ? minimum : Policy.DEFAULT_LOOKBACK);
        }
        Duration lookback = dur(m, "lookback", path, Policy.DEFAULT_LOOKBACK);
        if (lookback.compareTo(minimum) < 0 && !lookback.isZero()) {
            error(m.get("lookback"), path + ".lookback", "'" + ((ScalarNode) m.get("lookback")).getValue().trim()
                    + "' is shorter than settle-after + rotate-within + approval-window (" + minimum
                    + "): episodes still open at the period start would be missed");
        }
        return read.withLookback(lookback);
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

    /** Waives an account's findings, or for {@link Waiver#BY_SOURCE} (findings without an account) a log source's. */
    private Waiver waiver(Node node, String path, List<AccountSpec> accounts, List<String> configuredTypes) {
        Keys m = mapping(node, path, Set.of("rule", "account", "source", "until", "reason", "approved-by"));
        if (m == null) {
            return null;
        }
        String rule = string(m, "rule", path, true);
        if (rule != null && !RULE_ID.matcher(rule).matches()) {
            error(m.get("rule"), path + ".rule", "'" + rule + "' is not a rule id (e.g. BG-TTL-EXCEEDED)");
        }
        boolean bySource = Waiver.BY_SOURCE.equals(rule);
        String account = null;
        String source = null;
        if (bySource) {
            if (m.containsKey("account")) {
                error(m.get("account"), path + ".account", Waiver.BY_SOURCE + " findings are about a log source, "
                        + "not an account: waive them by 'source' (a source type)");
            }
            source = sourceType(m, "source", path);
            List<String> judged = SourceType.KNOWN.stream()
                    .filter(t -> configuredTypes.contains(t) && !SourceType.of(t).processEvidence()).toList();
            if (source != null && !judged.contains(source)) {
                error(m.get("source"), path + ".source", Waiver.BY_SOURCE + " judges only the configured log "
                        + "sources (" + String.join(", ", judged) + "), not '" + source + "'");
            }
        } else {
            if (m.containsKey("source")) {
                error(m.get("source"), path + ".source", "'source' waives " + Waiver.BY_SOURCE
                        + " findings only; other rules are waived by 'account'");
            }
            account = string(m, "account", path, true);
            String id = account;
            if (id != null && accounts.stream().noneMatch(a -> id.equals(a.id()))) {
                error(m.get("account"), path + ".account", "no account with id '" + id + "'");
            }
        }
        Instant until = m.containsKey("until") ? instant(m.get("until"), path + ".until") : null;
        if (!m.containsKey("until")) {
            error(node, path + ".until", "missing required key 'until'");
        }
        return new Waiver(rule, account, source, until, string(m, "reason", path, true),
                string(m, "approved-by", path, true));
    }

    // ---- node helpers: each returns a usable value and records an error when the node is wrong ----

    /**
     * The mapping's allowed keys. A repeated key is an error naming both lines: the composed node tree
     * keeps both entries (snakeyaml checks duplicates only when constructing objects), and silently taking
     * one would let a second {@code accounts:} replace the first.
     */
    private Keys keys(MappingNode node, String path, Set<String> allowed) {
        Keys out = new Keys(node);
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode s)) {
                error(t.getKeyNode(), path, "a key must be a plain name, not a list or mapping");
                continue;
            }
            String key = s.getValue();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            Node first = seen.putIfAbsent(key, s);
            if (first != null) {
                error(s, keyPath, "duplicate key '" + key + "' at line " + line(s) + ", first at line " + line(first));
            } else if (!allowed.contains(key)) {
                error(t.getKeyNode(), keyPath, "unknown key '" + key + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            } else {
                out.put(key, t.getValueNode());
            }
        }
        return out;
    }

    Keys mapping(Node node, String path, Set<String> allowed) {
        if (node instanceof MappingNode mn) {
            return keys(mn, path, allowed);
        }
        error(node, path, "expected a mapping, found " + found(node));
        return null;
    }

    <T> List<T> list(Keys m, String key, String path, boolean required,
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
            error(node, keyPath, "expected a list, found " + found(node));
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

    List<String> strings(Keys m, String key, String path, boolean required) {
        return list(m, key, path, required, (n, p) -> scalar(n, p));
    }

    String string(Keys m, String key, String path, boolean required) {
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
        error(node, path, "expected a single non-empty value, found " + found(node));
        return null;
    }

    /** What stands where something else was expected, for messages. */
    private static String found(Node node) {
        if (node instanceof ScalarNode s) {
            return s.getValue().isBlank() ? "nothing" : "'" + s.getValue() + "'";
        }
        return node instanceof SequenceNode ? "a list" : "a mapping";
    }

    Duration dur(Keys m, String key, String path, Duration dflt) {
        return m.containsKey(key) ? duration(m.get(key), path + "." + key) : dflt;
    }

    // every duration and period of the config is a window or an interval: zero or less means nothing
    private Duration duration(Node node, String path) {
        Optional<Duration> d = parsed(node, path, Duration::parse, "an ISO-8601 duration such as PT4H or P1D");
        d.filter(v -> v.isZero() || v.isNegative()).ifPresent(v -> notLonger(node, path));
        return d.orElse(Duration.ZERO);
    }

    private Period period(Node node, String path) {
        Optional<Period> p = parsed(node, path, Period::parse, "an ISO-8601 period such as P3M or P1Y");
        p.filter(v -> v.isZero() || v.isNegative()).ifPresent(v -> notLonger(node, path));
        return p.orElse(Period.ZERO);
    }

    private void notLonger(Node node, String path) {
        error(node, path, "'" + ((ScalarNode) node).getValue().trim() + "' must be longer than zero");
    }

    boolean bool(Node node, String path) {
        return parsed(node, path, v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(v);
        }, "true or false").orElse(false);
    }

    private Instant instant(Node node, String path) {
        return parsed(node, path, ConfigLoader::parseInstant,
                "an ISO-8601 date or time such as 2026-12-31 or 2026-12-31T00:00:00Z").orElse(Instant.EPOCH);
    }

    /** ISO-8601 date (start of that UTC day) or instant with zone. */
    public static Instant parseInstant(String v) {
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(v).toInstant();
        }
    }

    /** The parsed scalar, or empty after recording that it is not {@code expected}. */
    <T> Optional<T> parsed(Node node, String path, Function<String, T> parser, String expected) {
        String v = scalar(node, path);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(v.trim()));
        } catch (RuntimeException e) {
            error(node, path, "'" + v + "' is not " + expected);
            return Optional.empty();
        }
    }

    /** A mapping's known keys, remembering the mapping so a missing key can name its line. */
    static final class Keys extends LinkedHashMap<String, Node> {
        private final transient Node owner;

        Keys(Node owner) {
            this.owner = owner;
        }
    }

    /** Where a problem is: the first line of the node (of the mapping, for a key it lacks). */
    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    void error(Node node, String path, String message) {
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
