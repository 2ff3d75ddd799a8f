package io.sealwatch.engine.source.entrasignin;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.engine.ingest.Connector;
import io.sealwatch.engine.ingest.Json;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.engine.ingest.RecordException;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.MfaFactor;
import io.sealwatch.model.NormalizedEvent;

import java.util.Locale;

import static io.sealwatch.engine.ingest.Json.array;
import static io.sealwatch.engine.ingest.Json.text;

/**
 * Microsoft Entra sign-in logs: diagnostic-settings records (fields under {@code properties}) and
 * Microsoft Graph {@code signIn} resources (flat). The password is the first factor; the second is
 * the last succeeded non-password step of {@code authenticationDetails}.
 */
public final class EntraSigninConnector extends Connector {
    public EntraSigninConnector() {
        super("entra-signin", "time", "createdDateTime", "properties.createdDateTime");
    }

    @Override
    public NormalizedEvent map(JsonNode r, RecordContext ctx) throws RecordException {
        JsonNode p = properties(r);
        String upn = text(p, "userPrincipalName");
        String errorCode = text(p, "status.errorCode");
        if (errorCode == null) {
            errorCode = text(r, "resultType");
        }
        String issuer = text(p, "tokenIssuerType");
        String operation = text(r, "operationName");
        return ctx.event(EventClass.AUTHENTICATION, operation != null ? operation : "Sign-in activity")
                .eventId(text(p, "id") != null ? text(p, "id") : text(r, "id"))
                .success(errorCode == null ? null : errorCode.equals("0"))
                .actor(upn)
                .person(upn)
                .target(text(p, "appDisplayName"))
                .account(ctx.accountOf(upn))
                .mfa(mfa(p))
                .federated(issuer == null ? null : federated(issuer))
                .sourceIp(text(p, "ipAddress") != null ? text(p, "ipAddress") : text(r, "callerIpAddress"))
                .detail(text(p, "status.failureReason"))
                .build();
    }

    /** Diagnostic exports put the sign-in under {@code properties}; Graph pages are flat. */
    public static JsonNode properties(JsonNode r) throws RecordException {
        JsonNode p = Json.object(r, "properties");
        return p != null ? p : r;
    }

    private static boolean federated(String issuer) {
        return !issuer.equalsIgnoreCase("AzureAD");
    }

    static MfaFactor mfa(JsonNode p) throws RecordException {
        MfaFactor second = null;
        for (JsonNode step : array(p, "authenticationDetails")) {
            if (!step.isObject()) {
                throw new RecordException("authenticationDetails: expected objects");
            }
            String method = text(step, "authenticationMethod");
            String succeeded = text(step, "succeeded");
            if (method == null || "false".equals(succeeded) || method.equalsIgnoreCase("Password")
                    || method.equalsIgnoreCase("Previously satisfied")) {
                continue;
            }
            second = classify(method);
        }
        if (second == null && "singleFactorAuthentication".equalsIgnoreCase(text(p, "authenticationRequirement"))) {
            return MfaFactor.NONE;
        }
        return second;
    }

    static MfaFactor classify(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        if (m.contains("fido2")) {
            return MfaFactor.FIDO2;
        }
        if (m.contains("windows hello") || m.contains("passkey") || m.contains("platform credential")) {
            return MfaFactor.WEBAUTHN;
        }
        if (m.contains("hardware oath")) {
            return MfaFactor.HARDWARE_OTP;
        }
        if (m.contains("text message") || m.contains("sms")) {
            return MfaFactor.SMS;
        }
        if (m.contains("phone call") || m.contains("voice")) {
            return MfaFactor.VOICE;
        }
        if (m.contains("notification") || m.contains("push")) {
            return MfaFactor.PUSH;
        }
        if (m.contains("oath") || m.contains("verification code") || m.contains("otp")) {
            return MfaFactor.TOTP;
        }
        if (m.contains("email")) {
            return MfaFactor.EMAIL;
        }
        return MfaFactor.UNKNOWN;
    }
}
