package io.sealwatch.samples.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sealwatch.samples.internal.Iso;
import io.sealwatch.samples.internal.JsonValues;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/** Cloud Audit Logs {@code LogEntry} records ({@code protoPayload} of type AuditLog), one per line. */
final class Gcp {
    private record Method(String service, String method, String permission, String resourceType, boolean dataAccess,
                          int weight) {
    }

    private static final Method[] METHODS = {
            new Method("storage.googleapis.com", "storage.objects.get", "storage.objects.get", "gcs_bucket", true, 30),
            new Method("storage.googleapis.com", "storage.objects.list", "storage.objects.list", "gcs_bucket", true, 15),
            new Method("bigquery.googleapis.com", "google.cloud.bigquery.v2.JobService.InsertJob", "bigquery.jobs.create",
                    "bigquery_project", true, 20),
            new Method("compute.googleapis.com", "v1.compute.instances.list", "compute.instances.list", "gce_instance", true, 8),
            new Method("compute.googleapis.com", "v1.compute.instances.insert", "compute.instances.create", "gce_instance", false, 2),
            new Method("compute.googleapis.com", "v1.compute.instances.delete", "compute.instances.delete", "gce_instance", false, 2),
            new Method("container.googleapis.com", "io.k8s.core.v1.pods.create", "io.k8s.core.v1.pods.create", "k8s_cluster", false, 10),
            new Method("container.googleapis.com", "io.k8s.apps.v1.deployments.patch", "io.k8s.apps.v1.deployments.patch", "k8s_cluster", false, 5),
            new Method("secretmanager.googleapis.com", "google.cloud.secretmanager.v1.SecretManagerService.AccessSecretVersion",
                    "secretmanager.versions.access", "secretmanager.googleapis.com/SecretVersion", true, 6),
            new Method("iam.googleapis.com", "google.iam.admin.v1.GetServiceAccount", "iam.serviceAccounts.get", "service_account", true, 2),
    };
    private static final int[] CUM;

    static {
        CUM = new int[METHODS.length];
        int s = 0;
        for (int i = 0; i < METHODS.length; i++) {
            s += METHODS[i].weight;
            CUM[i] = s;
        }
    }

    private Gcp() {
    }

    static void noise(JsonGenerator g, Rand r, long t) throws IOException {
        Method m = METHODS[r.weighted(CUM)];
        String project = Org.GCP_PROJECTS[r.nextInt(Org.GCP_PROJECTS.length)];
        boolean human = r.chance(0.25);
        String principal = human ? Org.email(Org.PEOPLE[r.nextInt(Org.PEOPLE.length)])
                : Org.GCP_SERVICE_ACCOUNTS[r.nextInt(Org.GCP_SERVICE_ACCOUNTS.length)] + "@" + project
                + ".iam.gserviceaccount.com";
        String resource = switch (m.resourceType) {
            case "gcs_bucket" -> "projects/_/buckets/" + project + "-data/objects/exports/" + r.hex(12) + ".parquet";
            case "gce_instance" -> "projects/" + project + "/zones/europe-west1-b/instances/worker-" + r.hex(6);
            case "k8s_cluster" -> "core/v1/namespaces/apps/pods/api-" + r.hex(10);
            default -> "projects/" + project;
        };
        entry(g, r, t, project, principal, human ? r.publicIp() : r.privateIp(), m.service, m.method, m.permission,
                resource, m.resourceType, m.dataAccess, r.chance(0.02), null, null);
    }

    /** One audit {@code LogEntry}; {@code request}/{@code response} are written when given. */
    static void entry(JsonGenerator g, Rand r, long t, String project, String principal, String ip, String service,
                      String method, String permission, String resource, String resourceType, boolean dataAccess,
                      boolean denied, Map<String, Object> request, Map<String, Object> response) throws IOException {
        String ts = Iso.format(t, 9, r.nextInt(1_000_000));
        g.writeStartObject();
        g.writeStringField("insertId", r.alnum(12).toLowerCase(Locale.ROOT));
        g.writeStringField("logName", "projects/" + project + "/logs/cloudaudit.googleapis.com%2F"
                + (dataAccess ? "data_access" : "activity"));
        g.writeObjectFieldStart("protoPayload");
        g.writeStringField("@type", "type.googleapis.com/google.cloud.audit.AuditLog");
        g.writeObjectFieldStart("authenticationInfo");
        g.writeStringField("principalEmail", principal);
        g.writeStringField("principalSubject", (principal.endsWith("gserviceaccount.com") ? "serviceAccount:" : "user:")
                + principal);
        g.writeEndObject();
        g.writeArrayFieldStart("authorizationInfo");
        g.writeStartObject();
        g.writeBooleanField("granted", !denied);
        g.writeStringField("permission", permission);
        g.writeStringField("resource", resource);
        g.writeObjectFieldStart("resourceAttributes");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeStringField("methodName", method);
        if (request != null) {
            JsonValues.field(g, "request", request);
        }
        g.writeObjectFieldStart("requestMetadata");
        g.writeStringField("callerIp", ip);
        g.writeStringField("callerSuppliedUserAgent", principal.endsWith("gserviceaccount.com")
                ? "google-api-go-client/0.5 gcloud-golang/0.1" : "google-cloud-sdk gcloud/483.0.0 command/gcloud.compute.instances.stop");
        g.writeObjectFieldStart("requestAttributes");
        g.writeStringField("time", ts);
        g.writeObjectFieldStart("auth");
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("destinationAttributes");
        g.writeEndObject();
        g.writeEndObject();
        g.writeStringField("resourceName", resource);
        if (response != null) {
            JsonValues.field(g, "response", response);
        }
        g.writeStringField("serviceName", service);
        g.writeObjectFieldStart("status");
        if (denied) {
            g.writeNumberField("code", 7);
            g.writeStringField("message", "PERMISSION_DENIED");
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeStringField("receiveTimestamp", Iso.format(t + 400, 9, r.nextInt(1_000_000)));
        g.writeObjectFieldStart("resource");
        g.writeObjectFieldStart("labels");
        g.writeStringField("project_id", project);
        g.writeEndObject();
        g.writeStringField("type", resourceType);
        g.writeEndObject();
        g.writeStringField("severity", denied ? "ERROR" : dataAccess ? "INFO" : "NOTICE");
        g.writeStringField("timestamp", ts);
        g.writeEndObject();
    }
}
