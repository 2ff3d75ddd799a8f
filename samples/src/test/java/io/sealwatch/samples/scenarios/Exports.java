package io.sealwatch.samples.scenarios;

import static io.sealwatch.samples.internal.JsonValues.map;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records of the REST exports (Jira issues, PagerDuty log entries, ServiceNow approvals) and Key Vault audit events. */
final class Exports {
    static final String KV = "https://examplecorp-bg.vault.azure.net";
    private static final String JIRA = "https://examplecorp.atlassian.net";
    private static final String PD = "https://examplecorp.pagerduty.com";
    private static final String PD_API = "https://api.pagerduty.com/";
    private static final String SNOW = "https://examplecorp.service-now.com/api/now/table";

    /** A status change of a Jira issue by {@code who}. */
    record Transition(Instant t, String from, String to, String who) {
    }

    /** A PagerDuty incident: its number and title, the service and escalation policy, when it was triggered. */
    record Incident(int number, String title, String service, String policy, Instant t0) {
    }

    private Exports() {
    }

    private static String jiraTime(Instant t) {
        return Ids.utc(t, "%1$tY-%1$tm-%1$tdT%1$tH:%1$tM:%1$tS.000+0000");
    }

    private static Map<String, Object> jiraUser(String email) {
        String account = "5b10ac8d82e05b22cc7d" + Ids.hex(4, "jira", email);
        return map("self", JIRA + "/rest/api/2/user?accountId=" + account, "accountId", account, "emailAddress", email,
                "displayName", Ids.title(email.substring(0, email.indexOf('@')).replace('.', ' ')), "active", true,
                "timeZone", "Europe/Berlin", "accountType", "atlassian");
    }

    /** An issue as {@code GET /rest/api/2/search?expand=changelog} returns it, its status the last transition's. */
    static Map<String, Object> jiraIssue(String key, String type, String label, Instant created, String summary,
                                         List<Transition> transitions) {
        String id = Integer.toString(10_000 + Integer.parseInt(Ids.hex(4, "jid", key), 16) % 90_000);
        List<Object> histories = new ArrayList<>();
        for (int i = 0; i < transitions.size(); i++) {
            Transition tr = transitions.get(i);
            histories.add(map("id", Integer.toString(20_000 + i), "author", jiraUser(tr.who), "created", jiraTime(tr.t),
                    "items", List.of(map("field", "status", "fieldtype", "jira", "fieldId", "status", "from", "1000" + i,
                            "fromString", tr.from, "to", "1000" + (i + 1), "toString", tr.to))));
        }
        Transition last = transitions.get(transitions.size() - 1);
        return map("expand", "operations,versionedRepresentations,editmeta,changelog,renderedFields", "id", id,
                "self", JIRA + "/rest/api/2/issue/" + id, "key", key,
                "fields", map("summary", summary,
                        "issuetype", map("self", JIRA + "/rest/api/2/issuetype/10005", "id", "10005", "name", type,
                                "subtask", false, "hierarchyLevel", 0),
                        "project", map("self", JIRA + "/rest/api/2/project/10010", "id", "10010",
                                "key", key.substring(0, key.indexOf('-')), "name", "Security Operations",
                                "projectTypeKey", "service_desk"),
                        "labels", List.of(label), "status", map("name", last.to, "id", "10002"),
                        "reporter", jiraUser("ops-lead@example.com"), "created", jiraTime(created),
                        "updated", jiraTime(last.t)),
                "changelog", map("startAt", 0, "maxResults", histories.size(), "total", histories.size(),
                        "histories", histories));
    }

    private static Map<String, Object> pdRef(String kind, String name, String type) {
        String id = "P" + Ids.upper(6, "pd", kind, name);
        String path = switch (kind) {
            case "service" -> "service-directory";
            case "escalation_policy" -> "escalation_policies";
            default -> "users";
        };
        return map("id", id, "type", type, "summary", name, "self", PD_API + path + "/" + id,
                "html_url", PD + "/" + path + "/" + id);
    }

