package io.sealwatch.samples.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sealwatch.samples.generate.Org.AwsAccount;
import io.sealwatch.samples.internal.Iso;
import io.sealwatch.samples.internal.JsonValues;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CloudTrail records as AWS delivers them in {@code {"Records":[…]}} files: the background traffic
 * of an AWS organisation and the records the planted episodes need.
 */
final class CloudTrail {
    /** A principal as CloudTrail's {@code userIdentity} shows it. */
    record Principal(String type, String arn, String principalId, String userName, String accessKeyPrefix,
                     String roleArn, String roleId, String roleName, boolean human) {
    }

    /** One kind of background call: {@code requestParameters} shapes are chosen by {@code params}. */
    private record Call(String source, String name, boolean readOnly, int weight, int params) {
    }

    private static final Call[] CALLS = {
            new Call("ec2", "DescribeInstances", true, 120, 1), new Call("ec2", "DescribeSecurityGroups", true, 40, 0),
            new Call("ec2", "DescribeVolumes", true, 30, 0), new Call("ec2", "DescribeNetworkInterfaces", true, 35, 0),
            new Call("ec2", "CreateTags", false, 8, 2), new Call("ec2", "RunInstances", false, 3, 3),
            new Call("ec2", "TerminateInstances", false, 2, 1), new Call("sts", "AssumeRole", false, 120, 4),
            new Call("sts", "GetCallerIdentity", true, 60, 0), new Call("kms", "Decrypt", true, 150, 5),
            new Call("kms", "GenerateDataKey", true, 60, 5), new Call("s3", "ListBuckets", true, 20, 0),
            new Call("s3", "GetBucketLocation", true, 30, 6), new Call("s3", "GetBucketEncryption", true, 12, 6),
            new Call("logs", "CreateLogStream", false, 40, 7), new Call("logs", "DescribeLogGroups", true, 15, 0),
            new Call("ecs", "DescribeServices", true, 40, 8), new Call("ecs", "UpdateService", false, 5, 8),
            new Call("ecs", "RunTask", false, 10, 8), new Call("eks", "DescribeCluster", true, 20, 9),
            new Call("lambda", "GetFunction", true, 15, 10), new Call("lambda", "UpdateFunctionCode", false, 3, 10),
            new Call("rds", "DescribeDBInstances", true, 25, 0), new Call("dynamodb", "DescribeTable", true, 30, 11),
            new Call("ssm", "GetParameter", true, 60, 12), new Call("ssm", "GetParameters", true, 30, 12),
            new Call("secretsmanager", "GetSecretValue", true, 40, 13), new Call("monitoring", "GetMetricData", true, 50, 0),
            new Call("monitoring", "PutMetricAlarm", false, 3, 0), new Call("iam", "ListRoles", true, 10, 0),
            new Call("iam", "GetRole", true, 15, 14), new Call("iam", "ListAttachedRolePolicies", true, 8, 14),
            new Call("autoscaling", "DescribeAutoScalingGroups", true, 20, 0),
            new Call("elasticloadbalancing", "DescribeTargetHealth", true, 40, 0),
            new Call("cloudformation", "DescribeStacks", true, 15, 0), new Call("route53", "ListResourceRecordSets", true, 10, 0),
            new Call("config", "PutEvaluations", false, 10, 0), new Call("signin", "ConsoleLogin", false, 4, 15),
    };
    private static final int[] CALL_CUM = cumulative(CALLS);
    private static final String[] CLI_AGENTS = {
            "aws-cli/2.17.9 md/awscrt#0.20.11 ua/2.0 os/macos#23.5.0 md/arch#arm64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off md/command#ec2.describe-instances",
            "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.79-99.167.amzn2023.x86_64 exe/x86_64.amzn.2023",
            "Boto3/1.34.131 md/Botocore#1.34.131 ua/2.0 os/linux#5.10.219-208.866.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.4 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.131",
            "aws-sdk-go-v2/1.30.1 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/sts#1.30.1",
            "aws-sdk-java/2.26.12 Linux/5.10.219 OpenJDK_64-Bit_Server_VM/17.0.11+9-LTS Java/17.0.11 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy",
            "APN/1.0 HashiCorp/1.0 Terraform/1.8.5 (+https://www.terraform.io) terraform-provider-aws/5.57.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.30.1 os/linux lang/go#1.22.4",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0",
            "[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.750 Linux/5.10.219-186.866.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.412-b09 java/1.8.0_412 vendor/Oracle_Corporation cfg/retry-mode/standard]",
    };
    private static final String[] SERVICES = {"ecs.amazonaws.com", "autoscaling.amazonaws.com",
            "elasticloadbalancing.amazonaws.com", "lambda.amazonaws.com", "config.amazonaws.com"};
    static final String BROWSER = CLI_AGENTS[6];

