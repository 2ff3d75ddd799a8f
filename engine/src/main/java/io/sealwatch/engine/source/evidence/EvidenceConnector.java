package io.sealwatch.engine.source.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.config.SourceType;
import io.sealwatch.engine.ingest.Connector;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.engine.ingest.RecordException;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;

import java.util.Locale;
import java.util.Map;

import static io.sealwatch.engine.ingest.Json.requiredText;
import static io.sealwatch.engine.ingest.Json.text;

/**
 * Sealwatch process evidence (docs/formats.md, {@code evidence}), from CSV rows (the reader turns each row into an object
 * keyed by the header) or JSON lines. {@code time}, {@code kind} and {@code account} are required and
 * the account must be configured. Optional {@code id} is the event id (re-delivered rows with the
 * same id and content are duplicates). A {@code change} record is an approved change to the account
 * outside a use: {@code actor} approved it, {@code incident} is the change ticket.
 */
public final class EvidenceConnector extends Connector {
    private static final Map<String, EventClass> KINDS = Map.of(
            "approval", EventClass.APPROVAL, "custody", EventClass.CUSTODY,
            "notification", EventClass.NOTIFICATION, "rotation", EventClass.ROTATION,
            "drill", EventClass.DRILL, "review", EventClass.REVIEW, "change", EventClass.APPROVED_CHANGE);

    public EvidenceConnector() {
        super(SourceType.EVIDENCE.name(), "time");
    }

    @Override
    public NormalizedEvent map(JsonNode r, RecordContext ctx) throws RecordException {
        String kind = requiredText(r, "kind");
        EventClass cls = KINDS.get(kind.trim().toLowerCase(Locale.ROOT));
        if (cls == null) {
            throw new RecordException("unknown kind '" + kind + "' (expected one of approval, custody, notification,"
                    + " rotation, drill, review, change)");
        }
        String account = requiredText(r, "account");
        if (!ctx.accounts().isAccount(account.trim())) {
            throw new RecordException("unknown account id '" + account + "'");
        }
        String actor = text(r, "actor");
        return ctx.event(cls, cls.wire())
                .eventId(text(r, "id"))
                .success(true)
                .account(account.trim())
                .actor(actor)
                .person(actor)
                .incident(text(r, "incident"))
                .recipient(text(r, "recipient"))
                .credential(text(r, "credential"))
                .detail(text(r, "detail"))
                .build();
    }
}
