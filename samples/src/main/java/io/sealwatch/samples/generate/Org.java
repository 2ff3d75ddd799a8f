package io.sealwatch.samples.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic organisation: a mid-size company with several AWS accounts, Okta, Entra ID, GCP and
 * Vault, hundreds of employees and service principals, and six break-glass accounts. Fixed (not
 * seeded): the seed varies the traffic and the planted details, not who works here.
 */
final class Org {
    static final String DOMAIN = "example.com";
    static final String TENANT_DOMAIN = "examplecorp.onmicrosoft.com";
    static final String TENANT_ID = "8f3c2a41-5d7e-4b19-9a60-2c1e7f4b8d03";
    static final String OKTA_ORG = "https://examplecorp.okta.com";
    static final String GCP_ORG_PROJECT = "examplecorp-platform";

    /** AWS accounts with their delivery regions and share of CloudTrail volume (per mille). */
    record AwsAccount(String id, String alias, String[] regions, int[] regionWeights, int weight) {
    }

    static final AwsAccount[] AWS = {
            new AwsAccount("111122223333", "management", new String[]{"us-east-1", "eu-west-1"}, new int[]{85, 15}, 8),
            new AwsAccount("444455556666", "production", new String[]{"us-east-1", "eu-west-1", "us-west-2"},
                    new int[]{55, 30, 15}, 55),
            new AwsAccount("777788889999", "staging", new String[]{"us-east-1", "eu-west-1"}, new int[]{70, 30}, 25),
            new AwsAccount("222233334444", "security", new String[]{"us-east-1"}, new int[]{100}, 12),
    };

    static final String[] GCP_PROJECTS = {"examplecorp-platform", "examplecorp-data", "examplecorp-ml",
            "examplecorp-web-prod"};

    private static final String[] FIRST = {"alex", "amara", "ana", "ben", "bruno", "chen", "chloe", "daniel",
            "deepa", "elena", "emil", "fatima", "felix", "gabriel", "hana", "hugo", "ines", "isaac", "jana", "jonas",
            "julia", "kai", "karim", "laura", "leo", "lina", "lucas", "maya", "mateo", "nadia", "nina", "omar",
            "oscar", "paula", "priya", "rafael", "rosa", "sam", "sara", "sofia", "tariq", "theo", "uma", "victor",
            "wei", "yara", "yusuf", "zoe"};
    private static final String[] LAST = {"adams", "bauer", "costa", "dubois", "evans", "fischer", "garcia",
            "hansen", "ito", "jansen", "kowalczyk", "larsen", "moreau", "novak", "olsen", "patel", "quinn", "rossi",
            "silva", "tanaka", "umar", "varga", "weber", "xu", "yilmaz", "zimmer"};

    /** Employee user names ({@code first.last}), a few hundred, in a fixed order. */
    static final String[] PEOPLE = people(640);

    static final String[] SSO_PERMISSION_SETS = {"AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess",
            "DeveloperAccess", "DataEngineer", "SecurityAudit", "BillingAccess"};
    static final String[] SERVICE_ROLES = {"eks-node-group-role", "ecs-task-orders-api", "ecs-task-payments",
            "lambda-thumbnailer", "lambda-invoice-export", "lambda-log-shipper", "github-actions-deploy",
            "terraform-apply", "datadog-integration", "backup-service-role", "config-recorder", "karpenter-controller",
            "argo-workflows", "airflow-worker", "vpc-flow-logs"};
    static final String[] IAM_USERS = {"terraform-ci", "legacy-etl", "jenkins", "smtp-relay", "grafana-reader",
            "s3-uploader-partner", "backup-agent"};
    static final String[] GCP_SERVICE_ACCOUNTS = {"gke-nodes", "dataflow-runner", "bq-scheduler", "cloud-build",
            "terraform", "airflow", "looker-export", "vertex-training"};
    static final String[] VAULT_APPS = {"payments-api", "orders-api", "checkout-web", "inventory-worker",
            "search-indexer", "billing-cron", "notifications", "auth-gateway", "reporting", "ml-serving"};

    private Org() {
    }

    static String email(String person) {
        return person + "@" + DOMAIN;
    }

    private static String[] people(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; out.size() < n; i++) {
            String f = FIRST[i % FIRST.length];
            String l = LAST[(i / FIRST.length + i * 7) % LAST.length];
            String name = f + "." + l;
            if (!out.contains(name)) {
                out.add(name);
            } else {
                out.add(name + (i / (FIRST.length * LAST.length) + 2));
            }
        }
        return out.toArray(String[]::new);
    }
}
