package io.sealwatch.samples.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sealwatch.samples.internal.Iso;
import io.sealwatch.samples.internal.JsonValues;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Microsoft Entra ID sign-in and audit logs as diagnostic settings export them, one record per line. */
final class Entra {
    private static final String[][] APPS = {{"Microsoft Teams", "1fec8e78-bce4-4aaf-ab1b-5451cc387264"},
            {"Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000"},
            {"Microsoft Azure Portal", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c"},
            {"Azure Portal", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c"},
            {"Microsoft Azure CLI", "04b07795-8ddb-461a-bbee-02f9e1bf7b46"},
            {"OfficeHome", "4765445b-32c6-49b0-83e6-1d93765276ca"}};
    private static final String[] AUDIT_OPS = {"Update user", "Add member to group", "Remove member from group",
            "Update application", "Update service principal", "Add app role assignment to service principal",
            "Update device", "Consent to application", "Update group"};
    private static final String[] METHODS = {"Mobile app notification", "Mobile app notification",
            "FIDO2 security key", "Windows Hello for Business", "Previously satisfied"};

    private Entra() {
    }

    static String upn(String person) {
        return person + "@" + Org.DOMAIN;
    }

    static void signInNoise(JsonGenerator g, Rand r, long t) throws IOException {
        String person = Org.PEOPLE[r.nextInt(Org.PEOPLE.length)];
        String[] app = APPS[r.nextInt(APPS.length)];
        boolean ok = !r.chance(0.04);
        boolean interactive = r.chance(0.35);
        String method = METHODS[r.nextInt(METHODS.length)];
        signIn(g, r, t, upn(person), Okta.displayName(person), app, r.publicIp(), ok, interactive,
                ok ? List.of("Password", method) : List.of("Password"), false);
    }

    /**
     * One {@code SignInLogs} record. {@code methods} are the {@code authenticationDetails} steps in order;
     * {@code federated} marks a sign-in completed by a federated identity provider.
     */
    static void signIn(JsonGenerator g, Rand r, long t, String upn, String displayName, String[] app, String ip,
                       boolean success, boolean interactive, List<String> methods, boolean federated)
            throws IOException {
        String correlation = r.uuid();
        g.writeStartObject();
        g.writeStringField("time", Iso.format(t, 7, r.nextInt(10_000)));
        g.writeStringField("resourceId", "/tenants/" + Org.TENANT_ID + "/providers/Microsoft.aadiam");
        g.writeStringField("operationName", "Sign-in activity");
        g.writeStringField("operationVersion", "1.0");
        g.writeStringField("category", interactive ? "SignInLogs" : "NonInteractiveUserSignInLogs");
        g.writeStringField("tenantId", Org.TENANT_ID);
        g.writeStringField("resultType", success ? "0" : "50126");
        g.writeStringField("resultSignature", "None");
        if (!success) {
            g.writeStringField("resultDescription", "Error validating credentials due to invalid username or password.");
        }
        g.writeNumberField("durationMs", 0);
        g.writeStringField("callerIpAddress", ip);
        g.writeStringField("correlationId", correlation);
        g.writeStringField("identity", displayName);
        g.writeNumberField("Level", 4);
        g.writeStringField("location", "DE");
        g.writeObjectFieldStart("properties");
        g.writeStringField("id", r.uuid());
        g.writeStringField("createdDateTime", Iso.format(t, 7, r.nextInt(10_000)));
        g.writeStringField("userDisplayName", displayName);
        g.writeStringField("userPrincipalName", upn);
        g.writeStringField("userId", CloudTrail.id(upn, 8).toLowerCase(Locale.ROOT) + "-" + r.uuid().substring(9));
        g.writeStringField("appId", app[1]);
        g.writeStringField("appDisplayName", app[0]);
        g.writeStringField("ipAddress", ip);
        g.writeStringField("clientAppUsed", "Browser");
        g.writeStringField("correlationId", correlation);
        g.writeStringField("conditionalAccessStatus", success ? "success" : "notApplied");
        g.writeBooleanField("isInteractive", interactive);
        g.writeStringField("tokenIssuerType", federated ? "ADFederationServices" : "AzureAD");
        g.writeStringField("tokenIssuerName", federated ? "http://sts.examplecorp.com/adfs/services/trust" : "");
        g.writeStringField("authenticationRequirement", methods.size() > 1 ? "multiFactorAuthentication"
                : "singleFactorAuthentication");
        g.writeStringField("incomingTokenType", federated ? "saml11" : "none");
        g.writeStringField("authenticationProtocol", federated ? "saml20" : "none");
        g.writeStringField("userType", "Member");
        g.writeStringField("crossTenantAccessType", "none");
        g.writeStringField("homeTenantId", Org.TENANT_ID);
        g.writeStringField("resourceDisplayName", "Windows Azure Service Management API");
        g.writeStringField("resourceId", "797f4846-ba00-4fd7-ba43-dac1f8f63013");
        g.writeArrayFieldStart("authenticationDetails");
        long step = t - 20_000L;
        for (int i = 0; i < methods.size(); i++) {
            String m = methods.get(i);
            boolean last = i == methods.size() - 1;
            g.writeStartObject();
            g.writeStringField("authenticationStepDateTime", Iso.seconds(step + i * 8_000L));
            g.writeStringField("authenticationMethod", m);
            g.writeStringField("authenticationMethodDetail", detail(m));
            g.writeBooleanField("succeeded", success || !last);
            g.writeStringField("authenticationStepResultDetail", !success && last ? "Invalid username or password"
                    : i == 0 ? "Correct password" : "MFA successfully completed");
            g.writeStringField("authenticationStepRequirement", i == 0 ? "Primary authentication" : "Multi-factor authentication");
            g.writeEndObject();
        }
        g.writeEndArray();
        if (methods.size() > 1) {
            g.writeObjectFieldStart("mfaDetail");
            g.writeStringField("authMethod", methods.get(methods.size() - 1));
            g.writeEndObject();
        }
        g.writeObjectFieldStart("status");
        g.writeNumberField("errorCode", success ? 0 : 50126);
        if (!success) {
            g.writeStringField("failureReason", "Error validating credentials due to invalid username or password.");
        }
        g.writeEndObject();
        g.writeObjectFieldStart("deviceDetail");
        g.writeStringField("deviceId", "");
        g.writeStringField("operatingSystem", "MacOs");
        g.writeStringField("browser", "Chrome 126.0.0");
        g.writeEndObject();
        g.writeObjectFieldStart("location");
        g.writeStringField("city", "Berlin");
        g.writeStringField("state", "Berlin");
        g.writeStringField("countryOrRegion", "DE");
        g.writeEndObject();
        g.writeStringField("riskState", "none");
        g.writeStringField("riskLevelDuringSignIn", "none");
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String detail(String method) {
        return switch (method) {
            case "Password" -> "Password in the cloud";
            case "FIDO2 security key" -> "FIDO2 security key";
            case "Text message" -> "Text message to +X XXXXXXXX42";
            case "Mobile app notification" -> "Microsoft Authenticator";
            default -> method;
        };
    }

    static void auditNoise(JsonGenerator g, Rand r, long t) throws IOException {
        String admin = Org.PEOPLE[r.nextInt(40)];
        String target = Org.PEOPLE[r.nextInt(Org.PEOPLE.length)];
        String op = AUDIT_OPS[r.nextInt(AUDIT_OPS.length)];
        audit(g, r, t, op, upn(admin), upn(target), r.publicIp(), List.of(Map.of("displayName", "AccountEnabled",
                "oldValue", "[true]", "newValue", "[true]")));
    }

    /** One {@code AuditLogs} record initiated by {@code actorUpn} on the user {@code targetUpn}. */
    static void audit(JsonGenerator g, Rand r, long t, String operation, String actorUpn, String targetUpn, String ip,
                      List<Map<String, String>> modified) throws IOException {
        String correlation = r.uuid();
        g.writeStartObject();
        g.writeStringField("time", Iso.format(t, 7, r.nextInt(10_000)));
        g.writeStringField("resourceId", "/tenants/" + Org.TENANT_ID + "/providers/Microsoft.aadiam");
        g.writeStringField("operationName", operation);
        g.writeStringField("operationVersion", "1.0");
        g.writeStringField("category", "AuditLogs");
        g.writeStringField("tenantId", Org.TENANT_ID);
        g.writeStringField("resultSignature", "None");
        g.writeNumberField("durationMs", 0);
        g.writeStringField("callerIpAddress", ip);
        g.writeStringField("correlationId", correlation);
        g.writeNumberField("Level", 4);
        g.writeObjectFieldStart("properties");
        g.writeStringField("id", "Directory_" + correlation + "_" + r.upper(5) + "_" + (100_000_000 + r.nextInt(900_000_000)));
        g.writeStringField("category", operation.contains("password") ? "UserManagement"
                : operation.contains("policy") ? "Policy" : "UserManagement");
        g.writeStringField("correlationId", correlation);
        g.writeStringField("result", "success");
        g.writeStringField("resultReason", "");
        g.writeStringField("activityDisplayName", operation);
        g.writeStringField("activityDateTime", Iso.format(t, 7, r.nextInt(10_000)).replace("Z", "+00:00"));
        g.writeStringField("loggedByService", operation.contains("password") ? "Self-service Password Management"
                : "Core Directory");
        g.writeStringField("operationType", "Update");
        g.writeObjectFieldStart("initiatedBy");
        g.writeObjectFieldStart("user");
        g.writeStringField("id", CloudTrail.id(actorUpn, 8).toLowerCase(Locale.ROOT) + "-" + r.uuid().substring(9));
        g.writeNullField("displayName");
        g.writeStringField("userPrincipalName", actorUpn);
        g.writeStringField("ipAddress", ip);
        g.writeArrayFieldStart("roles");
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("targetResources");
        if (targetUpn != null) {
            g.writeStartObject();
            g.writeStringField("id", CloudTrail.id(targetUpn, 8).toLowerCase(Locale.ROOT) + "-" + r.uuid().substring(9));
            g.writeNullField("displayName");
            g.writeStringField("type", "User");
            g.writeStringField("userPrincipalName", targetUpn);
            g.writeArrayFieldStart("modifiedProperties");
            for (Map<String, String> m : modified) {
                JsonValues.write(g, JsonValues.map("displayName", m.get("displayName"), "oldValue", m.get("oldValue"),
                        "newValue", m.get("newValue")));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("administrativeUnits");
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("additionalDetails");
        JsonValues.write(g, JsonValues.map("key", "User-Agent", "value", CloudTrail.BROWSER));
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }
}
