package io.sealwatch.samples.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sealwatch.samples.internal.Iso;

import java.io.IOException;
import java.util.Locale;

/** Okta System Log events (the {@code /api/v1/logs} LogEvent shape), one per line. */
final class Okta {
    /** An Okta authenticator as the System Log names it: factor code, enrollment display name, method. */
    record Factor(String code, String displayName, String methodType) {
    }

    static final Factor WEBAUTHN = new Factor("FIDO_WEBAUTHN", "Security Key or Biometric", "FIDO2 WebAuthn");
    static final Factor TOTP = new Factor("GOOGLE_OTP", "Google Authenticator", "TOTP");
    static final Factor SMS = new Factor("SMS_FACTOR", "Phone", "SMS");
    static final Factor PUSH = new Factor("OKTA_VERIFY_PUSH", "Okta Verify", "Push");

    private static final String GROUP = "Engineering";
    private static final String[] APPS = {"Slack", "GitHub Enterprise", "AWS IAM Identity Center", "Google Workspace",
            "Atlassian Cloud", "Salesforce", "Zoom", "Datadog", "PagerDuty", "Workday"};
    private static final String[] AGENTS = {
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    };
    private static final String[][] CITIES = {{"Berlin", "Berlin", "Germany"}, {"London", "England", "United Kingdom"},
            {"New York", "New York", "United States"}, {"Austin", "Texas", "United States"},
            {"Lisbon", "Lisbon", "Portugal"}, {"Warsaw", "Mazovia", "Poland"}};

    private Okta() {
    }

    static void noise(JsonGenerator g, Rand r, long t) throws IOException {
        String person = Org.PEOPLE[r.nextInt(Org.PEOPLE.length)];
        String user = Org.email(person);
        int k = r.nextInt(100);
        if (k < 30) {
            event(g, r, t, "user.authentication.sso", "User single sign on to app", user, person, "SUCCESS", null,
                    r.pick(APPS), null, r.publicIp());
        } else if (k < 48) {
            boolean ok = !r.chance(0.05);
            event(g, r, t, "user.session.start", "User login to Okta", user, person, ok ? "SUCCESS" : "FAILURE",
                    ok ? null : "INVALID_CREDENTIALS", null, ok ? (r.chance(0.7) ? PUSH : WEBAUTHN) : null, r.publicIp());
        } else if (k < 62) {
            event(g, r, t, "user.authentication.auth_via_mfa", "Authentication of user via MFA", user, person,
                    "SUCCESS", null, null, r.chance(0.7) ? PUSH : r.chance(0.8) ? WEBAUTHN : TOTP, r.publicIp());
        } else if (k < 78) {
            event(g, r, t, "policy.evaluate_sign_on", "Evaluation of sign-on policy", user, person, "ALLOW", null,
                    r.pick(APPS), null, r.publicIp());
        } else if (k < 88) {
            event(g, r, t, "app.oauth2.as.token.grant.access_token", "OAuth2 access token is granted", user, person,
                    "SUCCESS", null, r.pick(APPS), null, r.publicIp());
        } else if (k < 96) {
            event(g, r, t, "user.session.end", "User logout from Okta", user, person, "SUCCESS", null, null, null,
                    r.publicIp());
        } else {
            event(g, r, t, "group.user_membership.add", "Add user to group membership", "okta-workflows@" + Org.DOMAIN,
                    "okta.workflows", "SUCCESS", null, GROUP, null, r.publicIp());
        }
    }

