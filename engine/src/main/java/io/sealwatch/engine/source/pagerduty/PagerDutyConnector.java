package io.sealwatch.engine.source.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.config.EvidenceMap;
import io.sealwatch.config.SourceType;
import io.sealwatch.engine.ingest.Connector;
import io.sealwatch.engine.ingest.Mapped;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.engine.ingest.RecordException;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;


import static io.sealwatch.engine.ingest.Json.text;

/**
 * PagerDuty incident log entries as the REST API lists them ({@code {"log_entries":[…]}}, with
 * {@code include[]=incidents}), one entry a record. A {@code notify_log_entry} — a person notified, through a
 * channel, at its {@code created_at} — about an incident on a service that names an account
 * ({@code evidence-map.pagerduty.account-field}) is a notification of the recipient group its incident's escalation
 * policy stands for ({@code recipients}); an unmapped policy is kept under its own name, which no required group
 * matches. Every other entry type (trigger, acknowledge, escalate, …) and incident records (no one is notified by
 * an incident's existence) are not relevant.
 */
public final class PagerDutyConnector extends Connector {
    private static final long serialVersionUID = 1L;
    private static final String NOTIFY = "notify_log_entry";
    private static final String POLICY = "incident.escalation_policy.summary";

    public PagerDutyConnector() {
        super(SourceType.PAGERDUTY.name(), "created_at");
    }

    @Override
    public NormalizedEvent map(JsonNode r, RecordContext ctx) throws RecordException {
        if (!NOTIFY.equals(text(r, "type"))) {
            return null;
        }
        String account = Mapped.account(r, ctx);
        if (account == null) {
            return null;
        }
        String policy = text(r, POLICY);
        if (policy == null) {
            throw new RecordException(POLICY + ": missing; list the log entries with include[]=incidents, or the"
                    + " escalation policy that was paged cannot be seen");
        }
        EvidenceMap.Source map = Mapped.of(ctx);
        String recipient = map.recipient(policy);
        String user = text(r, "user.summary");   // a user reference names the person, it carries no e-mail
        return ctx.event(EventClass.NOTIFICATION, NOTIFY)
                .eventId(text(r, "id"))
                .success(true)
                .account(account)
                .actor(user)
                .person(user)
                .target(text(r, "channel.type"))
                .recipient(recipient != null ? recipient : policy)
                .incident(text(r, "incident.id"))
                .detail(text(r, "summary"))
                .build();
    }
}