    private final AwsAccount account;
    private final List<Principal> principals;

    CloudTrail(AwsAccount account) {
        this.account = account;
        this.principals = principals(account);
    }

    // ---- background traffic ----

    void noise(JsonGenerator g, Rand r, long t, String region) throws IOException {
        Call call = CALLS[r.weighted(CALL_CUM)];
        boolean service = call.name.startsWith("Describe") && r.chance(0.06);
        Principal p = principals.get(r.nextInt(principals.size()));
        if (call.params == 15) {
            noiseLogin(g, r, t, p);
            return;
        }
        String ip = service ? SERVICES[r.nextInt(SERVICES.length)] : p.human ? r.publicIp() : r.privateIp();
        String agent = service ? ip : p.human ? CLI_AGENTS[r.nextInt(CLI_AGENTS.length)]
                : CLI_AGENTS[1 + r.nextInt(5)];
        g.writeStartObject();
        head(g, t, call.source + ".amazonaws.com", call.name, region, ip, agent);
        g.writeFieldName("userIdentity");
        if (service) {
            g.writeStartObject();
            g.writeStringField("type", "AWSService");
            g.writeStringField("invokedBy", ip);
            g.writeEndObject();
        } else {
            identity(g, p, r, t, true);
        }
        boolean denied = r.chance(0.025);
        if (denied) {
            g.writeStringField("errorCode", "AccessDenied");
            g.writeStringField("errorMessage", "User: " + p.arn + " is not authorized to perform: " + call.source
                    + ":" + call.name + " because no identity-based policy allows the " + call.source + ":"
                    + call.name + " action");
        }
        g.writeFieldName("requestParameters");
        params(g, r, call, region);
        g.writeFieldName("responseElements");
        if (!denied && call.params == 4) {
            String session = "session-" + r.hex(8);
            g.writeStartObject();
            g.writeObjectFieldStart("credentials");
            g.writeStringField("accessKeyId", "ASIA" + r.upper(16));
            g.writeStringField("expiration", "Oct 1, 2026, 1:00:00 AM");
            g.writeEndObject();
            g.writeObjectFieldStart("assumedRoleUser");
            g.writeStringField("assumedRoleId", "AROA" + r.upper(17) + ":" + session);
            g.writeStringField("arn", "arn:aws:sts::" + account.id() + ":assumed-role/"
                    + Org.SERVICE_ROLES[r.nextInt(Org.SERVICE_ROLES.length)] + "/" + session);
            g.writeEndObject();
            g.writeEndObject();
        } else {
            g.writeNull();
        }
        tail(g, r, call.readOnly, region, call.source, "AwsApiCall");
        g.writeEndObject();
    }

    private void noiseLogin(JsonGenerator g, Rand r, long t, Principal p) throws IOException {
        boolean ok = !r.chance(0.08);
        String mfa = p.human && r.chance(0.9) ? "arn:aws:iam::" + account.id() + ":u2f/user/" + p.userName
                + "/default-" + r.upper(26) : null;
        consoleLogin(g, r, t, p, r.publicIp(), BROWSER, mfa != null, mfa, ok, null);
    }

