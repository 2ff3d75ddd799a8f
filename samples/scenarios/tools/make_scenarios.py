#!/usr/bin/env python3
"""Writes the inputs of the scenario goldens (samples/scenarios/*/sealwatch.yaml, scenario.properties,
logs/, late/); not the expected findings, which ScenarioGoldenTest records with -Dgolden.update=true.

    python3 samples/scenarios/tools/make_scenarios.py samples/scenarios
"""
import csv, gzip, hashlib, json, os, shutil, sys, uuid
from datetime import datetime, timedelta, timezone

ROOT = sys.argv[1]
ACCT = "111122223333"
BG = "breakglass-admin"
BG_ARN = f"arn:aws:iam::{ACCT}:user/{BG}"
OKTA_BG = "breakglass-admin@example.com"
ENTRA_BG = "breakglass@examplecorp.onmicrosoft.com"
FROM, TO = "2026-08-14", "2026-08-16"

def T(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00"))

def iso(t, frac=False):
    if frac:
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")

def hexid(*parts, n=32):
    return hashlib.sha256("/".join(map(str, parts)).encode()).hexdigest()[:n]

def uid(*parts):
    return str(uuid.UUID(hexid(*parts)))

# ---------------------------------------------------------------- CloudTrail
def iam_user(name, key="ASIA"):
    return {"type": "IAMUser", "principalId": "AIDA" + hexid("p", name, n=17).upper(),
            "arn": f"arn:aws:iam::{ACCT}:user/{name}", "accountId": ACCT,
            "accessKeyId": key + hexid("k", name, n=16).upper(), "userName": name}

def ct(t, name, user, source, *, req=None, resp=None, extra=None, read_only=False, ip="198.51.100.23"):
    ident = iam_user(user)
    ident["sessionContext"] = {"sessionIssuer": {}, "webIdFederationData": {},
                               "attributes": {"creationDate": iso(t), "mfaAuthenticated": "true"}}
    e = {"eventVersion": "1.09", "userIdentity": ident, "eventTime": iso(t), "eventSource": source,
         "eventName": name, "awsRegion": "us-east-1", "sourceIPAddress": ip,
         "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0",
         "requestParameters": req, "responseElements": resp,
         "requestID": uid("r", name, t, user), "eventID": uid("e", name, t, user), "readOnly": read_only,
         "eventType": "AwsApiCall", "managementEvent": True, "recipientAccountId": ACCT,
         "eventCategory": "Management"}
    if extra:
        e.update(extra)
    return e

SSO_ROLE = "AWSReservedSSO_BreakGlassCustodian_5c2d8e1f0a9b7c6d"
SM_ARN = f"arn:aws:secretsmanager:us-east-1:{ACCT}:secret:"

def sso_session(t, who):
    """An IAM Identity Center session: the person is the session name, their e-mail."""
    role_id = "AROA" + hexid("ssorole", n=17).upper()
    return {"type": "AssumedRole", "principalId": f"{role_id}:{who}",
            "arn": f"arn:aws:sts::{ACCT}:assumed-role/{SSO_ROLE}/{who}", "accountId": ACCT,
            "accessKeyId": "ASIA" + hexid("ssokey", who, t, n=16).upper(),
            "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": role_id,
                                                 "arn": f"arn:aws:iam::{ACCT}:role/aws-reserved/sso.amazonaws.com/{SSO_ROLE}",
                                                 "accountId": ACCT, "userName": SSO_ROLE},
                               "webIdFederationData": {},
                               "attributes": {"creationDate": iso(t - timedelta(minutes=2)), "mfaAuthenticated": "false"}}}

def secret_call(t, name, who, secret_id, req=None):
    """A Secrets Manager call by a person's SSO session, named by secret id (a name or an ARN)."""
    e = ct(t, name, who, "secretsmanager.amazonaws.com", req={"secretId": secret_id, **(req or {})},
           read_only=name.startswith("Get"), ip="203.0.113.45")
    e["userIdentity"] = sso_session(t, who)
    e["userAgent"] = "aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/macos#23.5.0 md/arch#arm64 lang/python#3.11.9"
    return e

def console_login(t, user, mfa="u2f", ok=True, extra_data=None):
    ident = iam_user(user, key="")
    ident["accessKeyId"] = ""
    data = {"LoginTo": "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true",
            "MobileVersion": "No"}
    if mfa == "u2f":
        data.update(MFAIdentifier=f"arn:aws:iam::{ACCT}:u2f/user/{user}/yubikey-" + hexid("u2f", user, n=26).upper(), MFAUsed="Yes")
    elif mfa == "virtual":
        data.update(MFAIdentifier=f"arn:aws:iam::{ACCT}:mfa/{user}-phone", MFAUsed="Yes")
    elif mfa == "hardware":
        data.update(MFAIdentifier="GAKT000" + hexid("hw", user, n=5).upper(), MFAUsed="Yes")
    else:
        data.update(MFAUsed="No")
    if extra_data:
        data.update(extra_data)
    e = {"eventVersion": "1.09", "userIdentity": ident, "eventTime": iso(t),
         "eventSource": "signin.amazonaws.com", "eventName": "ConsoleLogin", "awsRegion": "us-east-1",
         "sourceIPAddress": "203.0.113.77",
         "userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Safari/605.1.15",
         "requestParameters": None, "responseElements": {"ConsoleLogin": "Success" if ok else "Failure"},
         "additionalEventData": data, "eventID": uid("login", t, user), "readOnly": False,
         "eventType": "AwsConsoleSignIn", "managementEvent": True, "recipientAccountId": ACCT,
         "eventCategory": "Management", "tlsDetails": {"tlsVersion": "TLSv1.3",
         "cipherSuite": "TLS_AES_128_GCM_SHA256", "clientProvidedHostHeader": "signin.aws.amazon.com"}}
    if not ok:
        e["errorMessage"] = "Failed authentication"
    return e

def api(t, user, name="DescribeInstances"):
    src = {"DescribeInstances": "ec2.amazonaws.com", "ListUsers": "iam.amazonaws.com",
           "GetCallerIdentity": "sts.amazonaws.com", "DescribeTrails": "cloudtrail.amazonaws.com",
           "ListBuckets": "s3.amazonaws.com", "StopInstances": "ec2.amazonaws.com",
           "PutBucketPolicy": "s3.amazonaws.com"}[name]
    req = {"DescribeInstances": {"instancesSet": {}, "filterSet": {}}, "ListUsers": None,
           "GetCallerIdentity": None, "DescribeTrails": {"includeShadowTrails": True}, "ListBuckets": None,
           "StopInstances": {"instancesSet": {"items": [{"instanceId": "i-0a1b2c3d4e5f60718"}]}, "force": False},
           "PutBucketPolicy": {"bucketName": "examplecorp-logs", "policy": "{\"Version\":\"2012-10-17\"}"}}[name]
    return ct(t, name, user, src, req=req, read_only=name.startswith(("Describe", "List", "Get")))

def iam_on(t, actor, name, target=BG, extra_req=None, resp=None):
    req = {"userName": target}
    if extra_req:
        req.update(extra_req)
    return ct(t, name, actor, "iam.amazonaws.com", req=req, resp=resp)

def create_key(t, actor, key_id, target=BG):
    return iam_on(t, actor, "CreateAccessKey", target, resp={"accessKey": {"userName": target,
                  "accessKeyId": key_id, "status": "Active", "createDate": t.strftime("%b %-d, %Y, %-I:%M:%S %p")}})

def delete_key(t, actor, key_id, target=BG):
    return iam_on(t, actor, "DeleteAccessKey", target, extra_req={"accessKeyId": key_id})

# ---------------------------------------------------------------- Okta
def okta(t, etype, actor, *, result="SUCCESS", targets=(), factor=None, provider=None, msg=None, cred=None):
    debug = {"requestId": hexid("okreq", t, etype, actor, n=27), "requestUri": "/idp/idx/authenticators/poll",
             "threatSuspected": "false", "url": "/idp/idx/authenticators/poll?"}
    if factor:
        debug["factor"] = factor
    return {"actor": {"id": "00u" + hexid("okuser", actor, n=17), "type": "User", "alternateId": actor,
                      "displayName": actor.split("@")[0], "detailEntry": None},
            "client": {"userAgent": {"rawUserAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Chrome/126.0",
                                      "os": "Mac OS X", "browser": "CHROME"}, "zone": "null", "device": "Computer",
                       "id": None, "ipAddress": "203.0.113.45",
                       "geographicalContext": {"city": "Berlin", "state": "Land Berlin", "country": "Germany",
                                               "postalCode": "10115", "geolocation": {"lat": 52.53, "lon": 13.38}}},
            "device": None,
            "authenticationContext": {"authenticationProvider": provider, "credentialProvider": None,
                                      "credentialType": cred, "issuer": None, "interface": None,
                                      "authenticationStep": 0, "externalSessionId": "idx" + hexid("sess", actor, n=22)},
            "displayMessage": msg or etype, "eventType": etype,
            "outcome": {"result": result, "reason": None if result == "SUCCESS" else "INVALID_CREDENTIALS"},
            "published": iso(t, frac=True),
            "securityContext": {"asNumber": 3320, "asOrg": "deutsche telekom ag", "isp": "deutsche telekom ag",
                                "domain": "t-ipconnect.de", "isProxy": False},
            "severity": "INFO", "debugContext": {"debugData": debug}, "legacyEventType": None,
            "transaction": {"type": "WEB", "id": hexid("tx", t, actor, n=27), "detail": {}},
            "uuid": uid("okta", t, etype, actor), "version": "0",
            "request": {"ipChain": [{"ip": "203.0.113.45", "geographicalContext": None, "version": "V4", "source": None}]},
            "target": [{"id": "00u" + hexid("okuser", a, n=17), "type": "User", "alternateId": a,
                        "displayName": a.split("@")[0], "detailEntry": None} for a in targets]}

