package io.sealwatch.engine.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.config.EvidenceMap;
import io.sealwatch.model.EventClass;

import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code evidence-map} says of a record of a ticketing or paging source: which account its account field
 * names. Shared by the Jira, ServiceNow and PagerDuty connectors, whose fields hold a name in different shapes.
 */
public final class Mapped {
    /** The members of an object that name it, in the order the vendors' formats prefer them. */
    private static final List<String> NAMES = List.of("name", "value", "display_value", "summary", "key");

    private Mapped() {
    }

    /** The source's evidence map; the loader refuses a ticketing or paging source without one. */
    public static EvidenceMap.Source of(RecordContext ctx) {
        EvidenceMap.Source map = ctx.accounts().mapping(ctx.sourceType());
        if (map == null) {
            throw new IllegalStateException("no evidence-map entry for source type " + ctx.sourceType());
        }
        return map;
    }

    /** The event class of an approved record of this type ({@code evidence-map} {@code kinds}), as the evidence kinds. */
    public static EventClass eventClass(EvidenceMap.Source map, String type) {
        return switch (map.kind(type)) {
            case "change" -> EventClass.APPROVED_CHANGE;
            case "drill" -> EventClass.DRILL;
            case "review" -> EventClass.REVIEW;
            default -> EventClass.APPROVAL;
        };
    }

    /** The first account that a value of the record's account field names, or null. */
    public static String account(JsonNode r, RecordContext ctx) throws RecordException {
        EvidenceMap.Source map = of(ctx);
        for (String v : values(r, map.accountField())) {
            String account = map.account(v, ctx.accounts().ids());
            if (account != null) {
                return account;
            }
        }
        return null;
    }

    /**
     * Every name a field holds: a text; each element of a list; of an object (a Jira component or option, a
     * ServiceNow reference, a PagerDuty reference), its {@code name}, {@code value}, {@code display_value},
     * {@code summary} or {@code key}.
     */
    static List<String> values(JsonNode r, String path) throws RecordException {
        JsonNode n = field(r, path);
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n.isArray()) {
            for (JsonNode e : n) {
                add(e, path, out);
            }
        } else {
            add(n, path, out);
        }
        return out;
    }

    /**
     * The field at a dotted path: a member of that very name first (ServiceNow writes a dot-walked field such as
     * {@code sysapproval.cmdb_ci} as one flat key), else the path through nested objects; null when absent.
     */
    public static JsonNode field(JsonNode r, String path) throws RecordException {
        JsonNode flat = r.get(path);
        return flat != null && !flat.isNull() ? flat : Json.node(r, path);
    }

    private static void add(JsonNode n, String path, List<String> out) throws RecordException {
        if (n.isValueNode() && !n.isNull()) {
            out.add(n.asText());
        } else if (n.isObject()) {
            for (String name : NAMES) {
                if (n.hasNonNull(name) && n.get(name).isValueNode()) {
                    out.add(n.get(name).asText());
                }
            }
        } else if (!n.isNull()) {
            throw new RecordException(path + ": expected a text, an object or a list of them");
        }
    }
}
