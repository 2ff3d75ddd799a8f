package io.sealwatch.engine.source.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.engine.ingest.Connector;
import io.sealwatch.engine.ingest.EventBuilder;
import io.sealwatch.engine.ingest.RecordContext;
import io.sealwatch.engine.ingest.RecordException;
import io.sealwatch.engine.ingest.SourceConnector;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.MfaFactor;
import io.sealwatch.model.NormalizedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.sealwatch.engine.ingest.Json.requiredText;
import static io.sealwatch.engine.ingest.Json.object;
import static io.sealwatch.engine.ingest.Json.text;

/**
 * AWS CloudTrail records (S3 delivery files and one-per-line exports). The actor is
 * {@code userIdentity.arn} (root: {@code arn:aws:iam::ACCOUNT:root}); for role assumptions it is the
 * assumed role session from the response, so an assumed break-glass role matches. Events done to an
 * IAM user by someone else match on {@code arn:aws:iam::<recipientAccountId>:user/<userName>}; events
 * done to a role ({@code requestParameters.roleName}) match on {@code arn:aws:iam::<account>:role/<roleName>}
 * or, when the account is known by its sessions, on any {@code assumed-role/<roleName>/} session of it.
 * Reads and rotations of a sealed secret in AWS Secrets Manager are custody and rotation ({@link SecretsManager}).
 */
