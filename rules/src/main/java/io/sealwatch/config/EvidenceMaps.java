package io.sealwatch.config;

import io.sealwatch.config.ConfigLoader.Keys;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code evidence-map} section, read with the loader's node helpers. Every configured ticketing or paging
 * source needs its entry: without one its records could name no account and would all pass as not relevant.
 */
final class EvidenceMaps {
    /** Per source type: its keys, and the account field's default. */
    private static final Map<String, Set<String>> KEYS = Map.of(
            SourceType.JIRA.name(), Set.of("account-field", "accounts", "approved", "kinds"),
            SourceType.SERVICENOW.name(), Set.of("account-field", "accounts", "approved", "kinds"),
            SourceType.PAGERDUTY.name(), Set.of("account-field", "accounts", "recipients"));
    private static final Map<String, String> ACCOUNT_FIELD = Map.of(SourceType.JIRA.name(), "fields.labels",
            SourceType.SERVICENOW.name(), "sysapproval.cmdb_ci", SourceType.PAGERDUTY.name(), "service.summary");
    private static final List<String> SERVICENOW_APPROVED = List.of("approved");

    private final ConfigLoader loader;

    EvidenceMaps(ConfigLoader loader) {
        this.loader = loader;
    }

    EvidenceMap read(Keys top, List<SourceSpec> sources, List<AccountSpec> accounts) {
        Map<String, EvidenceMap.Source> out = new LinkedHashMap<>();
        Node node = top.get("evidence-map");
        Keys m = node == null ? new Keys(null) : loader.mapping(node, "evidence-map", KEYS.keySet());
        if (m == null) {
            return EvidenceMap.NONE;
        }
        Set<String> ids = Set.copyOf(accounts.stream().map(AccountSpec::id).filter(Objects::nonNull).toList());
        m.forEach((type, n) -> {
            EvidenceMap.Source s = source(type, n, "evidence-map." + type, ids);
            if (s != null) {
                out.put(type, s);
            }
        });
        List<Node> entries = top.get("sources") instanceof SequenceNode seq ? seq.getValue() : List.of();
        for (int i = 0; i < entries.size(); i++) {
            int line = ConfigLoader.line(entries.get(i));
            // an entry whose type was refused has a null type: it needs no map
            String type = sources.stream().filter(s -> s.line() == line && s.type() != null).map(SourceSpec::type)
                    .findFirst().orElse("");
            if (KEYS.containsKey(type) && !m.containsKey(type)) {
                loader.error(entries.get(i), "sources[" + i + "]", "a " + type + " source needs 'evidence-map." + type
                        + "': which field names the account" + (SourceType.PAGERDUTY.is(type)
                        ? " and which escalation policy is which recipient group" : " and which states mean approved"));
            }
        }
        return new EvidenceMap(out);
    }

    private EvidenceMap.Source source(String type, Node node, String path, Set<String> ids) {
        Keys m = loader.mapping(node, path, KEYS.get(type));
        if (m == null) {
            return null;
        }
        String field = loader.string(m, "account-field", path, false);
        Map<String, String> accounts = table(m.get("accounts"), path + ".accounts");
        accounts.forEach((value, id) -> {
            if (!ids.contains(id)) {
                loader.error(m.get("accounts"), path + ".accounts." + value, "unknown account id '" + id + "'");
            }
        });
        boolean jira = SourceType.JIRA.is(type);
        List<String> approved = loader.strings(m, "approved", path, jira);
        if (jira && m.get("approved") != null && approved.isEmpty()) {
            loader.error(m.get("approved"), path + ".approved", "at least one status that means approved");
        }
        Map<String, String> kinds = table(m.get("kinds"), path + ".kinds");
        kinds.forEach((name, kind) -> {
            if (!EvidenceMap.KINDS.contains(kind)) {
                loader.error(m.get("kinds"), path + ".kinds." + name, "unknown kind '" + kind + "' (expected one of "
                        + String.join(", ", EvidenceMap.KINDS) + ")");
            }
        });
        Map<String, String> recipients = table(m.get("recipients"), path + ".recipients");
        if (SourceType.PAGERDUTY.is(type) && recipients.isEmpty()) {
            loader.error(m.get("recipients") == null ? node : m.get("recipients"), path + ".recipients",
                    "which escalation policy notifies which recipient group: at least one");
        }
        return new EvidenceMap.Source(field == null ? ACCOUNT_FIELD.get(type) : field, accounts,
                SourceType.SERVICENOW.is(type) && approved.isEmpty() ? SERVICENOW_APPROVED : approved,
                kinds, recipients);
    }

    /** A mapping of free names to single values; a name given twice (ASCII case ignored) is an error. */
    private Map<String, String> table(Node node, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof MappingNode mn)) {
            loader.error(node, path, "expected a mapping of names to values");
            return out;
        }
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple t : mn.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k) || k.getValue().isBlank()) {
                loader.error(t.getKeyNode(), path, "a name must be a single non-empty value");
                continue;
            }
            String name = k.getValue();
            Node first = seen.putIfAbsent(Names.toLowerAscii(name), k);
            if (first != null) {
                loader.error(k, path + "." + name, "'" + name + "' given twice, first at line " + ConfigLoader.line(first));
                continue;
            }
            loader.parsed(t.getValueNode(), path + "." + name, v -> v, "a single value").ifPresent(v -> out.put(name, v));
        }
        return out;
    }
}