    private void params(JsonGenerator g, Rand r, Call c, String region) throws IOException {
        switch (c.params) {
            case 1 -> {
                g.writeStartObject();
                g.writeObjectFieldStart("instancesSet");
                g.writeArrayFieldStart("items");
                g.writeStartObject();
                g.writeStringField("instanceId", "i-0" + r.hex(16));
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                g.writeObjectFieldStart("filterSet");
                g.writeEndObject();
                g.writeEndObject();
            }
            case 2 -> {
                g.writeStartObject();
                g.writeObjectFieldStart("resourcesSet");
                g.writeArrayFieldStart("items");
                g.writeStartObject();
                g.writeStringField("resourceId", "vol-0" + r.hex(16));
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
            }
            case 3 -> {
                g.writeStartObject();
                g.writeStringField("instanceType", r.chance(0.5) ? "m7g.large" : "c6i.xlarge");
                g.writeStringField("imageId", "ami-0" + r.hex(16));
                g.writeNumberField("minCount", 1);
                g.writeNumberField("maxCount", 1);
                g.writeEndObject();
            }
            case 4 -> {
                g.writeStartObject();
                g.writeStringField("roleArn", "arn:aws:iam::" + account.id() + ":role/"
                        + Org.SERVICE_ROLES[r.nextInt(Org.SERVICE_ROLES.length)]);
                g.writeStringField("roleSessionName", "session-" + r.hex(8));
                g.writeNumberField("durationSeconds", 3600);
                g.writeEndObject();
            }
            case 5 -> {
                g.writeStartObject();
                g.writeStringField("keyId", "arn:aws:kms:" + region + ":" + account.id() + ":key/" + r.uuid());
                g.writeStringField("encryptionAlgorithm", "SYMMETRIC_DEFAULT");
                g.writeEndObject();
            }
            case 6 -> {
                g.writeStartObject();
                g.writeStringField("bucketName", "examplecorp-" + account.alias() + "-" + r.pick(BUCKETS));
                g.writeStringField("Host", "s3.amazonaws.com");
                g.writeEndObject();
            }
            case 7 -> {
                g.writeStartObject();
                g.writeStringField("logGroupName", "/ecs/" + r.pick(Org.VAULT_APPS));
                g.writeStringField("logStreamName", "ecs/app/" + r.hex(32));
                g.writeEndObject();
            }
            case 8 -> {
                g.writeStartObject();
                g.writeStringField("cluster", account.alias() + "-apps");
                g.writeArrayFieldStart("services");
                g.writeString(r.pick(Org.VAULT_APPS));
                g.writeEndArray();
                g.writeEndObject();
            }
            case 9 -> {
                g.writeStartObject();
                g.writeStringField("name", account.alias() + "-eks");
                g.writeEndObject();
            }
            case 10 -> {
                g.writeStartObject();
                g.writeStringField("functionName", r.pick(LAMBDAS));
                g.writeEndObject();
            }
            case 11 -> {
                g.writeStartObject();
                g.writeStringField("tableName", r.pick(TABLES));
                g.writeEndObject();
            }
            case 12 -> {
                g.writeStartObject();
                g.writeStringField("name", "/" + account.alias() + "/" + r.pick(Org.VAULT_APPS) + "/config");
                g.writeBooleanField("withDecryption", true);
                g.writeEndObject();
            }
            case 13 -> {
                g.writeStartObject();
                g.writeStringField("secretId", account.alias() + "/" + r.pick(Org.VAULT_APPS) + "/db");
                g.writeEndObject();
            }
            case 14 -> {
                g.writeStartObject();
                g.writeStringField("roleName", r.pick(Org.SERVICE_ROLES));
                g.writeEndObject();
            }
            default -> g.writeNull();
        }
    }

    // ---- building blocks, shared by the background and the planted records ----

    private void head(JsonGenerator g, long t, String source, String name, String region, String ip, String agent)
            throws IOException {
        g.writeStringField("eventVersion", "1.09");
        g.writeStringField("eventTime", Iso.seconds(t));
        g.writeStringField("eventSource", source);
        g.writeStringField("eventName", name);
        g.writeStringField("awsRegion", region);
        g.writeStringField("sourceIPAddress", ip);
        g.writeStringField("userAgent", agent);
    }

    private void tail(JsonGenerator g, Rand r, boolean readOnly, String region, String service, String eventType)
            throws IOException {
        g.writeStringField("requestID", r.uuid());
        g.writeStringField("eventID", r.uuid());
        g.writeBooleanField("readOnly", readOnly);
        g.writeStringField("eventType", eventType);
        g.writeBooleanField("managementEvent", true);
        g.writeStringField("recipientAccountId", account.id());
        g.writeStringField("eventCategory", "Management");
        if (!"signin".equals(service)) {
            g.writeObjectFieldStart("tlsDetails");
            g.writeStringField("tlsVersion", "TLSv1.3");
            g.writeStringField("cipherSuite", "TLS_AES_128_GCM_SHA256");
            g.writeStringField("clientProvidedHostHeader", service + "." + region + ".amazonaws.com");
            g.writeEndObject();
        }
    }

