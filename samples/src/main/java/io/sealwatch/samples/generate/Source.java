package io.sealwatch.samples.generate;

/** The native log sources the generator writes, with their share of the event volume (per mille). */
enum Source {
    CLOUDTRAIL("aws-cloudtrail", 720, "logs/cloudtrail/**/*.json.gz"),
    OKTA("okta-system-log", 100, "logs/okta/*.json.gz"),
    ENTRA_SIGNIN("entra-signin", 60, "logs/entra/signin/*.json.gz"),
    ENTRA_AUDIT("entra-audit", 20, "logs/entra/audit/*.json.gz"),
    GCP("gcp-audit", 70, "logs/gcp/*.json.gz"),
    VAULT("vault-audit", 30, "logs/vault/audit-*.log");

    final String type;
    final int perMille;
    final String glob;

    Source(String type, int perMille, String glob) {
        this.type = type;
        this.perMille = perMille;
        this.glob = glob;
    }

    /** The daily file of a non-CloudTrail source (CloudTrail files are per account, region and hour). */
    String dailyFile(String day) {
        return switch (this) {
            case OKTA -> "logs/okta/okta-system-log-" + day + ".json.gz";
            case ENTRA_SIGNIN -> "logs/entra/signin/signinlogs-" + day + ".json.gz";
            case ENTRA_AUDIT -> "logs/entra/audit/auditlogs-" + day + ".json.gz";
            case GCP -> "logs/gcp/cloudaudit-" + day + ".json.gz";
            case VAULT -> "logs/vault/audit-" + day + ".log";
            case CLOUDTRAIL -> throw new IllegalStateException("CloudTrail files are hourly per account and region");
        };
    }

    boolean gzip() {
        return this != VAULT;
    }
}