public final class CloudTrailConnector extends Connector {
    private static final Set<String> ASSUME = Set.of("AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity");
    private static final Set<String> AUTH = Set.of("ConsoleLogin", "GetSessionToken", "GetFederationToken",
            "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "AssumeRole");
    private static final Set<String> PASSWORD = Set.of("UpdateLoginProfile", "ChangePassword");
    private static final Set<String> MFA_ROTATION = Set.of("EnableMFADevice", "ResyncMFADevice", "CreateVirtualMFADevice");

    public CloudTrailConnector() {
        super("aws-cloudtrail", "eventTime");
    }
    /** An old device taken away: part of rotating the MFA, and a change when it happens between uses. */
    private static final Set<String> MFA_REMOVAL = Set.of("DeactivateMFADevice", "DeleteVirtualMFADevice");
    private static final Set<String> GRANT_CREATE = Set.of("AttachUserPolicy", "AttachRolePolicy", "AttachGroupPolicy",
            "PutUserPolicy", "PutRolePolicy", "PutGroupPolicy", "AddUserToGroup");
    private static final Set<String> GRANT_REMOVE = Set.of("DetachUserPolicy", "DetachRolePolicy", "DetachGroupPolicy",
            "DeleteUserPolicy", "DeleteRolePolicy", "DeleteGroupPolicy", "RemoveUserFromGroup");

    /** Events done by others to an IAM user or role name it only by its name, so the name alone is also a literal. */
    @Override
    public List<String> prefilterLiterals(String match) {
        List<String> out = new ArrayList<>(List.of(SourceConnector.literal(match)));
        int user = match.indexOf(":user/");
        int session = match.indexOf(":assumed-role/");
        String name = user >= 0 || match.contains(":role/") ? match.substring(match.lastIndexOf('/') + 1)
                : session >= 0 ? match.substring(session + ":assumed-role/".length()).split("/", -1)[0] : null;
        String fixed = name == null ? "" : SourceConnector.literal(name);
        if (fixed.length() >= 3) {
            out.add(fixed);   // the user or role name alone, as changes made to it by others name it
        }
        return out;
    }

    @Override
    public List<String> sealedLiterals(String match) {
        return SecretsManager.literals(match);
    }

    @Override
    public NormalizedEvent map(JsonNode r, RecordContext ctx) throws RecordException {
        String name = requiredText(r, "eventName");
        object(r, "userIdentity");
        object(r, "requestParameters");
        object(r, "responseElements");
        object(r, "additionalEventData");
        String awsAccount = text(r, "recipientAccountId");
        if (awsAccount == null) {
            awsAccount = text(r, "userIdentity.accountId");
        }
        String callerArn = text(r, "userIdentity.arn");
        String identityType = text(r, "userIdentity.type");
        if (callerArn == null && "Root".equals(identityType) && text(r, "userIdentity.accountId") != null) {
            callerArn = "arn:aws:iam::" + text(r, "userIdentity.accountId") + ":root";
        }
        String assumedArn = ASSUME.contains(name) ? text(r, "responseElements.assumedRoleUser.arn") : null;
        String actor = assumedArn != null ? assumedArn : callerArn;
        String userName = text(r, "requestParameters.userName");
        String targetArn = userName != null && awsAccount != null ? "arn:aws:iam::" + awsAccount + ":user/" + userName : null;

        String errorCode = text(r, "errorCode");
        Boolean ok = errorCode == null;
        if ("ConsoleLogin".equals(name)) {
            String login = text(r, "responseElements.ConsoleLogin");
            ok = login != null ? "Success".equalsIgnoreCase(login) : ok;
        }

        EventBuilder e = ctx.event(EventClass.API_ACTIVITY, name)
                .eventId(text(r, "eventID"))
                .success(ok)
                .actor(actor)
                .person(person(r, identityType, name))
                .sourceIp(text(r, "sourceIPAddress"))
                .target(targetArn != null ? targetArn : text(r, "requestParameters.roleArn"))
                .detail(text(r, "errorMessage"));
        NormalizedEvent secret = SecretsManager.map(r, name, ok, ctx, e);
        if (secret != null) {
            return secret;
        }
        String roleName = text(r, "requestParameters.roleName");
        String roleAccount = roleName != null && awsAccount != null ? roleAccount(ctx, awsAccount, roleName) : null;
        String targetAccount = targetArn != null ? ctx.accountOf(targetArn) : roleAccount;
        String account = ctx.accountOf(assumedArn, callerArn);
        if (account == null) {
            account = targetAccount;
        }
        e.account(account);
        // done to the account's own user or role (by anyone), not by the account to another principal
        boolean toAccount = account != null && (targetArn == null && roleName == null || account.equals(targetAccount));

        if (AUTH.contains(name)) {
            e.eventClass(EventClass.AUTHENTICATION).federated(federated(r, name, identityType));
            if ("ConsoleLogin".equals(name)) {
                e.mfa(consoleMfa(r));
            } else if ("AssumeRole".equals(name)) {
                e.mfa(assumeRoleMfa(r));
            }
        } else if (PASSWORD.contains(name)) {
            e.eventClass(EventClass.ROTATION).credential("password");
        } else if ("CreateLoginProfile".equals(name) || "DeleteLoginProfile".equals(name)) {
            // the account's own login profile is its password; one made for another user is a way back in
            boolean create = name.startsWith("Create");
            e.eventClass(create && toAccount ? EventClass.ROTATION : EventClass.ACCOUNT_CHANGE)
                    .credential(create && toAccount ? "password" : null)
                    .access(create ? "created" : "removed", "login-profile",
                            first(userName, text(r, "userIdentity.userName")));
        } else if (MFA_ROTATION.contains(name)) {
            e.eventClass(EventClass.ROTATION).credential("mfa");
        } else if (MFA_REMOVAL.contains(name)) {
            e.eventClass(EventClass.ACCOUNT_CHANGE).credential(toAccount ? "mfa" : null);
        } else if ("CreateAccessKey".equals(name)) {
            e.eventClass(EventClass.ACCOUNT_CHANGE).credential(toAccount ? "access-key" : null)
                    .access("created", "access-key", text(r, "responseElements.accessKey.accessKeyId"));
        } else if ("UpdateAccessKey".equals(name)) {
            e.eventClass(EventClass.ACCOUNT_CHANGE).credential(toAccount ? "access-key" : null);
        } else if ("DeleteAccessKey".equals(name)) {
            e.eventClass(EventClass.ROTATION).credential("access-key")
                    .access("removed", "access-key", text(r, "requestParameters.accessKeyId"));
        } else if ("CreateUser".equals(name) || "DeleteUser".equals(name)) {
            e.eventClass(EventClass.ACCOUNT_CHANGE)
                    .access(name.startsWith("Create") ? "created" : "removed", "user", userName);
        } else if ("CreateRole".equals(name) || "DeleteRole".equals(name)) {
            e.eventClass(EventClass.ACCOUNT_CHANGE)
                    .access(name.startsWith("Create") ? "created" : "removed", "role", roleName);
        } else if ("UpdateAssumeRolePolicy".equals(name)) {
            e.eventClass(EventClass.ACCOUNT_CHANGE).access("created", "trust-policy", roleName);
        } else if (GRANT_CREATE.contains(name) || GRANT_REMOVE.contains(name)) {
            e.eventClass(EventClass.ACCOUNT_CHANGE)
                    .access(GRANT_CREATE.contains(name) ? "created" : "removed", "grant", grantObject(r));
        }
        return e.build();
    }

    /** The account of a role: its ARN as an identity, or any session of it ({@code assumed-role/<name>/…}). */
    private static String roleAccount(RecordContext ctx, String awsAccount, String roleName) {
        String account = ctx.accountOf("arn:aws:iam::" + awsAccount + ":role/" + roleName);
        return account != null ? account
                : ctx.accountOfPattern("arn:aws:sts::" + awsAccount + ":assumed-role/" + roleName + "/*");
    }

    /** The policy (ARN or inline name) or group, and the principal it is attached to. */
    private static String grantObject(JsonNode r) throws RecordException {
        String policy = first(text(r, "requestParameters.policyArn"), text(r, "requestParameters.policyName"),
                text(r, "requestParameters.groupName"));
        String principal = first(text(r, "requestParameters.userName"), text(r, "requestParameters.roleName"),
                text(r, "requestParameters.groupName"));
        return policy + "@" + principal;
    }

    private static String person(JsonNode r, String identityType, String name) throws RecordException {
        if ("AssumeRole".equals(name) || "AssumeRoleWithWebIdentity".equals(name)) {
            String caller = callerPerson(r, identityType);
            return caller != null ? caller : text(r, "requestParameters.roleSessionName");
        }
        return callerPerson(r, identityType);
    }

    private static String callerPerson(JsonNode r, String identityType) throws RecordException {
        if (identityType == null) {
            return null;
        }
        return switch (identityType) {
            case "IAMUser", "SAMLUser", "WebIdentityUser", "IdentityCenterUser" -> text(r, "userIdentity.userName");
            case "AssumedRole" -> {
                // the session name: the ARN's last segment, else what follows the role id in principalId
                String arn = text(r, "userIdentity.arn");
                String principal = text(r, "userIdentity.principalId");
                yield arn != null ? arn.substring(arn.lastIndexOf('/') + 1)
                        : principal != null && principal.indexOf(':') > 0
                        ? principal.substring(principal.indexOf(':') + 1) : null;
            }
            default -> null;
        };
    }

    private static Boolean federated(JsonNode r, String name, String identityType) throws RecordException {
        if (name.equals("AssumeRoleWithSAML") || name.equals("AssumeRoleWithWebIdentity")
                || "SAMLUser".equals(identityType) || "WebIdentityUser".equals(identityType)
                || text(r, "additionalEventData.SamlProviderArn") != null) {
            return true;
        }
        String issuer = text(r, "userIdentity.sessionContext.sessionIssuer.userName");
        return issuer != null && issuer.startsWith("AWSReservedSSO_");
    }

    /**
     * The second factor of an {@code AssumeRole}: the MFA device named in the request (a virtual
     * device's ARN is TOTP, a bare serial number a hardware token); without one, none — unless the
     * caller's own session was MFA-authenticated, whose factor the event does not show.
     */
    static MfaFactor assumeRoleMfa(JsonNode r) throws RecordException {
        String serial = text(r, "requestParameters.serialNumber");
        if (serial != null) {
            return serial.contains(":mfa/") ? MfaFactor.TOTP : serial.contains(":u2f/") ? MfaFactor.U2F
                    : MfaFactor.HARDWARE_OTP;
        }
        return "true".equals(text(r, "userIdentity.sessionContext.attributes.mfaAuthenticated"))
                ? MfaFactor.UNKNOWN : MfaFactor.NONE;
    }

    /** The second factor of a console sign-in, from {@code additionalEventData}. */
    static MfaFactor consoleMfa(JsonNode r) throws RecordException {
        String used = text(r, "additionalEventData.MFAUsed");
        String type = text(r, "additionalEventData.mfaType");
        String id = text(r, "additionalEventData.MFAIdentifier");
        if (type != null) {
            String t = type.toLowerCase(Locale.ROOT);
            if (t.contains("u2f")) {
                return MfaFactor.U2F;
            }
            if (t.contains("fido") || t.contains("passkey")) {
                return MfaFactor.FIDO2;
            }
            if (t.contains("virtual") || t.contains("totp")) {
                return MfaFactor.TOTP;
            }
            if (t.contains("hardware")) {
                return MfaFactor.HARDWARE_OTP;
            }
        }
        if (id != null) {
            if (id.contains(":u2f/")) {
                return MfaFactor.U2F;
            }
            if (id.contains(":mfa/")) {
                return MfaFactor.TOTP;
            }
            return MfaFactor.HARDWARE_OTP;   // a hardware token is identified by its serial number
        }
        if ("No".equalsIgnoreCase(used)) {
            return MfaFactor.NONE;
        }
        return "Yes".equalsIgnoreCase(used) ? MfaFactor.UNKNOWN : null;
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
