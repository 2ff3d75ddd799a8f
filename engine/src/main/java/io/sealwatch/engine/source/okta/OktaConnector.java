package io.sealwatch.engine.source.okta;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.engine.ingest.Connector;
import io.sealwatch.engine.ingest.EventBuilder;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.engine.ingest.RecordException;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.MfaFactor;
import io.sealwatch.model.NormalizedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.sealwatch.engine.ingest.Json.requiredText;
import static io.sealwatch.engine.ingest.Json.array;
import static io.sealwatch.engine.ingest.Json.object;
import static io.sealwatch.engine.ingest.Json.text;

/**
 * Okta System Log events. The actor is {@code actor.alternateId}; events done to the account (an
 * admin resetting its password or factors) match on a target's {@code alternateId}.
 */
public final class OktaConnector extends Connector {
    public OktaConnector() {
        super("okta-system-log", "published");
    }

    @Override
    public NormalizedEvent map(JsonNode r, RecordContext ctx) throws RecordException {
        String type = requiredText(r, "eventType");
        object(r, "actor");
        object(r, "authenticationContext");
        String actor = text(r, "actor.alternateId");
        List<String> targets = new ArrayList<>();
        String firstTargetId = null;
        String container = null;
        for (JsonNode t : array(r, "target")) {
            if (!t.isObject()) {
                throw new RecordException("target: expected objects");
            }
            String id = text(t, "alternateId");
            if (id != null && "User".equalsIgnoreCase(text(t, "type"))) {
                targets.add(id);
            }
            if (firstTargetId == null) {
                firstTargetId = text(t, "id");
            }
            if ("UserGroup".equalsIgnoreCase(text(t, "type")) || "AppInstance".equalsIgnoreCase(text(t, "type"))) {
                container = text(t, "displayName") != null ? text(t, "displayName") : text(t, "alternateId");
            }
        }
        String result = text(r, "outcome.result");
        EventBuilder e = ctx.event(EventClass.API_ACTIVITY, type)
                .eventId(text(r, "uuid"))
                .success(outcome(result))
                .actor(actor)
                .person("User".equalsIgnoreCase(text(r, "actor.type")) ? actor : null)
                .sourceIp(text(r, "client.ipAddress"))
                .target(targets.isEmpty() ? null : String.join(",", targets))
                .detail(text(r, "outcome.reason") != null ? text(r, "outcome.reason") : text(r, "displayMessage"));
        String account = ctx.accountOf(actor);
        for (int i = 0; account == null && i < targets.size(); i++) {
            account = ctx.accountOf(targets.get(i));
        }
        e.account(account);

        if (type.equals("user.session.start") || type.startsWith("user.authentication.")) {
            e.eventClass(EventClass.AUTHENTICATION)
                    .mfa(factor(r))
                    .federated("FEDERATION".equalsIgnoreCase(text(r, "authenticationContext.authenticationProvider")));
        } else if (type.equals("user.account.reset_password") || type.equals("user.account.update_password")) {
            e.eventClass(EventClass.ROTATION).credential("password");
        } else if (type.startsWith("user.mfa.factor.") || type.startsWith("system.mfa.factor.")) {
            // a factor taken away is a change, not a rotation; it still names the mfa, as removing the old
            // factor is part of rotating it after a use
            boolean removal = type.endsWith(".deactivate") || type.endsWith(".suspend");
            e.eventClass(removal ? EventClass.ACCOUNT_CHANGE : EventClass.ROTATION).credential("mfa");
        } else if (type.equals("system.api_token.create") || type.equals("system.api_token.revoke")) {
            e.eventClass(EventClass.ACCOUNT_CHANGE)
                    .access(type.endsWith("create") ? "created" : "removed", "api-token", firstTargetId);
        } else if (type.equals("user.account.privilege.grant") || type.equals("user.account.privilege.revoke")) {
            String privilege = debugText(r, type.endsWith("grant") ? "privilegeGranted" : "privilegeRevoked");
            e.eventClass(EventClass.ACCOUNT_CHANGE).access(type.endsWith("grant") ? "created" : "removed", "grant",
                    (privilege == null ? "privilege" : privilege) + "@" + String.join(",", targets));
        } else if (type.startsWith("group.user_membership.") || type.startsWith("application.user_membership.")) {
            boolean add = type.endsWith(".add");
            if (add || type.endsWith(".remove")) {
                e.eventClass(EventClass.ACCOUNT_CHANGE).access(add ? "created" : "removed", "grant",
                        (container == null ? "membership" : container) + "@" + String.join(",", targets));
            }
        } else if (type.equals("user.lifecycle.create") || type.equals("user.lifecycle.delete.completed")) {
            e.eventClass(EventClass.ACCOUNT_CHANGE).access(type.endsWith("create") ? "created" : "removed", "user",
                    String.join(",", targets));
        }
        return e.build();
    }

    private static Boolean outcome(String result) {
        if (result == null) {
            return null;
        }
        return switch (result.toUpperCase(Locale.ROOT)) {
            case "SUCCESS", "ALLOW" -> true;
            case "FAILURE", "DENY" -> false;
            default -> null;
        };
    }

    /** The factor an authentication shows, or null when the event shows none (e.g. a password sign-in). */
    static MfaFactor factor(JsonNode r) throws RecordException {
        String shown = debugText(r, "factor");
        if (shown == null) {
            shown = debugText(r, "factorType");
        }
        String credential = text(r, "authenticationContext.credentialType");
        if (shown == null && credential != null && !credential.equalsIgnoreCase("PASSWORD")) {
            shown = credential;
        }
        return shown == null ? null : classify(shown);
    }

    static MfaFactor classify(String factor) {
        String f = factor.toUpperCase(Locale.ROOT);
        if (f.contains("WEBAUTHN") || f.contains("FIDO")) {
            return MfaFactor.WEBAUTHN;
        }
        if (f.contains("U2F")) {
            return MfaFactor.U2F;
        }
        if (f.contains("PUSH")) {
            return MfaFactor.PUSH;
        }
        if (f.contains("YUBIKEY") || f.contains("HOTP") || f.contains("HARDWARE") || f.contains("TOKEN:HARDWARE")) {
            return MfaFactor.HARDWARE_OTP;
        }
        if (f.contains("SMS")) {
            return MfaFactor.SMS;
        }
        if (f.contains("CALL") || f.contains("VOICE")) {
            return MfaFactor.VOICE;
        }
        if (f.contains("EMAIL")) {
            return MfaFactor.EMAIL;
        }
        if (f.contains("TOTP") || f.contains("OTP") || f.contains("GOOGLE") || f.contains("SOFTWARE")) {
            return MfaFactor.TOTP;
        }
        return MfaFactor.UNKNOWN;
    }

    /** A {@code debugContext.debugData} value; some exports carry debugData as a string, which has none. */
    private static String debugText(JsonNode r, String key) throws RecordException {
        JsonNode debug = r.path("debugContext").path("debugData");
        return debug.isObject() ? text(debug, key) : null;
    }
}
