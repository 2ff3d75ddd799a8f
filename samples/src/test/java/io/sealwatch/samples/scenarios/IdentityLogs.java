package io.sealwatch.samples.scenarios;

import static io.sealwatch.samples.internal.JsonValues.map;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Okta System Log events, Entra sign-in records (diagnostic settings) and Vault file-audit lines. */
final class IdentityLogs {
    static final String OKTA_BG = "breakglass-admin@example.com";
    static final String ENTRA_BG = "breakglass@examplecorp.onmicrosoft.com";
    private static final String TENANT = "4c1f2a4e-0d6c-4bb9-9e67-1d3c0b6f0a11";
    private static final String SECRET = "hmac-sha256:";

    private IdentityLogs() {
    }

    private static String local(String email) {
        return email.substring(0, email.indexOf('@') < 0 ? email.length() : email.indexOf('@'));
    }

    /** An Okta System Log event by {@code actor} on users {@code targets}; {@code factor} the authenticator used. */
    static Map<String, Object> okta(Instant t, String type, String actor, List<String> targets, String factor,
                                    String message) {
        Map<String, Object> debug = map("requestId", Ids.hex(27, "okreq", t, type, actor),
                "requestUri", "/idp/idx/authenticators/poll", "threatSuspected", "false",
                "url", "/idp/idx/authenticators/poll?");
        if (factor != null) {
            debug.put("factor", factor);
        }
        List<Object> target = new ArrayList<>();
        for (String a : targets) {
            target.add(oktaUser(a));
        }
        return map("actor", oktaUser(actor),
                "client", map("userAgent", map("rawUserAgent",
                                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Chrome/126.0", "os", "Mac OS X",
                                "browser", "CHROME"), "zone", "null", "device", "Computer", "id", null,
                        "ipAddress", "203.0.113.45", "geographicalContext", map("city", "Berlin", "state", "Land Berlin",
                                "country", "Germany", "postalCode", "10115", "geolocation", map("lat", 52.53, "lon", 13.38))),
                "device", null,
                "authenticationContext", map("authenticationProvider", null, "credentialProvider", null,
                        "credentialType", null, "issuer", null, "interface", null, "authenticationStep", 0,
                        "externalSessionId", "idx" + Ids.hex(22, "sess", actor)),
                "displayMessage", message == null ? type : message, "eventType", type,
                "outcome", map("result", "SUCCESS", "reason", null), "published", Ids.isoMillis(t),
                "securityContext", map("asNumber", 3320, "asOrg", "deutsche telekom ag", "isp", "deutsche telekom ag",
                        "domain", "t-ipconnect.de", "isProxy", false),
                "severity", "INFO", "debugContext", map("debugData", debug), "legacyEventType", null,
                "transaction", map("type", "WEB", "id", Ids.hex(27, "tx", t, actor), "detail", map()),
                "uuid", Ids.uuid("okta", t, type, actor), "version", "0",
                "request", map("ipChain", List.of(map("ip", "203.0.113.45", "geographicalContext", null,
                        "version", "V4", "source", null))),
                "target", target);
    }

    private static Map<String, Object> oktaUser(String login) {
        return map("id", "00u" + Ids.hex(17, "okuser", login), "type", "User", "alternateId", login,
                "displayName", local(login), "detailEntry", null);
    }

