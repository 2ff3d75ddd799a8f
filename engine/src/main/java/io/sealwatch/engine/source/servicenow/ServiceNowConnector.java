package io.sealwatch.engine.source.servicenow;

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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * ServiceNow Table API exports ({@code {"result":[…]}}), one row a record, with plain values or with
 * {@code sysparm_display_value=all} ({@code {"display_value", "value"}} per field). A {@code sysapproval_approver}
 * row (it has an {@code approver}) decided in an approved state ({@code evidence-map.servicenow.approved}) about a
 * task whose account field names an account is that approver's approval, at the row's {@code sys_updated_on}, citing
 * the task's number; the task's type ({@code sysapproval.type}) says through {@code kinds} whether it approves a
 * change to the account (or records a drill or review) rather than a use. Task rows themselves ({@code change_request}, {@code incident}) name no approver and are not relevant:
 * their approvals are the {@code sysapproval_approver} rows.
 */
public final class ServiceNowConnector extends Connector {
    private static final long serialVersionUID = 1L;

    public ServiceNowConnector() {
        super(SourceType.SERVICENOW.name(), "sys_updated_on.value", "sys_updated_on");
    }
    /** The Table API's own form of a date-time value: UTC, without a zone. */
    private static final DateTimeFormatter TABLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The Table API writes date-times as {@code yyyy-MM-dd HH:mm:ss} in UTC (its values, not display values). */
    @Override
    public Instant time(String value, String field) throws RecordException {
        try {
            return LocalDateTime.parse(value, TABLE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Times.parse(value, field);
        }
    }

    @Override
    public NormalizedEvent map(JsonNode r, RecordContext ctx) throws RecordException {
        if (r.get("approver") == null) {
            return null;
        }
        EvidenceMap.Source map = Mapped.of(ctx);
        String state = value(r, "state");
        String account = map.isApproved(state) ? Mapped.account(r, ctx) : null;
        if (account == null) {
            return null;
        }
        String approver = first(value(r, "approver.email"), value(r, "approver.user_name"), display(r, "approver"));
        String task = first(value(r, "sysapproval.number"), display(r, "sysapproval"), value(r, "document_id"));
        return ctx.event(Mapped.eventClass(map, value(r, "sysapproval.type")), "sysapproval_approver " + state)
                .eventId(value(r, "sys_id"))
                .success(true)
                .account(account)
                .actor(approver)
                .person(approver)
                .target(task)
                .incident(task)
                .detail(first(value(r, "sysapproval.short_description"), value(r, "comments")))
                .build();
    }

    /** A field's value: the text, or {@code value} of a reference or of a display-value pair. */
    private static String value(JsonNode r, String name) throws RecordException {
        return text(r, name, "value", "display_value");
    }

    /** A field as people read it: {@code display_value} of a reference or pair, else its value. */
    private static String display(JsonNode r, String name) throws RecordException {
        return text(r, name, "display_value", "value");
    }

    /** Every field of a Table API row is a member of the row; a dot-walked one is a flat key ({@code sysapproval.type}). */
    private static String text(JsonNode r, String name, String preferred, String other) throws RecordException {
        JsonNode n = r.get(name);
        if (n != null && n.isObject()) {
            n = n.hasNonNull(preferred) ? n.get(preferred) : n.get(other);
        }
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode()) {
            throw new RecordException(name + ": expected a value or a reference, found " + n.getNodeType());
        }
        return n.asText().isEmpty() ? null : n.asText();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
