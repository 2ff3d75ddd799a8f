package io.sealwatch.engine.ingest;

import io.sealwatch.model.EventClass;
import io.sealwatch.model.MfaFactor;
import io.sealwatch.model.NormalizedEvent;

import java.time.Instant;
import java.util.Locale;

/** Fills a {@link NormalizedEvent} field by field; the detail is redacted and capped on the way in. */
public final class EventBuilder {
    private static final int MAX_DETAIL = 500;

    private final RecordContext ctx;
    private Instant time;
    private EventClass eventClass;
    private final String action;
    private String eventId;
    private String outcome = "unknown";
    private String actor;
    private String person;
    private String target;
    private String account;
    private String mfa;
    private Boolean federated;
    private String sourceIp;
    private String incident;
    private String credential;
    private String recipient;
    private String accessChange;
    private String accessKind;
    private String accessObject;
    private String detail;

    EventBuilder(RecordContext ctx, EventClass eventClass, String action) {
        this.ctx = ctx;
        this.eventClass = eventClass;
        this.action = action;
    }

    /** When it happened, where that is not the record's timestamp (a ticket's transition, not its creation). */
    public EventBuilder time(Instant v) {
        this.time = v;
        return this;
    }

    public EventBuilder eventClass(EventClass c) {
        this.eventClass = c;
        return this;
    }

    public EventBuilder eventId(String v) {
        this.eventId = v;
        return this;
    }

    /** {@code true} success, {@code false} failure, {@code null} unknown. */
    public EventBuilder success(Boolean ok) {
        this.outcome = ok == null ? "unknown" : ok ? "success" : "failure";
        return this;
    }

    public EventBuilder actor(String v) {
        this.actor = v;
        return this;
    }

    /** The human behind the event, lower-cased. */
    public EventBuilder person(String v) {
        this.person = v == null || v.isBlank() ? null : v.trim().toLowerCase(Locale.ROOT);
        return this;
    }

    public EventBuilder target(String v) {
        this.target = v;
        return this;
    }

    public EventBuilder account(String v) {
        this.account = v;
        return this;
    }

    public EventBuilder mfa(MfaFactor v) {
        this.mfa = v == null ? null : v.wire();
        return this;
    }

    public EventBuilder federated(Boolean v) {
        this.federated = v;
        return this;
    }

    public EventBuilder sourceIp(String v) {
        this.sourceIp = v;
        return this;
    }

    public EventBuilder incident(String v) {
        this.incident = v;
        return this;
    }

    public EventBuilder credential(String v) {
        this.credential = v;
        return this;
    }

    public EventBuilder recipient(String v) {
        this.recipient = v;
        return this;
    }

    /** Persistent access created or removed: {@code kind} and the object's identity, so the two pair up. */
    public EventBuilder access(String change, String kind, String object) {
        this.accessChange = change;
        this.accessKind = kind;
        this.accessObject = object;
        return this;
    }

    public EventBuilder detail(String v) {
        this.detail = v == null || v.isBlank() ? null : Redactor.excerpt(v, MAX_DETAIL);
        return this;
    }

    public String account() {
        return account;
    }

    public NormalizedEvent build() {
        return new NormalizedEvent(time == null ? ctx.time() : time, ctx.sourceType(), ctx.file(), ctx.record(), eventId, eventClass,
                action, outcome, actor, person, target, account, mfa, federated, sourceIp, incident, credential,
                recipient, accessChange, accessKind, accessObject, detail);
    }
}