    /** A log entry as {@code GET /log_entries?include[]=incidents} lists it; {@code user} null for none. */
    private static Map<String, Object> pdEntry(Instant t, String type, Incident incident, String user, String channel,
                                               String summary) {
        String iid = "Q" + Ids.upper(13, "pdinc", incident.number);
        String eid = "R" + Ids.upper(13, "pdle", t, type, user, incident.number);
        Map<String, Object> e = map("id", eid, "type", type, "summary", summary, "self", PD_API + "log_entries/" + eid,
                "html_url", PD + "/incidents/" + iid + "/log_entries/" + eid, "created_at", Ids.iso(t),
                "agent", pdRef("service", incident.service, "service_reference"), "channel", map("type", channel),
                "service", pdRef("service", incident.service, "service_reference"),
                "incident", map("id", iid, "type", "incident", "summary", "[#" + incident.number + "] " + incident.title,
                        "self", PD_API + "incidents/" + iid, "html_url", PD + "/incidents/" + iid,
                        "incident_number", incident.number, "title", incident.title, "created_at", Ids.iso(incident.t0),
                        "status", "triggered", "urgency", "high",
                        "service", pdRef("service", incident.service, "service_reference"),
                        "escalation_policy", pdRef("escalation_policy", incident.policy, "escalation_policy_reference"),
                        "assigned_via", "escalation_policy"),
                "teams", List.of(), "contexts", List.of());
        if (user != null) {
            e.put("user", pdRef("user", user, "user_reference"));
        }
        return e;
    }

    /** An incident triggered at its {@code t0} and the notification of its first responder {@code person}. */
    static List<Map<String, Object>> pdPage(Incident incident, String person) {
        return List.of(pdEntry(incident.t0, "trigger_log_entry", incident, null, "api", "Triggered through the API"),
                pdEntry(incident.t0, "notify_log_entry", incident, person, "sms", "Notified " + person + " by SMS"));
    }

    private static Map<String, Object> snowPair(String value, String display) {
        return map("display_value", display, "value", value);
    }

    private static Map<String, Object> snowPair(String value) {
        return snowPair(value, value);
    }

    private static Map<String, Object> snowLink(String display, String table, String id) {
        return map("display_value", display, "link", SNOW + "/" + table + "/" + id, "value", id);
    }

    /** A {@code sysapproval_approver} row of the Table API with {@code sysparm_display_value=all}, task fields dot-walked. */
    static Map<String, Object> snowApproval(Instant t, String approver, String state, String number, String ci,
                                            String changeType, String summary) {
        String time = Ids.utc(t, "%1$tY-%1$tm-%1$td %1$tH:%1$tM:%1$tS");
        return map("sys_id", snowPair(Ids.hex32("snowappr", number, approver)), "state", snowPair(state, Ids.title(state)),
                "approver", snowLink(Ids.title(approver.substring(0, approver.indexOf('@'))), "sys_user",
                        Ids.hex32("snowuser", approver)),
                "approver.email", snowPair(approver), "source_table", snowPair("change_request", "Change Request"),
                "sysapproval", snowLink(number, "task", Ids.hex32("snowtask", number)),
                "sysapproval.number", snowPair(number), "sysapproval.type", snowPair(changeType, Ids.title(changeType)),
                "sysapproval.cmdb_ci", snowLink(ci, "cmdb_ci", Ids.hex32("snowci", ci)),
                "sysapproval.short_description", snowPair(summary),
                "sys_created_on", snowPair(time), "sys_updated_on", snowPair(time));
    }

    /** A Key Vault {@code AuditEvent} as diagnostic settings write it, by a person or (with {@code app}) an application. */
    static Map<String, Object> keyVault(Instant t, String operation, String who, String secret, boolean app) {
        Map<String, Object> claim = map("oid", Ids.uuid("kvoid", who),
                "appid", app ? Ids.uuid("kvapp", who) : "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
                "scp", "user_impersonation", "amr", "pwd mfa", "ipaddr", "203.0.113.45");
        if (!app) {
            claim.put("upn", who);
            claim.put("unique_name", who);
        }
        return map("time", Ids.utc(t, "%1$tY-%1$tm-%1$tdT%1$tH:%1$tM:%1$tS.1234567Z"),
                "resourceId", "/SUBSCRIPTIONS/0F3C2B1A-9E8D-4C7B-A6F5-1E2D3C4B5A69/RESOURCEGROUPS/SECURITY/PROVIDERS/"
                        + "MICROSOFT.KEYVAULT/VAULTS/EXAMPLECORP-BG",
                "operationName", operation, "operationVersion", "7.4", "category", "AuditEvent", "resultType", "Success",
                "resultSignature", "OK", "resultDescription", "", "durationMs", "11", "callerIpAddress", "203.0.113.45",
                "correlationId", Ids.uuid("kvcorr", t, who), "identity", map("claim", claim),
                "properties", map("id", KV + "/secrets/" + secret + "/" + Ids.hex(32, "kvver", secret, operation, t),
                        "clientInfo", "azsdk-python-keyvault-secrets/4.8.0 Python/3.11.9 (macOS-14.5-arm64)",
                        "httpStatusCode", 200, "requestUri", KV + "/secrets/" + secret + "/?api-version=7.4",
                        "isAccessPolicyMatch", true, "tlsVersion", "TLS1.3"));
    }
}