    /**
     * One System Log event. {@code target} is an app or group display name, {@code factor} the authenticator
     * used (written both as the enrollment target and in {@code debugContext.debugData.factor}).
     */
    static void event(JsonGenerator g, Rand r, long t, String type, String message, String login, String name,
                      String result, String reason, String target, Factor factor, String ip) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("actor");
        g.writeStringField("id", "00u" + CloudTrail.id(login, 17).toLowerCase(Locale.ROOT));
        g.writeStringField("type", "User");
        g.writeStringField("alternateId", login);
        g.writeStringField("displayName", displayName(name));
        g.writeNullField("detailEntry");
        g.writeEndObject();
        String[] city = CITIES[Math.floorMod(login.hashCode(), CITIES.length)];
        g.writeObjectFieldStart("client");
        g.writeObjectFieldStart("userAgent");
        g.writeStringField("rawUserAgent", AGENTS[Math.floorMod(login.hashCode() >> 3, AGENTS.length)]);
        g.writeStringField("os", "Mac OS X");
        g.writeStringField("browser", "CHROME");
        g.writeEndObject();
        g.writeStringField("zone", "null");
        g.writeStringField("device", "Computer");
        g.writeNullField("id");
        g.writeStringField("ipAddress", ip);
        g.writeObjectFieldStart("geographicalContext");
        g.writeStringField("city", city[0]);
        g.writeStringField("state", city[1]);
        g.writeStringField("country", city[2]);
        g.writeNullField("postalCode");
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("authenticationContext");
        g.writeNullField("authenticationProvider");
        g.writeNullField("credentialProvider");
        if (factor != null) {
            g.writeStringField("credentialType", factor.methodType.equals("FIDO2 WebAuthn") ? "WEBAUTHN"
                    : factor.methodType.equals("SMS") ? "SMS" : factor.methodType.equals("TOTP") ? "OTP" : "PUSH");
        } else {
            g.writeNullField("credentialType");
        }
        g.writeNullField("issuer");
        g.writeNullField("interface");
        g.writeNumberField("authenticationStep", 0);
        g.writeStringField("externalSessionId", "idx" + r.alnum(22));
        g.writeEndObject();
        g.writeStringField("displayMessage", message);
        g.writeStringField("eventType", type);
        g.writeObjectFieldStart("outcome");
        g.writeStringField("result", result);
        if (reason == null) {
            g.writeNullField("reason");
        } else {
            g.writeStringField("reason", reason);
        }
        g.writeEndObject();
        g.writeStringField("published", Iso.millis(t));
        g.writeObjectFieldStart("securityContext");
        g.writeNumberField("asNumber", 3320);
        g.writeStringField("asOrg", "deutsche telekom ag");
        g.writeStringField("isp", "deutsche telekom ag");
        g.writeStringField("domain", "t-ipconnect.de");
        g.writeBooleanField("isProxy", false);
        g.writeEndObject();
        g.writeStringField("severity", "FAILURE".equals(result) ? "WARN" : "INFO");
        g.writeObjectFieldStart("debugContext");
        g.writeObjectFieldStart("debugData");
        String request = r.alnum(27);
        g.writeStringField("requestId", request);
        g.writeStringField("requestUri", factor != null ? "/idp/idx/challenge/answer" : "/idp/idx/identify");
        if (factor != null) {
            g.writeStringField("factor", factor.code);
            g.writeStringField("factorIntent", "AUTHENTICATION");
        }
        if (reason != null) {
            g.writeStringField("loginResult", reason);
        }
        g.writeStringField("threatSuspected", "false");
        g.writeEndObject();
        g.writeEndObject();
        g.writeStringField("legacyEventType", legacy(type, result));
        g.writeObjectFieldStart("transaction");
        g.writeStringField("type", "WEB");
        g.writeStringField("id", request);
        g.writeObjectFieldStart("detail");
        g.writeEndObject();
        g.writeEndObject();
        g.writeStringField("uuid", r.uuid());
        g.writeStringField("version", "0");
        g.writeObjectFieldStart("request");
        g.writeArrayFieldStart("ipChain");
        g.writeStartObject();
        g.writeStringField("ip", ip);
        g.writeStringField("version", "V4");
        g.writeNullField("source");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("target");
        if (factor != null) {
            g.writeStartObject();
            g.writeStringField("id", "pfd" + r.alnum(17));
            g.writeStringField("type", "AuthenticatorEnrollment");
            g.writeStringField("alternateId", "unknown");
            g.writeStringField("displayName", factor.displayName);
            g.writeObjectFieldStart("detailEntry");
            g.writeStringField("methodTypeUsed", factor.methodType);
            g.writeEndObject();
            g.writeEndObject();
        }
        if (target != null) {
            g.writeStartObject();
            g.writeStringField("id", "0oa" + CloudTrail.id(target, 17).toLowerCase(Locale.ROOT));
            g.writeStringField("type", target.contains("@") ? "User" : target.equals(GROUP) ? "UserGroup" : "AppInstance");
            g.writeStringField("alternateId", target);
            g.writeStringField("displayName", target.contains("@") ? displayName(target.substring(0, target.indexOf('@')))
                    : target);
            g.writeNullField("detailEntry");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static String displayName(String person) {
        StringBuilder sb = new StringBuilder();
        for (String part : person.split("[._-]")) {
            if (!part.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }

    private static String legacy(String type, String result) {
        return switch (type) {
            case "user.session.start" -> "FAILURE".equals(result) ? "core.user_auth.login_failed"
                    : "core.user_auth.login_success";
            case "user.authentication.auth_via_mfa" -> "core.user.factor.attempt_success";
            case "user.authentication.sso" -> "app.auth.sso";
            case "user.account.reset_password" -> "core.user.account.reset_password";
            default -> type;
        };
    }
}