# ---------------------------------------------------------------- Entra sign-in (diagnostic settings)
def entra_signin(t, upn, *, method="FIDO2 security key", issuer="AzureAD", app="Azure Portal", error=0):
    steps = [{"authenticationStepDateTime": iso(t), "authenticationMethod": "Password",
              "authenticationMethodDetail": "Password in the cloud", "succeeded": True,
              "authenticationStepResultDetail": "Correct password", "authenticationStepRequirement": "Primary authentication"}]
    if method:
        steps.append({"authenticationStepDateTime": iso(t), "authenticationMethod": method,
                      "authenticationMethodDetail": "", "succeeded": error == 0,
                      "authenticationStepResultDetail": "MFA successfully completed",
                      "authenticationStepRequirement": "Multi-factor authentication"})
    rid = uid("entra", t, upn, app)
    props = {"id": rid, "createdDateTime": iso(t), "userDisplayName": upn.split("@")[0],
             "userPrincipalName": upn, "userId": uid("entrauser", upn), "appId": uid("app", app),
             "appDisplayName": app, "ipAddress": "203.0.113.60", "clientAppUsed": "Browser",
             "correlationId": uid("corr", t, upn), "conditionalAccessStatus": "success",
             "isInteractive": True, "tokenIssuerName": "" if issuer == "AzureAD" else "sts.examplecorp.com",
             "tokenIssuerType": issuer, "authenticationRequirement":
                 "multiFactorAuthentication" if method else "singleFactorAuthentication",
             "authenticationDetails": steps, "status": {"errorCode": error,
                 **({"failureReason": "Invalid username or password or Invalid on-premise username or password."} if error else {})},
             "resourceDisplayName": "Windows Azure Service Management API", "userType": "Member",
             "location": {"city": "Berlin", "state": "Berlin", "countryOrRegion": "DE"}}
    return {"time": iso(t, frac=True), "resourceId": "/tenants/4c1f2a4e-0d6c-4bb9-9e67-1d3c0b6f0a11/providers/Microsoft.aadiam",
            "operationName": "Sign-in activity", "operationVersion": "1.0", "category": "SignInLogs",
            "tenantId": "4c1f2a4e-0d6c-4bb9-9e67-1d3c0b6f0a11", "resultType": str(error),
            "resultSignature": "None", "resultDescription": "", "durationMs": 0,
            "callerIpAddress": "203.0.113.60", "correlationId": props["correlationId"],
            "identity": upn.split("@")[0], "Level": 4, "location": "DE", "properties": props}

# ---------------------------------------------------------------- Vault file audit
def vault(t, who, path, op="read", *, display=None, meta=True):
    rid = uid("vault", t, who, path, op)
    auth = {"client_token": "hmac-sha256:" + hexid("tok", who, n=64),
            "accessor": "hmac-sha256:" + hexid("acc", who, n=64),
            "display_name": display or f"oidc-{who}", "policies": ["default", "breakglass-custodian"],
            "token_policies": ["default", "breakglass-custodian"],
            "metadata": {"role": "custodian", "username": who} if meta else {"role": "custodian"},
            "entity_id": uid("entity", who), "token_type": "service", "token_ttl": 3600,
            "token_issue_time": iso(t - timedelta(minutes=3)).replace("Z", "+00:00")}
    req = {"id": rid, "client_id": uid("client", who), "operation": op, "mount_point": "secret/",
           "mount_type": "kv", "mount_running_version": "v0.21.0+builtin",
           "client_token": auth["client_token"], "client_token_accessor": auth["accessor"],
           "namespace": {"id": "root"}, "path": path, "remote_address": "10.20.4.17", "remote_port": 51334}
    request = {"time": iso(t).replace("Z", ".000000Z"), "type": "request", "auth": auth, "request": req}
    response = {"time": iso(t + timedelta(milliseconds=4)).replace("Z", ".004211Z").replace(".004Z", ""),
                "type": "response", "auth": auth, "request": req,
                "response": {"mount_point": "secret/", "mount_type": "kv",
                             "mount_running_plugin_version": "v0.21.0+builtin",
                             "data": {"data": {"share": "hmac-sha256:" + hexid("share", path, n=64)},
                                      "metadata": {"created_time": "hmac-sha256:" + hexid("ct", path, n=64),
                                                   "version": "hmac-sha256:" + hexid("v", path, n=64)}}}}
    return [request, response]

# ---------------------------------------------------------------- tickets, pages, Key Vault (REST exports)
JIRA = "https://examplecorp.atlassian.net"

