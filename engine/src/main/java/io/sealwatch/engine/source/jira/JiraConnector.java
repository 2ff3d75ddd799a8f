package io.sealwatch.engine.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.config.EvidenceMap;
import io.sealwatch.config.SourceType;
import io.sealwatch.engine.ingest.Connector;
import io.sealwatch.engine.ingest.Mapped;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.engine.ingest.RecordException;
import io.sealwatch.engine.ingest.Times;
import io.sealwatch.model.NormalizedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.sealwatch.engine.ingest.Json.array;
import static io.sealwatch.engine.ingest.Json.object;
import static io.sealwatch.engine.ingest.Json.text;

/**
 * Jira issues as the REST search returns them with {@code expand=changelog} ({@code {"issues":[…]}}), one issue a
 * record. An issue whose account field ({@code evidence-map.jira.account-field}) names an account is approved by
 * the first change into an approved status (its changelog entry's author, at its time) or by a Jira Service
 * Management approval decided {@code approved} (its approver, at its completion), whichever came first. The
 * issue's key is the incident the approval cites. The type says what the decision is ({@code kinds}): the
 * approval of a use (any type not mapped), of a change to the account, a drill or a review of need, by its author
 * at its time. An issue not yet approved is evidence of nothing (not relevant).
 */
public final class JiraConnector extends Connector {
    private static final long serialVersionUID = 1L;

    public JiraConnector() {
        super(SourceType.JIRA.name(), "fields.created");
    }

    /** An approval found in the issue: when, by whom, and what the history calls it. */
    private record Decision(Instant time, String approver, String action) {
    }

    @Override
    public NormalizedEvent map(JsonNode r, RecordContext ctx) throws RecordException {
        String account = Mapped.account(r, ctx);
        if (account == null) {
            return null;
        }
        EvidenceMap.Source map = Mapped.of(ctx);
        if (object(r, "changelog") == null && !hasApprovals(r)) {
            throw new RecordException("changelog: missing; export the search with expand=changelog, or the approval"
                    + " cannot be seen");
        }
        Decision first = transition(r, map);
        Decision jsm = serviceDesk(r);
        if (jsm != null && (first == null || jsm.time().isBefore(first.time()))) {
            first = jsm;
        }
        if (first == null) {
            return null;
        }
        String key = text(r, "key");
        return ctx.event(Mapped.eventClass(map, text(r, "fields.issuetype.name")), first.action())
                .time(first.time())
                .eventId(key)
                .success(true)
                .account(account)
                .actor(first.approver())
                .person(first.approver())
                .target(key)
                .incident(key)
                .detail(text(r, "fields.summary"))
                .build();
    }

    /** The first change of the status into an approved one, by time. */
    private static Decision transition(JsonNode r, EvidenceMap.Source map) throws RecordException {
        Decision first = null;
        List<JsonNode> histories = array(r, "changelog.histories");
        for (int i = 0; i < histories.size(); i++) {
            JsonNode h = histories.get(i);
            String at = "changelog.histories[" + i + "]";
            for (JsonNode item : array(h, "items")) {
                String to = text(item, "toString");
                if ("status".equalsIgnoreCase(text(item, "field")) && map.isApproved(to)) {
                    Instant t = Times.parse(require(h, "created", at), at + ".created");
                    if (first == null || t.isBefore(first.time())) {
                        first = new Decision(t, person(h, "author"), "status " + text(item, "fromString") + " → " + to);
                    }
                }
            }
        }
        return first;
    }

    /**
     * The first Jira Service Management approval decided {@code approved}: a field whose value is a list of
     * approvals ({@code finalDecision}, {@code approvers}, {@code completedDate}), as the search returns them.
     */
    private static Decision serviceDesk(JsonNode r) throws RecordException {
        Decision first = null;
        for (Map.Entry<String, JsonNode> f : approvalFields(r)) {
            for (JsonNode a : f.getValue()) {
                String at = "fields." + f.getKey();
                if (!"approved".equalsIgnoreCase(text(a, "finalDecision"))) {
                    continue;
                }
                Instant t = Times.parse(require(a, "completedDate.iso8601", at), at + ".completedDate.iso8601");
                String approver = null;
                for (JsonNode who : array(a, "approvers")) {
                    if (approver == null && "approved".equalsIgnoreCase(text(who, "approverDecision"))) {
                        approver = person(who, "approver");
                    }
                }
                if (first == null || t.isBefore(first.time())) {
                    first = new Decision(t, approver, "approval " + text(a, "name"));
                }
            }
        }
        return first;
    }

    private static boolean hasApprovals(JsonNode r) throws RecordException {
        return !approvalFields(r).isEmpty();
    }

    private static List<Map.Entry<String, JsonNode>> approvalFields(JsonNode r) throws RecordException {
        JsonNode fields = object(r, "fields");
        if (fields == null) {
            return List.of();
        }
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (v.isArray() && !v.isEmpty() && v.get(0).isObject() && v.get(0).has("finalDecision")) {
                out.add(f);
            }
        }
        return out;
    }

    /** A Jira user as the approver: e-mail (Data Center, or Cloud when visible), else user name, else account id. */
    private static String person(JsonNode parent, String field) throws RecordException {
        for (String name : List.of("emailAddress", "name", "accountId")) {
            String v = text(parent, field + "." + name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String require(JsonNode n, String path, String at) throws RecordException {
        String v = text(n, path);
        if (v == null) {
            throw new RecordException(at + "." + path + ": missing");
        }
        return v;
    }
}