    private void identity(JsonGenerator g, Principal p, Rand r, long t, boolean withKey) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", p.type);
        g.writeStringField("principalId", p.principalId);
        g.writeStringField("arn", p.arn);
        g.writeStringField("accountId", account.id());
        if (withKey) {
            g.writeStringField("accessKeyId", p.accessKeyPrefix + r.upper(16));
        }
        if (p.roleArn != null) {
            g.writeObjectFieldStart("sessionContext");
            g.writeObjectFieldStart("sessionIssuer");
            g.writeStringField("type", "Role");
            g.writeStringField("principalId", p.roleId);
            g.writeStringField("arn", p.roleArn);
            g.writeStringField("accountId", account.id());
            g.writeStringField("userName", p.roleName);
            g.writeEndObject();
            g.writeObjectFieldStart("attributes");
            g.writeStringField("creationDate", Iso.seconds(t - 600_000L));
            g.writeStringField("mfaAuthenticated", p.human ? "true" : "false");
            g.writeEndObject();
            g.writeEndObject();
        } else {
            g.writeStringField("userName", p.userName);
            if (withKey) {
                g.writeObjectFieldStart("sessionContext");
                g.writeObjectFieldStart("attributes");
                g.writeStringField("creationDate", Iso.seconds(t - 300_000L));
                g.writeStringField("mfaAuthenticated", p.human ? "true" : "false");
                g.writeEndObject();
                g.writeEndObject();
            }
        }
        g.writeEndObject();
    }

    /** A console sign-in (success or failure), as {@code signin.amazonaws.com} records it in us-east-1. */
    void consoleLogin(JsonGenerator g, Rand r, long t, Principal p, String ip, String agent, boolean mfaUsed,
                      String mfaIdentifier, boolean success, String samlProvider) throws IOException {
        g.writeStartObject();
        head(g, t, "signin.amazonaws.com", "ConsoleLogin", "us-east-1", ip, agent);
        g.writeFieldName("userIdentity");
        identity(g, p, r, t, false);
        if (!success) {
            g.writeStringField("errorMessage", "Failed authentication");
        }
        g.writeNullField("requestParameters");
        g.writeObjectFieldStart("responseElements");
        g.writeStringField("ConsoleLogin", success ? "Success" : "Failure");
        g.writeEndObject();
        g.writeObjectFieldStart("additionalEventData");
        g.writeStringField("LoginTo", "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_" + r.hex(16));
        g.writeStringField("MobileVersion", "No");
        g.writeStringField("MFAUsed", mfaUsed ? "Yes" : "No");
        if (mfaIdentifier != null) {
            g.writeStringField("MFAIdentifier", mfaIdentifier);
        }
        if (samlProvider != null) {
            g.writeStringField("SamlProviderArn", samlProvider);
        }
        g.writeEndObject();
        tail(g, r, false, "us-east-1", "signin", "AwsConsoleSignIn");
        g.writeEndObject();
    }

    /** A call by {@code p} with literal request parameters and response elements. */
    void call(JsonGenerator g, Rand r, long t, Principal p, String region, String ip, String agent, String service,
              String name, boolean readOnly, Map<String, Object> request, Map<String, Object> response)
            throws IOException {
        g.writeStartObject();
        head(g, t, service + ".amazonaws.com", name, "iam".equals(service) ? "us-east-1" : region, ip, agent);
        g.writeFieldName("userIdentity");
        identity(g, p, r, t, true);
        JsonValues.field(g, "requestParameters", request);
        JsonValues.field(g, "responseElements", response);
        tail(g, r, readOnly, region, service, "AwsApiCall");
        g.writeEndObject();
    }

    /** {@code AssumeRoleWithSAML} through the corporate IdP: the federated way in. */
    void assumeRoleWithSaml(JsonGenerator g, Rand r, long t, String subject, String roleName, String ip)
            throws IOException {
        String provider = "arn:aws:iam::" + account.id() + ":saml-provider/Okta";
        g.writeStartObject();
        head(g, t, "sts.amazonaws.com", "AssumeRoleWithSAML", "us-east-1", ip, BROWSER);
        g.writeObjectFieldStart("userIdentity");
        g.writeStringField("type", "SAMLUser");
        g.writeStringField("principalId", "Xq3mO6Bz0JXlYg7eQWk1c2Nf3rA=:" + subject);
        g.writeStringField("userName", subject);
        g.writeStringField("identityProvider", "Xq3mO6Bz0JXlYg7eQWk1c2Nf3rA=");
        g.writeEndObject();
        JsonValues.field(g, "requestParameters", JsonValues.map(
                "sAMLAssertionID", "id" + r.hex(32), "roleSessionName", subject, "durationSeconds", 3600,
                "roleArn", "arn:aws:iam::" + account.id() + ":role/" + roleName, "principalArn", provider));
        JsonValues.field(g, "responseElements", JsonValues.map(
                "subjectType", "persistent", "issuer", "http://www.okta.com/exk" + r.alnum(17),
                "credentials", JsonValues.map("accessKeyId", "ASIA" + r.upper(16), "expiration",
                        Iso.seconds(t + 3_600_000L)),
                "nameQualifier", "Xq3mO6Bz0JXlYg7eQWk1c2Nf3rA=",
                "assumedRoleUser", JsonValues.map("assumedRoleId", roleId(roleName) + ":" + subject,
                        "arn", "arn:aws:sts::" + account.id() + ":assumed-role/" + roleName + "/" + subject),
                "subject", subject, "audience", "https://signin.aws.amazon.com/saml"));
        g.writeArrayFieldStart("resources");
        JsonValues.write(g, JsonValues.map("ARN", "arn:aws:iam::" + account.id() + ":role/" + roleName,
                "accountId", account.id(), "type", "AWS::IAM::Role"));
        JsonValues.write(g, JsonValues.map("ARN", provider, "accountId", account.id(),
                "type", "AWS::IAM::SAMLProvider"));
        g.writeEndArray();
        tail(g, r, false, "us-east-1", "sts", "AwsApiCall");
        g.writeEndObject();
    }

    // ---- principals ----

    Principal iamUser(String name, boolean human) {
        return new Principal("IAMUser", "arn:aws:iam::" + account.id() + ":user/" + name, "AIDA" + id(name, 17),
                name, "AKIA", null, null, null, human);
    }

    Principal assumedRole(String roleName, String session, boolean human) {
        return new Principal("AssumedRole", "arn:aws:sts::" + account.id() + ":assumed-role/" + roleName + "/" + session,
                roleId(roleName) + ":" + session, null, "ASIA", "arn:aws:iam::" + account.id() + ":role/" + roleName,
                roleId(roleName), roleName, human);
    }

    private String roleId(String roleName) {
        return "AROA" + id(account.id() + roleName, 17);
    }

    private List<Principal> principals(AwsAccount a) {
        List<Principal> out = new ArrayList<>();
        int people = a.alias().equals("management") ? 60 : a.alias().equals("security") ? 40 : 420;
        for (int i = 0; i < people; i++) {
            String person = Org.PEOPLE[(i * 3 + a.id().charAt(0)) % Org.PEOPLE.length];
            String set = Org.SSO_PERMISSION_SETS[(i + a.alias().length()) % Org.SSO_PERMISSION_SETS.length];
            String role = "AWSReservedSSO_" + set + "_" + id(a.id() + set, 16).toLowerCase(Locale.ROOT);
            Principal p = assumedRole(role, Org.email(person), true);
            out.add(new Principal(p.type, p.arn, p.principalId, null, p.accessKeyPrefix,
                    "arn:aws:iam::" + a.id() + ":role/aws-reserved/sso.amazonaws.com/" + role, p.roleId, role, true));
        }
        for (String role : Org.SERVICE_ROLES) {
            for (int k = 0; k < 12; k++) {
                String session = role.startsWith("eks") || role.startsWith("karpenter") ? "i-0" + id(role + k, 16).toLowerCase(Locale.ROOT)
                        : role.startsWith("lambda") ? role.substring(7) : "botocore-session-" + (1_780_000_000L + k * 7919L);
                out.add(assumedRole(role, session, false));
            }
        }
        for (String user : Org.IAM_USERS) {
            for (int k = 0; k < 6; k++) {
                out.add(iamUser(user, false));
            }
        }
        return List.copyOf(out);
    }

    /** A stable pseudo id of {@code n} upper-case base-32 characters derived from {@code s}. */
    static String id(String s, int n) {
        Rand r = new Rand(0, Rand.key(s));
        return r.upper(n);
    }

    private static int[] cumulative(Call[] calls) {
        int[] cum = new int[calls.length];
        int sum = 0;
        for (int i = 0; i < calls.length; i++) {
            sum += calls[i].weight;
            cum[i] = sum;
        }
        return cum;
    }

    private static final String[] BUCKETS = {"artifacts", "logs", "backups", "data-lake", "static-assets", "exports"};
    private static final String[] LAMBDAS = {"thumbnailer", "invoice-export", "log-shipper", "slack-notifier",
            "cost-report", "rotate-secrets"};
    private static final String[] TABLES = {"orders", "sessions", "carts", "feature-flags", "idempotency-keys"};
}