def jira_time(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.000+0000")

def jira_user(email):
    acc = "5b10ac8d82e05b22cc7d" + hexid("jira", email, n=4)
    return {"self": f"{JIRA}/rest/api/2/user?accountId={acc}", "accountId": acc, "emailAddress": email,
            "displayName": email.split("@")[0].replace(".", " ").title(), "active": True,
            "timeZone": "Europe/Berlin", "accountType": "atlassian"}

def jira_issue(key, itype, label, created, summary, transitions):
    """An issue as GET /rest/api/2/search?expand=changelog returns it; transitions: (time, from, to, author)."""
    iid = str(10000 + int(hexid("jid", key, n=4), 16) % 90000)
    histories = [{"id": str(20000 + i), "author": jira_user(who), "created": jira_time(t),
                  "items": [{"field": "status", "fieldtype": "jira", "fieldId": "status", "from": "1000" + str(i),
                             "fromString": frm, "to": "1000" + str(i + 1), "toString": to}]}
                 for i, (t, frm, to, who) in enumerate(transitions)]
    last = transitions[-1] if transitions else (created, "", "Open", "")
    return {"expand": "operations,versionedRepresentations,editmeta,changelog,renderedFields", "id": iid,
            "self": f"{JIRA}/rest/api/2/issue/{iid}", "key": key,
            "fields": {"summary": summary,
                       "issuetype": {"self": f"{JIRA}/rest/api/2/issuetype/10005", "id": "10005", "name": itype,
                                     "subtask": False, "hierarchyLevel": 0},
                       "project": {"self": f"{JIRA}/rest/api/2/project/10010", "id": "10010", "key": key.split("-")[0],
                                   "name": "Security Operations", "projectTypeKey": "service_desk"},
                       "labels": [label] if label else [], "status": {"name": last[2], "id": "10002"},
                       "reporter": jira_user("ops-lead@example.com"), "created": jira_time(created),
                       "updated": jira_time(last[0])},
            "changelog": {"startAt": 0, "maxResults": len(histories), "total": len(histories), "histories": histories}}

PD = "https://examplecorp.pagerduty.com"

def pd_ref(kind, name, typ):
    rid = "P" + hexid("pd", kind, name, n=6).upper()
    path = {"service": "service-directory", "escalation_policy": "escalation_policies", "user": "users"}[kind]
    return {"id": rid, "type": typ, "summary": name, "self": f"https://api.pagerduty.com/{path}/{rid}",
            "html_url": f"{PD}/{path}/{rid}"}

def pd_entry(t, typ, incident, *, user=None, channel="sms", summary=""):
    """A log entry as GET /log_entries?include[]=incidents lists it; incident: (number, title, service, policy, t0)."""
    number, title, service, policy, t0 = incident
    iid = "Q" + hexid("pdinc", number, n=13).upper()
    eid = "R" + hexid("pdle", t, typ, user, number, n=13).upper()
    e = {"id": eid, "type": typ, "summary": summary, "self": f"https://api.pagerduty.com/log_entries/{eid}",
         "html_url": f"{PD}/incidents/{iid}/log_entries/{eid}", "created_at": iso(t),
         "agent": pd_ref("service", service, "service_reference"), "channel": {"type": channel},
         "service": pd_ref("service", service, "service_reference"),
         "incident": {"id": iid, "type": "incident", "summary": f"[#{number}] {title}", "self":
                      f"https://api.pagerduty.com/incidents/{iid}", "html_url": f"{PD}/incidents/{iid}",
                      "incident_number": number, "title": title, "created_at": iso(t0), "status": "triggered",
                      "urgency": "high", "service": pd_ref("service", service, "service_reference"),
                      "escalation_policy": pd_ref("escalation_policy", policy, "escalation_policy_reference"),
                      "assigned_via": "escalation_policy"},
         "teams": [], "contexts": []}
    if user:
        e["user"] = pd_ref("user", user, "user_reference")
    return e

def pd_page(t0, number, title, service, policy, person):
    """An incident triggered at t0 and the notification of its first responder through the escalation policy."""
    inc = (number, title, service, policy, t0)
    return [pd_entry(t0, "trigger_log_entry", inc, channel="api", summary="Triggered through the API"),
            pd_entry(t0, "notify_log_entry", inc, user=person, summary=f"Notified {person} by SMS")]

SNOW = "https://examplecorp.service-now.com/api/now/table"

def snow_pair(v, display=None):
    return {"display_value": v if display is None else display, "value": v}

def snow_approval(t, approver, state, number, ci, ctype="emergency", summary=""):
    """A sysapproval_approver row of the Table API with sysparm_display_value=all and dot-walked task fields."""
    uid_ = hexid("snowuser", approver)
    task = hexid("snowtask", number)
    ci_id = hexid("snowci", ci)
    tm = t.strftime("%Y-%m-%d %H:%M:%S")
    return {"sys_id": snow_pair(hexid("snowappr", number, approver)), "state": snow_pair(state, state.title()),
            "approver": {"display_value": approver.split("@")[0].title(), "link": f"{SNOW}/sys_user/{uid_}",
                         "value": uid_},
            "approver.email": snow_pair(approver), "source_table": snow_pair("change_request", "Change Request"),
            "sysapproval": {"display_value": number, "link": f"{SNOW}/task/{task}", "value": task},
            "sysapproval.number": snow_pair(number), "sysapproval.type": snow_pair(ctype, ctype.title()),
            "sysapproval.cmdb_ci": {"display_value": ci, "link": f"{SNOW}/cmdb_ci/{ci_id}", "value": ci_id},
            "sysapproval.short_description": snow_pair(summary),
            "sys_created_on": snow_pair(tm), "sys_updated_on": snow_pair(tm, tm)}

KV = "https://examplecorp-bg.vault.azure.net"

def kv(t, op, who, secret, *, result="Success", app=False):
    """A Key Vault AuditEvent as diagnostic settings write it."""
    version = hexid("kvver", secret, op, t, n=32)
    claim = {"oid": uid("kvoid", who), "appid": "04b07795-8ddb-461a-bbee-02f9e1bf7b46" if not app else uid("kvapp", who),
             "scp": "user_impersonation", "amr": "pwd mfa", "ipaddr": "203.0.113.45"}
    if not app:
        claim.update(upn=who, unique_name=who)
    return {"time": t.strftime("%Y-%m-%dT%H:%M:%S.") + "1234567Z",
            "resourceId": "/SUBSCRIPTIONS/0F3C2B1A-9E8D-4C7B-A6F5-1E2D3C4B5A69/RESOURCEGROUPS/SECURITY/PROVIDERS/"
                          "MICROSOFT.KEYVAULT/VAULTS/EXAMPLECORP-BG",
            "operationName": op, "operationVersion": "7.4", "category": "AuditEvent", "resultType": result,
            "resultSignature": "OK" if result == "Success" else "Forbidden", "resultDescription": "",
            "durationMs": "11", "callerIpAddress": "203.0.113.45", "correlationId": uid("kvcorr", t, who),
            "identity": {"claim": claim},
            "properties": {"id": f"{KV}/secrets/{secret}/{version}",
                           "clientInfo": "azsdk-python-keyvault-secrets/4.8.0 Python/3.11.9 (macOS-14.5-arm64)",
                           "httpStatusCode": 200 if result == "Success" else 403,
                           "requestUri": f"{KV}/secrets/{secret}/?api-version=7.4", "isAccessPolicyMatch": True,
                           "tlsVersion": "TLS1.3"}}

# ---------------------------------------------------------------- scenario
class Scenario:
    def __init__(self, name, description):
        self.name, self.description = name, description
        self.props = {}
        self.args = f"--from {FROM} --to {TO}"
        self.accounts = [aws_account()]
        self.approvers = ["secops-manager@example.com", "ciso@example.com"]
        self.policy = {"log-gap": "PT48H"}
        self.cloudtrail, self.okta, self.entra, self.vault = [], [], [], []
        self.evidence = []
        self.waivers = []
        self.ct_records = False
        self.late_days = set()
        self.jira, self.pagerduty, self.servicenow, self.keyvault = [], [], [], []
        self.csv = True
        self.evidence_map = []

    def ev(self, t, kind, actor="", incident="", recipient="", credential="", detail="", account="aws-breakglass"):
        self.evidence.append([t if isinstance(t, str) else iso(t), kind, account, actor, incident, recipient,
                              credential, detail])

def aws_account(id="aws-breakglass", user=BG, vault_path=None, quorum=2,
                custodians=("alice@example.com", "bob@example.com", "carol@example.com")):
    a = {"id": id, "description": "AWS management account break-glass IAM user",
         "identities": [("aws-cloudtrail", f"arn:aws:iam::{ACCT}:user/{user}")],
         "credentials": ["password", "mfa", "access-key"], "custodians": list(custodians),
         "quorum": quorum, "max-session": "PT4H"}
    if vault_path:
        a["sealed-secrets"] = [("vault-audit", vault_path)]
    return a

def sm_account(credential="password"):
    """The password shares are kept in AWS Secrets Manager; with credential, rotating either share's secret
    rotates the password."""
    a = aws_account()
    a["sealed-secrets"] = [("aws-cloudtrail", SM_ARN + "breakglass/aws/password-share-*", *([credential] if credential else []))]
    return a

def yaml_of(s):
    types = sorted({*(["aws-cloudtrail"] if s.cloudtrail else []),
                    *(["okta-system-log"] if s.okta else []), *(["entra-signin"] if s.entra else []),
                    *(["vault-audit"] if s.vault else []), *(["azure-keyvault"] if s.keyvault else []),
                    *(["evidence"] if s.csv else []), *(["jira"] if s.jira else []),
                    *(["servicenow"] if s.servicenow else []), *(["pagerduty"] if s.pagerduty else [])})
    paths = {"aws-cloudtrail": "logs/cloudtrail/*.json*", "okta-system-log": "logs/okta/*.json",
             "entra-signin": "logs/entra/signin/*.json", "vault-audit": "logs/vault/audit*.log",
             "azure-keyvault": "logs/keyvault/*.json", "evidence": "logs/evidence/*.csv",
             "jira": "logs/jira/*.json", "servicenow": "logs/servicenow/*.json", "pagerduty": "logs/pagerduty/*.json"}
    out = [f"# Scenario {s.name}: {s.description}", "organization: Scenario Corp", "timezone: UTC", "", "sources:"]
    for ty in [t for t in paths if t in types]:
        out.append(f"  - {{ type: {ty + ',':16} path: \"{paths[ty]}\" }}")
    out += ["", "accounts:"]
    for a in s.accounts:
        out.append(f"  - id: {a['id']}")
        out.append(f"    description: {a['description']}")
        out.append("    identities:")
        for src, m in a["identities"]:
            out.append(f"      - {{ source: {src}, match: \"{m}\" }}")
        if a.get("sealed-secrets"):
            out.append("    sealed-secrets:")
            for src, m, *cred in a["sealed-secrets"]:
                out.append(f"      - {{ source: {src}, match: \"{m}\"" + (f", credential: {cred[0]}" if cred else "") + " }")
        out.append(f"    credentials: [{', '.join(a['credentials'])}]")
        out.append(f"    custodians: [{', '.join(a['custodians'])}]")
        out.append(f"    quorum: {a['quorum']}")
        out.append(f"    max-session: {a['max-session']}")
    out += ["", f"approvers: [{', '.join(s.approvers)}]"]
    if s.evidence_map:
        out += ["", "evidence-map:"] + s.evidence_map
    out += ["", "policy:"]
    for k, v in s.policy.items():
        out.append(f"  {k}: {v}")
    if s.waivers:
        out += ["", "waivers:"] + [f"  - {{ {', '.join(f'{k}: {v}' for k, v in w.items())} }}" for w in s.waivers]
    return "\n".join(out) + "\n"

def write(s):
    d = os.path.join(ROOT, s.name)
    for sub in ("logs", "late"):
        shutil.rmtree(os.path.join(d, sub), ignore_errors=True)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "sealwatch.yaml"), "w") as f:
        f.write(yaml_of(s))
    props = [f"description={s.description}", f"args={s.args}"] + [f"{k}={v}" for k, v in s.props.items()]
    with open(os.path.join(d, "scenario.properties"), "w") as f:
        f.write("\n".join(props) + "\n")
    write_logs(os.path.join(d, "logs"), [] if s.ct_records else s.cloudtrail, s.okta, s.entra, s.vault,
               s.evidence if s.csv else None)
    write_exports(os.path.join(d, "logs"), s)
    if s.ct_records:
        days = {}
        for e in s.cloudtrail:
            days.setdefault(e["eventTime"][:10].replace("-", ""), []).append(e)
        for day, events in sorted(days.items()):
            folder = os.path.join(d, "late" if day in s.late_days else "logs", "cloudtrail")
            os.makedirs(folder, exist_ok=True)
            body = json.dumps({"Records": sorted(events, key=lambda e: e["eventTime"])}, separators=(",", ":"))
            name = f"{ACCT}_CloudTrail_us-east-1_{day}T2355Z_{hexid('file', s.name, day, n=16)}.json.gz"
            with open(os.path.join(folder, name), "wb") as f:
                f.write(gzip.compress(body.encode(), mtime=0))

def by_time(events, key):
    return sorted(events, key=key)