    /** An interactive Entra sign-in of {@code upn} to {@code app}: password, then the second factor {@code method}. */
    static Map<String, Object> entraSignIn(Instant t, String upn, String method, String issuer, String app) {
        List<Object> steps = List.of(
                map("authenticationStepDateTime", Ids.iso(t), "authenticationMethod", "Password",
                        "authenticationMethodDetail", "Password in the cloud", "succeeded", true,
                        "authenticationStepResultDetail", "Correct password",
                        "authenticationStepRequirement", "Primary authentication"),
                map("authenticationStepDateTime", Ids.iso(t), "authenticationMethod", method,
                        "authenticationMethodDetail", "", "succeeded", true,
                        "authenticationStepResultDetail", "MFA successfully completed",
                        "authenticationStepRequirement", "Multi-factor authentication"));
        String correlation = Ids.uuid("corr", t, upn);
        Map<String, Object> properties = map("id", Ids.uuid("entra", t, upn, app), "createdDateTime", Ids.iso(t),
                "userDisplayName", local(upn), "userPrincipalName", upn, "userId", Ids.uuid("entrauser", upn),
                "appId", Ids.uuid("app", app), "appDisplayName", app, "ipAddress", "203.0.113.60",
                "clientAppUsed", "Browser", "correlationId", correlation, "conditionalAccessStatus", "success",
                "isInteractive", true, "tokenIssuerName", "AzureAD".equals(issuer) ? "" : "sts.examplecorp.com",
                "tokenIssuerType", issuer, "authenticationRequirement", "multiFactorAuthentication",
                "authenticationDetails", steps, "status", map("errorCode", 0),
                "resourceDisplayName", "Windows Azure Service Management API", "userType", "Member",
                "location", map("city", "Berlin", "state", "Berlin", "countryOrRegion", "DE"));
        return map("time", Ids.isoMillis(t), "resourceId", "/tenants/" + TENANT + "/providers/Microsoft.aadiam",
                "operationName", "Sign-in activity", "operationVersion", "1.0", "category", "SignInLogs",
                "tenantId", TENANT, "resultType", "0", "resultSignature", "None", "resultDescription", "",
                "durationMs", 0, "callerIpAddress", "203.0.113.60", "correlationId", correlation,
                "identity", local(upn), "Level", 4, "location", "DE", "properties", properties);
    }

    static Map<String, Object> entraSignIn(Instant t, String upn, String issuer, String app) {
        return entraSignIn(t, upn, "FIDO2 security key", issuer, app);
    }

    /**
     * The request and response lines of a Vault KV read of {@code path} by {@code who}, whose token's display name is
     * {@code display} (null: {@code oidc-<who>}); with {@code named} the token's metadata also carries the user name.
     */
    static List<Map<String, Object>> vault(Instant t, String who, String path, String display, boolean named) {
        String token = SECRET + Ids.hex(64, "tok", who);
        String accessor = SECRET + Ids.hex(64, "acc", who);
        Map<String, Object> auth = map("client_token", token, "accessor", accessor,
                "display_name", display == null ? "oidc-" + who : display,
                "policies", List.of("default", "breakglass-custodian"),
                "token_policies", List.of("default", "breakglass-custodian"),
                "metadata", named ? map("role", "custodian", "username", who) : map("role", "custodian"),
                "entity_id", Ids.uuid("entity", who), "token_type", "service", "token_ttl", 3600,
                "token_issue_time", Ids.iso(t.minus(Duration.ofMinutes(3))).replace("Z", "+00:00"));
        Map<String, Object> request = map("id", Ids.uuid("vault", t, who, path, "read"),
                "client_id", Ids.uuid("client", who), "operation", "read", "mount_point", "secret/",
                "mount_type", "kv", "mount_running_version", "v0.21.0+builtin", "client_token", token,
                "client_token_accessor", accessor, "namespace", map("id", "root"), "path", path,
                "remote_address", "10.20.4.17", "remote_port", 51334);
        String second = Ids.iso(t);
        return List.of(
                map("time", second.replace("Z", ".000000Z"), "type", "request", "auth", auth, "request", request),
                map("time", second.replace("Z", ".004211Z"), "type", "response", "auth", auth, "request", request,
                        "response", map("mount_point", "secret/", "mount_type", "kv",
                                "mount_running_plugin_version", "v0.21.0+builtin",
                                "data", map("data", map("share", SECRET + Ids.hex(64, "share", path)),
                                        "metadata", map("created_time", SECRET + Ids.hex(64, "ct", path),
                                                "version", SECRET + Ids.hex(64, "v", path))))));
    }

    static List<Map<String, Object>> vault(Instant t, String who, String path) {
        return vault(t, who, path, null, true);
    }
}
