package io.sealwatch.samples.scenarios;

import static io.sealwatch.samples.internal.JsonValues.map;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** CloudTrail records of the scenario account {@value #ACCT}: API calls, console sign-ins, IAM changes. */
final class Aws {
    static final String ACCT = "111122223333";
    static final String BG = "breakglass-admin";
    static final String SM_ARN = "arn:aws:secretsmanager:us-east-1:" + ACCT + ":secret:";
    static final String OLD_KEY = "AKIA" + Ids.upper(16, "oldkey");
    static final String NEW_KEY = "AKIA" + Ids.upper(16, "newkey");
    private static final String SSO_ROLE = "AWSReservedSSO_BreakGlassCustodian_5c2d8e1f0a9b7c6d";
    private static final String IAM = "iam.amazonaws.com";

    /** The background calls: event source, request parameters, read-only. */
    private record Api(String source, Object request) {
    }

    private static final Map<String, Api> APIS = Map.of(
            "DescribeInstances", new Api("ec2.amazonaws.com", map("instancesSet", map(), "filterSet", map())),
            "ListUsers", new Api(IAM, null),
            "GetCallerIdentity", new Api("sts.amazonaws.com", null),
            "DescribeTrails", new Api("cloudtrail.amazonaws.com", map("includeShadowTrails", true)),
            "ListBuckets", new Api("s3.amazonaws.com", null),
            "StopInstances", new Api("ec2.amazonaws.com", map("instancesSet",
                    map("items", List.of(map("instanceId", "i-0a1b2c3d4e5f60718"))), "force", false)));

    private Aws() {
    }

    static String userArn(String name) {
        return "arn:aws:iam::" + ACCT + ":user/" + name;
    }

    static String u2f(String user, String device) {
        return "arn:aws:iam::" + ACCT + ":u2f/user/" + user + "/" + device;
    }

    private static Map<String, Object> iamUser(String name, String keyPrefix) {
        return map("type", "IAMUser", "principalId", "AIDA" + Ids.upper(17, "p", name), "arn", userArn(name),
                "accountId", ACCT, "accessKeyId", keyPrefix + Ids.upper(16, "k", name), "userName", name);
    }

    /** An API call by IAM user {@code user}, signed in with MFA. */
    static Map<String, Object> call(Instant t, String name, String user, String source, Object request,
                                    Object response, boolean readOnly, String ip) {
        Map<String, Object> identity = iamUser(user, "ASIA");
        identity.put("sessionContext", map("sessionIssuer", map(), "webIdFederationData", map(),
                "attributes", map("creationDate", Ids.iso(t), "mfaAuthenticated", "true")));
        return map("eventVersion", "1.09", "userIdentity", identity, "eventTime", Ids.iso(t), "eventSource", source,
                "eventName", name, "awsRegion", "us-east-1", "sourceIPAddress", ip,
                "userAgent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0",
                "requestParameters", request, "responseElements", response,
                "requestID", Ids.uuid("r", name, t, user), "eventID", Ids.uuid("e", name, t, user),
                "readOnly", readOnly, "eventType", "AwsApiCall", "managementEvent", true, "recipientAccountId", ACCT,
                "eventCategory", "Management");
    }

    static Map<String, Object> call(Instant t, String name, String user, String source, Object request) {
        return call(t, name, user, source, request, null, false, "198.51.100.23");
    }

    /** A background call of a kind in {@link #APIS}. */
    static Map<String, Object> api(Instant t, String user, String name) {
        Api a = APIS.get(name);
        boolean readOnly = name.startsWith("Describe") || name.startsWith("List") || name.startsWith("Get");
        return call(t, name, user, a.source, a.request, null, readOnly, "198.51.100.23");
    }

    /** An IAM call by {@code actor} on user {@code target}, with more request parameters after the user name. */
    static Map<String, Object> iamOn(Instant t, String actor, String name, String target, Map<String, Object> more,
                                     Object response) {
        Map<String, Object> request = map("userName", target);
        if (more != null) {
            request.putAll(more);
        }
        return call(t, name, actor, IAM, request, response, false, "198.51.100.23");
    }

    static Map<String, Object> iamOn(Instant t, String actor, String name, String target, Map<String, Object> more) {
        return iamOn(t, actor, name, target, more, null);
    }

    static Map<String, Object> createKey(Instant t, String actor, String keyId, String target) {
        return iamOn(t, actor, "CreateAccessKey", target, null, map("accessKey", map("userName", target,
                "accessKeyId", keyId, "status", "Active",
                "createDate", Ids.utc(t, "%1$tb %1$te, %1$tY, %1$tl:%1$tM:%1$tS %1$Tp"))));
    }

    static Map<String, Object> deleteKey(Instant t, String actor, String keyId, String target) {
        return iamOn(t, actor, "DeleteAccessKey", target, map("accessKeyId", keyId));
    }

    /** A console sign-in; {@code mfa} is {@code u2f}, {@code virtual}, {@code hardware} or null (none). */
    static Map<String, Object> consoleLogin(Instant t, String user, String mfa, boolean ok) {
        Map<String, Object> identity = iamUser(user, "");
        identity.put("accessKeyId", "");   // a console session has no access key
        Map<String, Object> data = map("LoginTo",
                "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true", "MobileVersion", "No");
        if (mfa == null) {
            data.put("MFAUsed", "No");
        } else {
            data.put("MFAIdentifier", switch (mfa) {
                case "u2f" -> u2f(user, "yubikey-" + Ids.upper(26, "u2f", user));
                case "virtual" -> "arn:aws:iam::" + ACCT + ":mfa/" + user + "-phone";
                case "hardware" -> "GAKT000" + Ids.upper(5, "hw", user);
                default -> throw new IllegalArgumentException("no MFA kind " + mfa);
            });
            data.put("MFAUsed", "Yes");
        }
        Map<String, Object> e = map("eventVersion", "1.09", "userIdentity", identity, "eventTime", Ids.iso(t),
                "eventSource", "signin.amazonaws.com", "eventName", "ConsoleLogin", "awsRegion", "us-east-1",
                "sourceIPAddress", "203.0.113.77",
                "userAgent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Safari/605.1.15",
                "requestParameters", null, "responseElements", map("ConsoleLogin", ok ? "Success" : "Failure"),
                "additionalEventData", data, "eventID", Ids.uuid("login", t, user), "readOnly", false,
                "eventType", "AwsConsoleSignIn", "managementEvent", true, "recipientAccountId", ACCT,
                "eventCategory", "Management", "tlsDetails", map("tlsVersion", "TLSv1.3",
                        "cipherSuite", "TLS_AES_128_GCM_SHA256", "clientProvidedHostHeader", "signin.aws.amazon.com"));
        if (!ok) {
            e.put("errorMessage", "Failed authentication");
        }
        return e;
    }

    /** A Secrets Manager call by a person's IAM Identity Center session, the secret named by name or ARN. */
    static Map<String, Object> secretCall(Instant t, String name, String who, String secretId, Map<String, Object> more) {
        Map<String, Object> request = map("secretId", secretId);
        if (more != null) {
            request.putAll(more);
        }
        Map<String, Object> e = call(t, name, who, "secretsmanager.amazonaws.com", request, null,
                name.startsWith("Get"), "203.0.113.45");
        e.put("userIdentity", ssoSession(t, who));
        e.put("userAgent", "aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/macos#23.5.0 md/arch#arm64 lang/python#3.11.9");
        return e;
    }

    /** An IAM Identity Center session: the person is the session name, their e-mail. */
    private static Map<String, Object> ssoSession(Instant t, String who) {
        String roleId = "AROA" + Ids.upper(17, "ssorole");
        return map("type", "AssumedRole", "principalId", roleId + ":" + who,
                "arn", "arn:aws:sts::" + ACCT + ":assumed-role/" + SSO_ROLE + "/" + who, "accountId", ACCT,
                "accessKeyId", "ASIA" + Ids.upper(16, "ssokey", who, t),
                "sessionContext", map("sessionIssuer", map("type", "Role", "principalId", roleId,
                                "arn", "arn:aws:iam::" + ACCT + ":role/aws-reserved/sso.amazonaws.com/" + SSO_ROLE,
                                "accountId", ACCT, "userName", SSO_ROLE),
                        "webIdFederationData", map(),
                        "attributes", map("creationDate", Ids.iso(t.minus(Duration.ofMinutes(2))),
                                "mfaAuthenticated", "false")));
    }
}