def write_logs(d, cloudtrail, okta_events, entra, vault_lines, evidence):
    def mk(sub):
        p = os.path.join(d, sub)
        os.makedirs(p, exist_ok=True)
        return p
    def jsonl(sub, name, events, key):
        # every JSON log is written the same way: compact, one event per line, in time order (only when non-empty)
        if events:
            with open(os.path.join(mk(sub), name), "w") as f:
                for e in by_time(events, key):
                    f.write(json.dumps(e, separators=(",", ":")) + "\n")
    # CloudTrail Lake export style: one event per line
    jsonl("cloudtrail", "cloudtrail-events.json", cloudtrail, lambda e: e["eventTime"])
    jsonl("okta", "system-log.json", okta_events, lambda e: e["published"])
    jsonl("entra/signin", "SignInLogs.json", entra, lambda e: e["time"])
    jsonl("vault", "audit.log", vault_lines, lambda e: (e["time"], e["type"] == "response"))
    if evidence is None:
        return
    with open(os.path.join(mk("evidence"), "evidence.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["time", "kind", "account", "actor", "incident", "recipient", "credential", "detail"])
        for row in sorted(evidence, key=lambda r: (r[0], r[1], r[2], r[3], r[5])):
            w.writerow(row)

def write_exports(d, s):
    """Tickets, pages and Key Vault logs, each one page of its REST export (or one diagnostic-settings blob)."""
    pages = [("jira", "search.json", {"expand": "schema,names", "startAt": 0, "maxResults": 50, "total": len(s.jira),
                                      "issues": sorted(s.jira, key=lambda i: i["key"])}),
             ("pagerduty", "log-entries.json", {"log_entries": sorted(s.pagerduty, key=lambda e: (e["created_at"], e["id"])),
                                                "limit": 100, "offset": 0, "more": False, "total": None}),
             ("servicenow", "sysapproval_approver.json",
              {"result": sorted(s.servicenow, key=lambda r: r["sys_updated_on"]["value"])}),
             ("keyvault", "PT1H.json", {"records": sorted(s.keyvault, key=lambda r: r["time"])})]
    for sub, name, body in pages:
        if body.get("issues") or body.get("log_entries") or body.get("result") or body.get("records"):
            os.makedirs(os.path.join(d, sub), exist_ok=True)
            with open(os.path.join(d, sub, name), "w") as f:
                f.write(json.dumps(body, indent=2) + "\n")

# ---------------------------------------------------------------- building blocks
M = lambda n: timedelta(minutes=n)
H = lambda n: timedelta(hours=n)
SEC = lambda n: timedelta(seconds=n)
S0 = T("2026-08-14T09:00:00Z")
INC = "INC-7001"

def program(s, account="aws-breakglass", drill="2026-07-20T14:00:00Z", review="2026-03-02T10:00:00Z"):
    if drill:
        s.ev(drill, "drill", "alice@example.com", detail="Quarterly drill: seal intact, runbook walked through", account=account)
    if review:
        s.ev(review, "review", "ciso@example.com", detail="Annual review of need: retained", account=account)

def ct_noise(s):
    times = ["2026-08-14T00:20:00Z", "2026-08-14T05:00:00Z", "2026-08-14T11:30:00Z", "2026-08-14T16:45:00Z",
             "2026-08-14T22:10:00Z", "2026-08-15T03:30:00Z", "2026-08-15T09:15:00Z", "2026-08-15T14:00:00Z",
             "2026-08-15T19:40:00Z", "2026-08-15T23:50:00Z"]
    names = ["DescribeInstances", "ListBuckets", "DescribeTrails", "GetCallerIdentity", "ListUsers"]
    for i, t in enumerate(times):
        user = "deploy-bot" if i % 2 else "alice"
        s.cloudtrail.append(api(T(t), user, names[i % len(names)]))
    s.cloudtrail.append(console_login(T("2026-08-14T08:02:00Z"), "alice", mfa="virtual"))
    s.cloudtrail.append(console_login(T("2026-08-15T08:05:00Z"), "bob", mfa="u2f"))

def aws_episode(s, start=S0, *, login="u2f", acts=(M(5), M(20), M(40)),
                custody=(("alice@example.com", -M(10), "password-share-1"), ("bob@example.com", -M(8), "mfa-key")),
                approvals=(("ciso@example.com", -M(5)),),
                notify=(("security-leadership", M(2)), ("engineering-leadership", M(2))),
                rotations=(("password", H(2), "ct"), ("mfa", H(2) + M(5), "ct"), ("access-key", H(2) + M(10), "evidence")),
                incident=INC, user=BG, account="aws-breakglass", custody_via="evidence", approve_via="evidence",
                notify_via="evidence"):
    """The compliant use of the AWS break-glass user; each argument is one knob a scenario turns."""
    s.cloudtrail.append(console_login(start, user, mfa=login))
    names = ["ListUsers", "DescribeInstances", "StopInstances", "DescribeTrails", "ListBuckets"]
    for i, d in enumerate(acts):
        s.cloudtrail.append(api(start + d, user, names[i % len(names)]))
    end = start + (acts[-1] if acts else timedelta())
    for who, d, share in custody:
        if custody_via == "vault":
            s.vault.extend(vault(start + d, who, f"secret/data/breakglass/aws/{share}"))
        elif custody_via == "secretsmanager":
            s.cloudtrail.append(secret_call(start + d, "GetSecretValue", who, share))
        elif custody_via == "keyvault":
            s.keyvault.append(kv(start + d, "SecretGet", who, share))
        else:
            s.ev(start + d, "custody", who, incident, credential=share, detail="Share released from the safe", account=account)
    for who, d in approvals:
        if approve_via == "jira":
            s.jira.append(jira_issue(JIRA_KEY, "Break-glass request", "bg-aws-root", start - M(20),
                                     "Break-glass: restore the SSO trust of the management account",
                                     [(start - M(15), "Open", "In Review", "ops-lead@example.com"),
                                      (start + d, "In Review", "Approved", who),
                                      (end + H(3), "Approved", "Done", "ops-lead@example.com")]))
        elif approve_via == "servicenow":
            s.servicenow.append(snow_approval(start + d, who, "approved", SNOW_CHG, "AWS root break-glass",
                                              summary="Emergency access to the AWS root account"))
        else:
            s.ev(start + d, "approval", who, incident, detail="Approved in the incident channel", account=account)
    for i, (group, d) in enumerate(notify):
        if notify_via == "pagerduty":
            s.pagerduty += pd_page(start + d, 4211 + i, "Break-glass use of the AWS management account",
                                   PD_SERVICE, POLICIES.get(group, group), ("Dana Fox", "Lee Park")[i % 2])
        else:
            s.ev(start + d, "notification", "pagerduty", incident, group, detail="Break-glass use alert", account=account)
    for cred, d, how in rotations:
        t = end + d
        if how == "ct" and cred == "password":
            s.cloudtrail.append(iam_on(t, "alice", "UpdateLoginProfile", user, {"passwordResetRequired": False}))
        elif how == "kv":
            s.keyvault.append(kv(t, "SecretSet", "alice@example.com", f"aws-{cred}-share-1"))
        elif how == "ct-key":
            s.cloudtrail.append(delete_key(t, "alice", OLD_KEY, user))
        elif how == "sm":
            s.cloudtrail.append(secret_call(t, "RotateSecret", "alice@example.com", f"breakglass/aws/{cred}-share-1",
                                            {"clientRequestToken": uid("rotate", t), "rotateImmediately": True}))
        elif how == "ct" and cred == "mfa":
            s.cloudtrail.append(iam_on(t, "alice", "EnableMFADevice", user,
                                       {"serialNumber": f"arn:aws:iam::{ACCT}:u2f/user/{user}/yubikey-NEW"}))
        else:
            s.ev(t, "rotation", "bob@example.com", incident, credential=cred, detail="Rotated after use", account=account)
    return end

JIRA_KEY = "SEC-4211"
SNOW_CHG = "CHG0030042"
PD_SERVICE = "Break-glass: AWS root"
POLICIES = {"security-leadership": "Security Leadership", "engineering-leadership": "Engineering Leadership"}
OLD_KEY = "AKIA" + hexid("oldkey", n=16).upper()

def aws_scenario(name, desc, props, **knobs):
    s = Scenario(name, desc)
    s.props.update(props)
    program(s)
    ct_noise(s)
    aws_episode(s, **knobs)
    return s

def entra_scenario(name, desc, props, issuer="AzureAD", noise_issuer="ADFederationServices"):
    s = Scenario(name, desc)
    s.props.update(props)
    s.accounts = [{"id": "entra-breakglass", "description": "Entra ID emergency access account",
                   "identities": [("entra-signin", ENTRA_BG)], "credentials": ["password", "mfa"],
                   "custodians": ["alice@example.com", "bob@example.com", "carol@example.com"],
                   "quorum": 2, "max-session": "PT4H"}]
    program(s, "entra-breakglass")
    acc = "entra-breakglass"
    for t in ["2026-08-14T01:10:00Z", "2026-08-14T08:58:00Z", "2026-08-14T17:30:00Z", "2026-08-15T07:45:00Z",
              "2026-08-15T16:20:00Z", "2026-08-15T23:05:00Z"]:
        s.entra.append(entra_signin(T(t), "jane.doe@examplecorp.com", method="Mobile app notification",
                                    issuer=noise_issuer, app="Office 365 Exchange Online"))
    s.entra.append(entra_signin(S0, ENTRA_BG, issuer=issuer))
    s.entra.append(entra_signin(S0 + M(25), ENTRA_BG, issuer=issuer, app="Microsoft Entra admin center"))
    end = S0 + M(25)
    s.ev(S0 - M(12), "custody", "alice@example.com", INC, credential="password-share-1", account=acc)
    s.ev(S0 - M(9), "custody", "carol@example.com", INC, credential="fido2-key", account=acc)
    s.ev(S0 - M(4), "approval", "secops-manager@example.com", INC, detail="Approved: tenant-wide CA lockout", account=acc)
    s.ev(S0 + M(1), "notification", "sentinel-playbook", INC, "security-leadership", account=acc)
    s.ev(S0 + M(1), "notification", "sentinel-playbook", INC, "engineering-leadership", account=acc)
    s.ev(end + H(3), "rotation", "alice@example.com", INC, credential="password", account=acc)
    s.ev(end + H(3), "rotation", "alice@example.com", INC, credential="mfa", detail="FIDO2 key re-registered", account=acc)
    return s

def program_only(name, desc, props, drill="2026-07-20T14:00:00Z", review="2026-03-02T10:00:00Z"):
    s = Scenario(name, desc)
    s.props.update(props)
    program(s, drill=drill, review=review)
    ct_noise(s)
    return s

# ---------------------------------------------------------------- the scenarios
def expects(kind, rule, exit, episodes=None, **more):
    """A scenario's expectations: `kind` is "fires" or "near-miss"; one builder, so both keep one key order."""
    p = {"exit": exit, kind: rule}
    if episodes is not None:
        p["episodes"] = episodes
    p.update(more)
    return p

def fires(rule, exit, episodes=None, **more):
    return expects("fires", rule, exit, episodes, **more)

def near(rule, exit, episodes=None, **more):
    return expects("near-miss", rule, exit, episodes, **more)

SC = []
A = SC.append

A(aws_scenario("approval-missing-fires", "the only approval came 1 s after the approval grace: not attached",
               fires("BG-APPROVAL-MISSING", 1, 1), approvals=(("ciso@example.com", M(15) + SEC(1)),)))
A(aws_scenario("approval-missing-near-miss", "approval exactly at start + approval-grace: attached, late",
               near("BG-APPROVAL-MISSING", 0, 1), approvals=(("ciso@example.com", M(15)),)))
A(aws_scenario("approval-missing-near-miss-window", "approval exactly approval-window before the start: attached, in time",
               near("BG-APPROVAL-MISSING", 0, 1), approvals=(("ciso@example.com", -H(4)),)))
A(aws_scenario("approval-late-fires", "the only approval came 1 s after the first activity",
               fires("BG-APPROVAL-LATE", 0, 1), approvals=(("ciso@example.com", SEC(1)),)))
A(aws_scenario("approval-late-near-miss", "approval at the very second of the first activity: not late",
               near("BG-APPROVAL-LATE", 0, 1), approvals=(("ciso@example.com", timedelta()),)))
s = aws_scenario("approver-unauthorized-fires", "approved by the on-call lead, who is not a configured approver",
                 fires("BG-APPROVER-UNAUTHORIZED", 0, 1), approvals=(("ops-lead@example.com", -M(5)),))
A(s)
s = aws_scenario("approver-unauthorized-near-miss", "the approver is configured in other letter case",
                 near("BG-APPROVER-UNAUTHORIZED", 0, 1))
s.approvers = ["secops-manager@example.com", "CISO@Example.com"]
A(s)
s = aws_scenario("self-approval-fires", "alice, an approver and custodian, released a share and approved the use",
                 fires("BG-SELF-APPROVAL", 1, 1), approvals=(("alice@example.com", -M(5)),))
s.approvers = ["secops-manager@example.com", "alice@example.com"]
A(s)
s = aws_scenario("self-approval-near-miss", "alice approved; her share was released 1 s before the custody window",
                 near("BG-SELF-APPROVAL", 0, 1), approvals=(("alice@example.com", -M(5)),),
                 custody=(("alice@example.com", -H(4) - SEC(1), "password-share-1"),
                          ("bob@example.com", -M(8), "mfa-key"), ("carol@example.com", -M(7), "password-share-2")))
s.approvers = ["secops-manager@example.com", "alice@example.com"]
A(s)
A(aws_scenario("no-incident-fires", "no evidence of the use names an incident",
               fires("BG-NO-INCIDENT", 0, 1), incident=""))
s = aws_scenario("no-incident-near-miss", "only a second page, exactly approval-grace after the start, names the incident",
                 near("BG-NO-INCIDENT", 0, 1), incident="")
s.ev(S0 + M(15), "notification", "pagerduty", INC, "security-leadership", detail="Break-glass use alert, incident linked")
A(s)
s = aws_scenario("no-incident-named-after-grace",
                 "only the access-key rotation record, hours after the start, names the incident: too late to count",
                 fires("BG-NO-INCIDENT", 0, 1), incident="", rotations=(("password", H(2), "ct"), ("mfa", H(2) + M(5), "ct")))
s.ev(S0 + M(40) + H(2) + M(10), "rotation", "bob@example.com", INC, credential="access-key", detail="Rotated after use")
A(s)
A(aws_scenario("quorum-not-met-fires", "alice alone released both shares",
               fires("BG-QUORUM-NOT-MET", 0, 1),
               custody=(("alice@example.com", -M(10), "password-share-1"), ("alice@example.com", -M(8), "mfa-key"))))
A(aws_scenario("quorum-not-met-near-miss", "the second custodian released exactly custody-window before the start",
               near("BG-QUORUM-NOT-MET", 0, 1),
               custody=(("alice@example.com", -M(10), "password-share-1"), ("bob@example.com", -H(4), "mfa-key"))))

def with_vault(s):
    s.accounts = [aws_account(vault_path="secret/data/breakglass/aws/*")]
    for t, who, path in [("2026-08-14T02:00:00Z", "app-payments", "secret/data/app/payments/db"),
                         ("2026-08-14T14:30:00Z", "app-payments", "secret/data/app/payments/db"),
                         ("2026-08-15T02:00:00Z", "app-payments", "secret/data/app/payments/db"),
                         ("2026-08-15T20:15:00Z", "dave@example.com", "secret/data/team/dave/notes")]:
        s.vault.extend(vault(T(t), who, path))
    return s

A(with_vault(aws_scenario("custodian-unknown-fires", "dave, not a custodian, read a sealed share from Vault",
                          fires("BG-CUSTODIAN-UNKNOWN", 0, 1), custody_via="vault",
                          custody=(("alice@example.com", -M(10), "password-share-1"),
                                   ("bob@example.com", -M(8), "mfa-key"), ("dave@example.com", -M(6), "password-share-2")))))
s = with_vault(aws_scenario("custodian-unknown-near-miss",
                            "carol is known to Vault only by her display name; dave read only his own path",
                            near("BG-CUSTODIAN-UNKNOWN", 0, 1), custody_via="vault",
                            custody=(("alice@example.com", -M(10), "password-share-1"),)))
s.vault.extend(vault(S0 - M(7), "carol@example.com", "secret/data/breakglass/aws/mfa-key",
                     display="oidc-Carol@Example.com", meta=False))
A(s)
A(aws_scenario("mfa-weak-fires", "the console sign-in used a virtual (TOTP) MFA device", fires("BG-MFA-WEAK", 0, 1), login="virtual"))
A(aws_scenario("mfa-weak-near-miss", "the console sign-in used a hardware OTP token (serial number)",
               near("BG-MFA-WEAK", 0, 1), login="hardware"))
A(entra_scenario("sso-dependent-fires", "the Entra emergency account signed in through AD FS federation",
                 fires("BG-SSO-DEPENDENT", 0, 1), issuer="ADFederationServices"))
A(entra_scenario("sso-dependent-near-miss", "cloud-only sign-in of the emergency account while a federated user signs in",
                 near("BG-SSO-DEPENDENT", 0, 1)))
A(aws_scenario("ttl-exceeded-fires", "activity for 4 h 1 s", fires("BG-TTL-EXCEEDED", 0, 1),
               acts=(H(1), H(2), H(3), H(3) + M(30), H(4) + SEC(1))))
A(aws_scenario("ttl-exceeded-near-miss", "activity exactly episode-gap apart, exactly max-session long",
               near("BG-TTL-EXCEEDED", 0, 1), acts=(H(1), H(2), H(3), H(4))))
def settling(s):
    """settle-after PT12H: an episode of 14 August settles on the 15th, inside the two-day period."""
    s.policy = {**s.policy, "settle-after": "PT12H"}
    return s

A(settling(aws_scenario("notify-missing-fires", "engineering leadership was paged 61 s before the start (another event)",
                        fires("BG-NOTIFY-MISSING", 1, 1),
                        notify=(("security-leadership", M(2)), ("engineering-leadership", -SEC(61))))))
A(settling(aws_scenario("notify-missing-near-miss",
                        "engineering leadership was paged 60 s before the start (clock skew allowance)",
                        near("BG-NOTIFY-MISSING", 0, 1),
                        notify=(("security-leadership", M(2)), ("engineering-leadership", -SEC(60))))))
A(aws_scenario("notify-late-fires", "engineering leadership was notified 15 min 1 s after the start",
               fires("BG-NOTIFY-LATE", 0, 1),
               notify=(("security-leadership", M(2)), ("engineering-leadership", M(15) + SEC(1)))))
A(aws_scenario("notify-late-near-miss", "engineering leadership was notified exactly notify-within after the start",
               near("BG-NOTIFY-LATE", 0, 1),
               notify=(("security-leadership", M(2)), ("engineering-leadership", M(15)))))
ROT_NO_MFA = (("password", H(2), "ct"), ("access-key", H(2) + M(10), "evidence"))
A(settling(aws_scenario("rotation-incomplete-fires", "mfa not rotated; the episode settled 1 s before the period end",
                        fires("BG-ROTATION-INCOMPLETE", 1, 1, states="settled"), start=T("2026-08-14T11:19:59Z"),
                        rotations=ROT_NO_MFA)))
A(settling(aws_scenario("rotation-incomplete-near-miss",
                        "mfa not rotated yet; the episode settles exactly at the period end (open, rotation owed)",
                        near("BG-ROTATION-INCOMPLETE", 0, 1, states="open"), start=T("2026-08-14T11:20:00Z"),
                        rotations=ROT_NO_MFA)))
A(aws_scenario("rotation-late-fires", "mfa rotated 1 s after its deadline", fires("BG-ROTATION-LATE", 0, 1),
               rotations=(("password", H(2), "ct"), ("mfa", H(24) + SEC(1), "ct"), ("access-key", H(2) + M(10), "evidence"))))
A(aws_scenario("rotation-late-near-miss", "mfa rotated exactly at its deadline", near("BG-ROTATION-LATE", 0, 1),
               rotations=(("password", H(2), "ct"), ("mfa", H(24), "ct"), ("access-key", H(2) + M(10), "evidence"))))
KEY = "AKIA" + hexid("newkey", n=16).upper()
s = settling(aws_scenario("standing-access-fires",
                          "the break-glass user created itself an access key that was never deleted",
                          fires("BG-STANDING-ACCESS", 1, 1)))
s.cloudtrail.append(create_key(S0 + M(30), BG, KEY))
A(s)
s = settling(aws_scenario("standing-access-near-miss",
                          "the access key created during the use was deleted late, 1 s before the episode settled",
                          near("BG-STANDING-ACCESS", 0, 1)))
s.cloudtrail.append(create_key(S0 + M(30), BG, KEY))
s.cloudtrail.append(delete_key(S0 + M(40) + H(24) + H(12) - SEC(1), "alice", KEY))
A(s)
s = program_only("failed-login-fires", "two failed console sign-ins of the break-glass user, no use",
                 fires("BG-FAILED-LOGIN", 0, 0))
s.cloudtrail += [console_login(S0, BG, mfa=None, ok=False), console_login(S0 + M(1), BG, mfa=None, ok=False)]
A(s)
s = program_only("failed-login-near-miss", "a look-alike user fails in the period; the break-glass user 1 s before it",
                 near("BG-FAILED-LOGIN", 0, 0))
s.cloudtrail += [console_login(S0, BG + "2", mfa=None, ok=False),
                 console_login(T("2026-08-13T23:59:59Z"), BG, mfa=None, ok=False)]
A(s)
A(program_only("drill-overdue-fires", "the last drill was 3 months and 1 s before the period end",
               fires("BG-DRILL-OVERDUE", 0, 0), drill="2026-05-15T23:59:59Z"))
A(program_only("drill-overdue-near-miss", "the last drill was exactly drill-every before the period end",
               near("BG-DRILL-OVERDUE", 0, 0), drill="2026-05-16T00:00:00Z"))
A(program_only("review-overdue-fires", "the last review was 1 year and 1 s before the period end",
               fires("BG-REVIEW-OVERDUE", 0, 0), review="2025-08-15T23:59:59Z"))
A(program_only("review-overdue-near-miss", "the last review was exactly review-every before the period end",
               near("BG-REVIEW-OVERDUE", 0, 0), review="2025-08-16T00:00:00Z"))

def okta_gap(name, desc, props, second):
    s = program_only(name, desc, props)
    s.policy = {"log-gap": "PT24H"}
    s.okta += [okta(T("2026-08-14T12:00:00Z"), "user.session.start", "jane.doe@example.com", factor="OKTA_VERIFY_PUSH"),
               okta(T(second), "user.session.start", "jane.doe@example.com", factor="OKTA_VERIFY_PUSH")]
    return s

A(okta_gap("log-gap-fires", "the Okta log is silent for 24 h 1 s", fires("BG-LOG-GAP", 0, 0), "2026-08-15T12:00:01Z"))
A(okta_gap("log-gap-near-miss", "the Okta log is silent for exactly log-gap", near("BG-LOG-GAP", 0, 0), "2026-08-15T12:00:00Z"))

def waived_gap(name, desc, until):
    """The Okta gap of log-gap-fires under a waiver by source type: reported either way, accepted while it runs."""
    s = okta_gap(name, desc, fires("BG-LOG-GAP", 0, 0), "2026-08-15T12:00:01Z")
    s.waivers = [{"rule": "BG-LOG-GAP", "source": "okta-system-log", "until": until,
                  "reason": '"Okta log streaming moved to a new collector"', "approved-by": "ciso@example.com"}]
    return s

A(waived_gap("log-gap-waived-by-source", "the Okta log is silent for 24 h 1 s under a waiver for the okta-system-log "
             "source until the end of the year: the gap is reported and accepted", "2026-12-31"))
A(waived_gap("log-gap-waiver-expired", "the same gap; the waiver for the source expired the day before the period",
             "2026-08-13"))

# ---------------------------------------------------------------- compliant, multi-source
def okta_account():
    return {"id": "okta-breakglass", "description": "Okta super-admin break-glass account",
            "identities": [("okta-system-log", OKTA_BG)], "credentials": ["password", "mfa"],
            "custodians": ["alice@example.com", "bob@example.com", "carol@example.com"],
            "quorum": 2, "max-session": "PT2H"}

def entra_account():
    return {"id": "entra-breakglass", "description": "Entra ID emergency access account",
            "identities": [("entra-signin", ENTRA_BG)], "credentials": ["password", "mfa"],
            "custodians": ["alice@example.com", "bob@example.com", "carol@example.com"],
            "quorum": 2, "max-session": "PT4H"}

def evidence_around(s, account, start, end, inc, custodians=("bob@example.com", "carol@example.com")):
    for i, who in enumerate(custodians):
        s.ev(start - M(15 - i), "custody", who, inc, credential=f"share-{i + 1}", account=account)
    s.ev(start - M(6), "approval", "ciso@example.com", inc, detail="Approved in the incident bridge", account=account)
    s.ev(start + M(3), "notification", "pagerduty", inc, "security-leadership", account=account)
    s.ev(start + M(3), "notification", "pagerduty", inc, "engineering-leadership", account=account)

def compliant():
    s = Scenario("compliant-multi-source", "three accounts used correctly across CloudTrail, Okta, Entra, Vault and evidence")
    s.props.update({"exit": 0, "compliant": "true", "episodes": 3})
    s.ct_records = True
    s.accounts = [aws_account(vault_path="secret/data/breakglass/aws/*"), okta_account(), entra_account()]
    for acc in ("aws-breakglass", "okta-breakglass", "entra-breakglass"):
        program(s, acc)
    ct_noise(s)
    aws_episode(s, custody_via="vault")
    for t in ["2026-08-14T02:00:00Z", "2026-08-14T14:30:00Z", "2026-08-15T02:00:00Z", "2026-08-15T20:15:00Z"]:
        s.vault.extend(vault(T(t), "app-payments", "secret/data/app/payments/db", display="approle"))
    # Okta: the super-admin account, 14:00-14:40
    o = T("2026-08-14T14:00:00Z")
    s.okta += [okta(o, "user.authentication.auth_via_mfa", OKTA_BG, factor="FIDO_WEBAUTHN",
                    msg="Authentication of user via MFA"),
               okta(o + M(2), "user.session.access_admin_app", OKTA_BG, msg="User accessing Okta admin app"),
               okta(o + M(15), "user.account.unlock", OKTA_BG, targets=["jane.doe@example.com"], msg="Unlock user account"),
               okta(o + M(40), "policy.lifecycle.update", OKTA_BG, msg="Update policy")]
    s.okta += [okta(o + M(40) + H(1), "user.account.reset_password", "alice@example.com", targets=[OKTA_BG],
                    msg="Fired when the user's Okta password is reset"),
               okta(o + M(40) + H(1) + M(3), "user.mfa.factor.reset_all", "alice@example.com", targets=[OKTA_BG],
                    msg="Reset all factors for user")]
    for t in ["2026-08-14T00:40:00Z", "2026-08-14T07:10:00Z", "2026-08-14T19:00:00Z", "2026-08-15T06:30:00Z",
              "2026-08-15T13:45:00Z", "2026-08-15T22:30:00Z"]:
        s.okta.append(okta(T(t), "user.session.start", "jane.doe@example.com", factor="OKTA_VERIFY_PUSH",
                           msg="User login to Okta"))
    evidence_around(s, "okta-breakglass", o, o + M(40), "INC-7002")
    # Entra: the emergency access account, next morning
    e = T("2026-08-15T06:00:00Z")
    s.entra += [entra_signin(e, ENTRA_BG), entra_signin(e + M(25), ENTRA_BG, app="Microsoft Entra admin center")]
    for t in ["2026-08-14T01:10:00Z", "2026-08-14T08:58:00Z", "2026-08-14T17:30:00Z", "2026-08-15T07:45:00Z",
              "2026-08-15T16:20:00Z", "2026-08-15T23:05:00Z"]:
        s.entra.append(entra_signin(T(t), "jane.doe@examplecorp.com", method="Mobile app notification",
                                    issuer="ADFederationServices", app="Office 365 Exchange Online"))
    evidence_around(s, "entra-breakglass", e, e + M(25), "INC-7003", ("alice@example.com", "carol@example.com"))
    for cred in ("password", "mfa"):
        s.ev(e + M(25) + H(3), "rotation", "alice@example.com", "INC-7003", credential=cred, account="entra-breakglass")
    return s

A(compliant())

# ---------------------------------------------------------------- edge cases
s = aws_scenario("edge-episode-crosses-period-end",
                 "starts 30 min before --to (midnight) and goes on for 4 h 30 min after it: judged as of --to",
                 {"exit": 0, "compliant": "true", "episodes": 1}, start=T("2026-08-15T23:30:00Z"),
                 acts=(M(15), M(29), M(40), M(90), M(140), M(190), M(240), M(270)))
A(s)
s = aws_scenario("edge-two-accounts-at-once", "two break-glass users in use at the same time; only the second lacks approval",
                 fires("BG-APPROVAL-MISSING", 1, 2))
s.accounts.append(aws_account("aws-breakglass-eu", user=BG + "-eu"))
program(s, "aws-breakglass-eu")
aws_episode(s, S0 + M(10), user=BG + "-eu", account="aws-breakglass-eu", incident="INC-7010", approvals=(),
            custody=(("carol@example.com", -M(9), "eu-password-share"), ("bob@example.com", -M(7), "eu-mfa-key")))
A(s)
A(aws_scenario("edge-approval-five-minutes-late", "approved 5 min after the first activity: late, not missing",
               fires("BG-APPROVAL-LATE", 0, 1, **{"near-miss": "BG-APPROVAL-MISSING"}), approvals=(("ciso@example.com", M(5)),)))
s = aws_scenario("edge-self-rotation-at-end",
                 "exactly max-session of use, then the break-glass user rotates its own credentials as its last acts",
                 {"exit": 0, "compliant": "true", "episodes": 1}, acts=(H(1), H(2), H(3), H(4)), rotations=())
E = S0 + H(4)
s.cloudtrail += [ct(E + SEC(30), "ChangePassword", BG, "iam.amazonaws.com", req=None),
                 ct(E + SEC(60), "EnableMFADevice", BG, "iam.amazonaws.com",
                    req={"userName": BG, "serialNumber": f"arn:aws:iam::{ACCT}:u2f/user/{BG}/yubikey-NEW"}),
                 ct(E + SEC(90), "DeleteAccessKey", BG, "iam.amazonaws.com",
                    req={"accessKeyId": "AKIA" + hexid("oldkey", n=16).upper()})]
A(s)
s = with_vault(aws_scenario("edge-clock-skew",
                            "the pager's clock runs 5 s ahead of CloudTrail: notified and approved seconds 'before' the sign-in",
                            {"exit": 0, "compliant": "true", "episodes": 1}, custody_via="vault",
                            approvals=(("ciso@example.com", -SEC(3)),),
                            notify=(("security-leadership", -SEC(5)), ("engineering-leadership", -SEC(4)))))
A(s)
s = aws_scenario("edge-late-log",
                 "the CloudTrail file of 15 August (with the rotations) is delivered a day late",
                 {"exit": 0, "compliant": "true", "episodes": 1, "late": "late",
                  "late-exit": 0, "late-fires": "BG-LOG-GAP"},
                 rotations=(("password", H(22), "ct"), ("mfa", H(22) + M(5), "ct"), ("access-key", H(2) + M(10), "evidence")))
s.ct_records = True
s.late_days = {"20260815"}
s.policy = {"log-gap": "PT24H"}
A(s)

# ---------------------------------------------------------------- secret stores: AWS Secrets Manager
SHARE_1 = "breakglass/aws/password-share-1"
SHARE_2 = SM_ARN + "breakglass/aws/password-share-2-" + hexid("share2", n=6)
SM_ROTATIONS = (("password", H(2), "sm"), ("mfa", H(2) + M(5), "ct"), ("access-key", H(2) + M(10), "evidence"))

def secrets_manager(name, desc, props, custody, credential="password"):
    """The password's two shares live in Secrets Manager: custodians read them through their SSO sessions
    (one by name, one by ARN) and alice rotates the password with RotateSecret; no custody or password
    rotation in the evidence. settle-after PT12H: the episode settles in the period, so the rotation is judged."""
    s = settling(aws_scenario(name, desc, props, custody_via="secretsmanager", custody=custody, rotations=SM_ROTATIONS))
    s.accounts = [sm_account(credential)]
    for t, secret in [("2026-08-14T03:00:00Z", "app/payments/db"), ("2026-08-15T03:00:00Z", "app/payments/db")]:
        s.cloudtrail.append(ct(T(t), "GetSecretValue", "deploy-bot", "secretsmanager.amazonaws.com",
                               req={"secretId": secret}, read_only=True))
    return s

A(secrets_manager("secrets-manager-custody-compliant",
                  "alice and bob read the two password shares from Secrets Manager through their SSO sessions, "
                  "alice rotates the password with RotateSecret: quorum met, rotation counted, no finding",
                  {"exit": 0, "compliant": "true", "episodes": 1, "states": "settled",
                   "near-miss": "BG-QUORUM-NOT-MET,BG-ROTATION-INCOMPLETE,BG-ACCOUNT-CHANGED"},
                  (("alice@example.com", -M(10), SHARE_1), ("bob@example.com", -M(8), SHARE_2))))
A(secrets_manager("secrets-manager-quorum-not-met-fires",
                  "alice alone read both password shares from Secrets Manager",
                  fires("BG-QUORUM-NOT-MET", 0, 1),
                  (("alice@example.com", -M(10), SHARE_1), ("alice@example.com", -M(8), SHARE_2))))
A(secrets_manager("secrets-manager-rotation-incomplete-fires",
                  "the sealed-secrets entry does not say the shares hold the password: the RotateSecret of a share "
                  "counts for no credential and the password is still owed at settlement",
                  fires("BG-ROTATION-INCOMPLETE", 1, 1, states="settled"),
                  (("alice@example.com", -M(10), SHARE_1), ("bob@example.com", -M(8), SHARE_2)), credential=None))

# ---------------------------------------------------------------- process evidence from where it happens
NATIVE_MAP = ['  jira:', '    accounts: { bg-aws-root: aws-breakglass }', '    approved: [Approved, Done]',
              '    kinds: { Change: change, "Seal drill": drill, "Access review": review }',
              '  pagerduty:', f'    accounts: {{ "{PD_SERVICE}": aws-breakglass }}',
              '    recipients: { "Security Leadership": security-leadership, "Engineering Leadership": engineering-leadership }']
NATIVE_ROTATIONS = (("password", H(2), "sm"), ("mfa", H(2) + M(5), "ct"), ("access-key", H(2) + M(10), "ct-key"))

def native_noise(s):
    """Tickets and pages of other systems in the same exports: read, tied to no account, not relevant."""
    s.jira.append(jira_issue("OPS-977", "Task", "checkout", T("2026-08-14T07:00:00Z"), "Rotate the checkout TLS certificate",
                             [(T("2026-08-14T07:30:00Z"), "Open", "Approved", "ciso@example.com")]))
    s.pagerduty += pd_page(T("2026-08-15T03:12:00Z"), 4190, "Checkout API latency above SLO", "Checkout API",
                           "Ops On-Call", "Sam Reyes")

def native(name, desc, props, custody, *, csv=False, **knobs):
    """The compliant AWS use with every piece of process evidence where it happens: the approval a Jira transition,
    custody two Secrets Manager reads, the pages PagerDuty notify entries, the rotations RotateSecret, EnableMFADevice
    and DeleteAccessKey in CloudTrail; without csv, the drill and the review of need are Jira tickets too.
    settle-after PT12H: the episode settles in the period, so notifications and rotations are judged."""
    s = Scenario(name, desc)
    s.props.update(props)
    s.csv = csv
    s.accounts = [sm_account()]
    s.evidence_map = list(NATIVE_MAP)
    settling(s)
    if csv:
        program(s)
    else:
        s.jira.append(jira_issue("SEC-4102", "Seal drill", "bg-aws-root", T("2026-07-20T09:00:00Z"),
                                 "Quarterly drill of the AWS root seal",
                                 [(T("2026-07-20T14:00:00Z"), "In Progress", "Done", "alice@example.com")]))
        s.jira.append(jira_issue("SEC-3990", "Access review", "bg-aws-root", T("2026-02-20T09:00:00Z"),
                                 "Annual review of need: AWS root break-glass",
                                 [(T("2026-03-02T10:00:00Z"), "In Review", "Done", "ciso@example.com")]))
    ct_noise(s)
    native_noise(s)
    knobs.setdefault("approve_via", "jira")
    knobs.setdefault("notify_via", "pagerduty")
    knobs.setdefault("rotations", NATIVE_ROTATIONS)
    knobs.setdefault("custody_via", "secretsmanager")
    aws_episode(s, custody=custody, **knobs)
    return s

NATIVE_CUSTODY = (("alice@example.com", -M(10), SHARE_1), ("bob@example.com", -M(8), SHARE_2))
NATIVE_NEAR = "BG-APPROVAL-MISSING,BG-QUORUM-NOT-MET,BG-NOTIFY-MISSING,BG-ROTATION-INCOMPLETE,BG-NO-INCIDENT," \
              "BG-ACCOUNT-CHANGED,BG-DRILL-OVERDUE,BG-REVIEW-OVERDUE"
A(native("native-no-csv-compliant",
         "no evidence CSV at all: approval a Jira transition, custody two Secrets Manager reads, both groups paged "
         "through PagerDuty, rotations in CloudTrail, drill and review Jira tickets: no finding",
         {"exit": 0, "compliant": "true", "episodes": 1, "states": "settled", "near-miss": NATIVE_NEAR},
         NATIVE_CUSTODY))
A(native("native-quorum-not-met-fires", "no CSV; alice alone read both password shares from Secrets Manager",
         fires("BG-QUORUM-NOT-MET", 0, 1), (("alice@example.com", -M(10), SHARE_1), ("alice@example.com", -M(8), SHARE_2))))
A(native("native-notify-wrong-policy-fires",
         "no CSV; engineering leadership's page went to the Ops On-Call escalation policy, which stands for no group",
         fires("BG-NOTIFY-MISSING", 1, 1), NATIVE_CUSTODY,
         notify=(("security-leadership", M(2)), ("Ops On-Call", M(2)))))
A(native("native-approval-after-grace-fires",
         "no CSV; the Jira ticket moved to Approved 1 s after the approval grace: no approval of the use",
         fires("BG-APPROVAL-MISSING", 1, 1), NATIVE_CUSTODY, approvals=(("ciso@example.com", M(15) + SEC(1)),)))
A(native("native-approval-at-grace-near-miss",
         "no CSV; the Jira ticket moved to Approved exactly approval-grace after the start: late, not missing",
         near("BG-APPROVAL-MISSING", 0, 1, fires="BG-APPROVAL-LATE"), NATIVE_CUSTODY,
         approvals=(("ciso@example.com", M(15)),)))

def keyvault_servicenow(name, desc, props, custody):
    """The password's shares in Azure Key Vault, the use approved on a ServiceNow emergency change, pages from
    PagerDuty; drill and review from the CSV."""
    s = native(name, desc, props, custody, csv=True, custody_via="keyvault", approve_via="servicenow",
               rotations=(("password", H(2), "kv"),) + NATIVE_ROTATIONS[1:])
    s.accounts[0]["sealed-secrets"] = [("azure-keyvault", f"{KV}/secrets/aws-password-share-*", "password")]
    s.jira = []   # no tickets in Jira here: the drill and the review are in the CSV
    s.evidence_map = NATIVE_MAP[4:] + ['  servicenow:', '    accounts: { "AWS root break-glass": aws-breakglass }']
    s.servicenow.append(snow_approval(T("2026-08-15T10:00:00Z"), "ciso@example.com", "approved", "CHG0030050",
                                      "Checkout API", "normal", "Scale the checkout fleet"))
    s.keyvault += [kv(T(t), "SecretGet", "payments-api", "payments-db-password", app=True)
                   for t in ("2026-08-14T02:00:00Z", "2026-08-14T14:00:00Z", "2026-08-15T02:00:00Z")]
    return s

A(keyvault_servicenow("native-keyvault-servicenow-compliant",
                      "the password shares read from Azure Key Vault by alice and bob and rotated there (SecretSet), "
                      "the use approved on a ServiceNow emergency change, both groups paged through PagerDuty: no finding",
                      {"exit": 0, "compliant": "true", "episodes": 1, "states": "settled",
                       "near-miss": "BG-APPROVAL-MISSING,BG-QUORUM-NOT-MET,BG-ROTATION-INCOMPLETE,BG-CUSTODIAN-UNKNOWN"},
                      (("alice@example.com", -M(10), "aws-password-share-1"),
                       ("bob@example.com", -M(8), "aws-password-share-2"))))

# ---------------------------------------------------------------- between uses
CHANGED = T("2026-08-15T14:00:00Z")

def changed_between_uses(name, desc, props):
    """No use at all: an administrator gives the break-glass user an access key and takes its MFA device."""
    s = program_only(name, desc, props)
    s.cloudtrail += [create_key(CHANGED, "alice", KEY),
                     iam_on(CHANGED, "alice", "DeactivateMFADevice", BG,
                            {"serialNumber": f"arn:aws:iam::{ACCT}:u2f/user/{BG}/yubikey-OLD"})]
    return s

A(changed_between_uses("account-changed-fires",
                       "outside any use alice creates an access key for the break-glass user and removes its MFA device; "
                       "the change record came 1 s before approval-window",
                       fires("BG-ACCOUNT-CHANGED", 0, 0)))
SC[-1].ev(CHANGED - H(4) - SEC(1), "change", "ciso@example.com", "CHG-2042", detail="Approved: provision a key for the DR script")
A(changed_between_uses("account-changed-near-miss",
                       "the same changes, approved by the CISO in a change record exactly approval-window before them",
                       near("BG-ACCOUNT-CHANGED", 0, 0)))
SC[-1].ev(CHANGED - H(4), "change", "ciso@example.com", "CHG-2042", detail="Approved: provision a key for the DR script")

def changed_jira(name, desc, props, approved):
    """The same changes, approved on a Jira change ticket instead of a CSV row."""
    s = changed_between_uses(name, desc, props)
    s.evidence_map = NATIVE_MAP[:4]
    s.jira.append(jira_issue("SEC-4300", "Change", "bg-aws-root", CHANGED - H(6), "Provision a key for the DR script",
                             [(approved, "In Review", "Approved", "ciso@example.com")]))
    return s

A(changed_jira("native-account-changed-jira-fires",
               "the changes between uses; the CISO moved Jira change ticket SEC-4300 to Approved 1 s before approval-window",
               fires("BG-ACCOUNT-CHANGED", 0, 0), CHANGED - H(4) - SEC(1)))
A(changed_jira("native-account-changed-jira-near-miss",
               "the changes between uses, approved on Jira change ticket SEC-4300 exactly approval-window before them",
               near("BG-ACCOUNT-CHANGED", 0, 0), CHANGED - H(4)))

RELEASED = T("2026-08-14T10:00:00Z")

def seal_opened(name, desc, props, rotated):
    """alice and bob take their shares out at 10:00 and 10:02 and no use follows; resealing is a change
    of the account, approved by the CISO in change records before the rotations."""
    s = with_vault(program_only(name, desc, props))
    s.vault.extend(vault(RELEASED, "alice@example.com", "secret/data/breakglass/aws/password-share-1"))
    s.vault.extend(vault(RELEASED + M(2), "bob@example.com", "secret/data/breakglass/aws/mfa-key"))
    last = RELEASED + M(2)
    for d in sorted({d - H(2) for _, d in rotated}):
        s.ev(last + d, "change", "ciso@example.com", "CHG-2043", detail="Approved: reseal after the shares were released")
    for cred, d in rotated:
        if cred == "password":
            s.cloudtrail.append(iam_on(last + d, "alice", "UpdateLoginProfile", BG, {"passwordResetRequired": False}))
        elif cred == "mfa":
            s.cloudtrail.append(iam_on(last + d, "alice", "EnableMFADevice", BG,
                                       {"serialNumber": f"arn:aws:iam::{ACCT}:u2f/user/{BG}/yubikey-NEW"}))
        else:
            s.ev(last + d, "rotation", "bob@example.com", "CHG-2043", credential=cred, detail="Resealed after a release")
    return s

A(seal_opened("seal-broken-fires", "two shares read from Vault, no use followed, only the password was rotated",
              fires("BG-SEAL-BROKEN", 0, 0), rotated=(("password", H(3)),)))
A(seal_opened("seal-broken-near-miss",
              "two shares read from Vault, no use followed, every credential rotated at most rotate-within after the last",
              near("BG-SEAL-BROKEN", 0, 0),
              rotated=(("password", H(3)), ("access-key", H(3)), ("mfa", H(24)))))

s = settling(aws_scenario("standing-access-login-profile-fires",
                          "the break-glass user gave the ops-temp user a console password that was never removed",
                          fires("BG-STANDING-ACCESS", 1, 1)))
s.cloudtrail.append(iam_on(S0 + M(30), BG, "CreateLoginProfile", "ops-temp", {"passwordResetRequired": True}))
A(s)
s = settling(aws_scenario("standing-access-login-profile-near-miss",
                          "the console password the break-glass user gave ops-temp was removed again by it before the use ended",
                          near("BG-STANDING-ACCESS", 0, 1)))
s.cloudtrail.append(iam_on(S0 + M(30), BG, "CreateLoginProfile", "ops-temp", {"passwordResetRequired": True}))
s.cloudtrail.append(iam_on(S0 + M(35), BG, "DeleteLoginProfile", "ops-temp"))
A(s)

# ---------------------------------------------------------------- periods and their edges: two consecutive runs
def long_period(s, args, drill):
    """A run over months: silence of the background sources is not under test, and a recent drill is on file."""
    s.args = args
    s.policy = {"log-gap": "P100D"}
    s.evidence = [r for r in s.evidence if r[1] != "drill"]
    s.ev(drill, "drill", "alice@example.com", detail="Quarterly drill: seal intact, runbook walked through")
    return s

def two_runs(next_args, next_exit, **next_verdict):
    """One use still going at the end of a clean first period, settled and carried over into the next run."""
    p = {"exit": 0, "compliant": "true", "episodes": 1, "states": "ongoing", "next-args": next_args,
         "next-exit": next_exit, "next-episodes": 1, "next-carried-over": 1, "next-states": "settled"}
    p.update({"next-" + k: v for k, v in next_verdict.items()})
    return p

A(long_period(aws_scenario(
    "edge-use-across-quarter-end",
    "30 Sep 22:30 to 1 Oct 03:10 (4 h 40 min, max-session PT4H), engineering leadership never told, mfa never rotated: "
    "Q3 shows it ongoing with nothing decided; the Q4-to-date run reports the time limit and, at settlement, the rest",
    two_runs("--from 2026-10-01 --to 2026-11-01", 1, fires="BG-TTL-EXCEEDED,BG-NOTIFY-MISSING,BG-ROTATION-INCOMPLETE"),
    start=T("2026-09-30T22:30:00Z"), acts=(M(30), M(70), M(110), M(150), M(200), M(250), M(280)),
    notify=(("security-leadership", M(2)),), rotations=ROT_NO_MFA), "--quarter 2026-Q3", "2026-09-10T14:00:00Z"))
s = long_period(aws_scenario(
    "edge-notified-after-period-end",
    "a use at 23:55 on 31 Dec 2025, both groups paged at 00:02 (after --to, within notify-within): "
    "Q4 shows it ongoing with the notifications owed, not missing; Q1 counts them",
    two_runs("--quarter 2026-Q1", 0, compliant="true"), start=T("2025-12-31T23:55:00Z"), acts=(M(2), M(4)),
    notify=(("security-leadership", M(7)), ("engineering-leadership", M(7)))), "--quarter 2025-Q4", "2025-12-10T14:00:00Z")
s.ev("2026-03-10T14:00:00Z", "drill", "alice@example.com", detail="Quarterly drill: seal intact, runbook walked through")
s.evidence = [r for r in s.evidence if r[1] != "review"]
s.ev("2025-06-02T10:00:00Z", "review", "ciso@example.com", detail="Annual review of need: retained")
A(s)
s = long_period(aws_scenario(
    "edge-rotation-after-settlement",
    "mfa rotated 54 days after its deadline, long after the episode settled: incomplete, not late",
    fires("BG-ROTATION-INCOMPLETE", 1, 1, **{"near-miss": "BG-ROTATION-LATE"}),
    rotations=ROT_NO_MFA + (("mfa", H(24) + timedelta(days=54), "evidence"),)),
    "--from 2026-08-14 --to 2026-10-16", "2026-08-01T14:00:00Z")
A(s)

if __name__ == "__main__":
    names = [x.name for x in SC]
    assert len(names) == len(set(names)), names
    for x in SC:
        write(x)
    print(len(SC), "scenarios")
