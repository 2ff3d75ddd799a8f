package io.sealwatch.samples;

import io.sealwatch.samples.internal.Resources;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The bundled sample organisation for 2026-Q3: four break-glass accounts, every source type in its native
 * export form (CloudTrail files as AWS delivers them to S3, Okta System Log API pages, Entra sign-in and
 * audit diagnostic exports, Cloud Audit Logs from {@code gcloud logging read}, the Vault file audit device
 * rotated monthly, a process-evidence CSV, PagerDuty log entries), with background activity of other people throughout the quarter
 * and planted episodes that between them show every rule at least once:
 * <ul>
 * <li>{@code aws-root-breakglass}: 2026-07-14 compliant, alice's password share read from AWS Secrets Manager
 *     through her IAM Identity Center session (in CloudTrail), bob's security key released from the safe, both
 *     leadership groups paged through PagerDuty; 2026-07-30 the BreakGlass role's trust policy
 *     narrowed under an approved change record; 2026-08-14 without approval; 2026-09-02 too long, its access
 *     key never rotated; 2026-09-15 an administrator gives it an access key and removes its MFA device with no
 *     change record.</li>
 * <li>{@code okta-breakglass} (shares in Vault): 2026-07-22 signed in with Okta Verify push and left an API
 *     token behind; failed sign-ins on 2026-08-09; 2026-08-27 a compliant drill; 2026-09-10 one custodian
 *     only, approved by a non-approver, security leadership paged late; 2026-09-17 two custodians read their
 *     shares, no use follows and nothing is rotated.</li>
 * <li>{@code entra-breakglass} (shares in the safe): 2026-07-28 signed in through AD FS (its MFA only a
 *     federation claim), security key re-registered days late; 2026-08-20 the approver released a share
 *     herself and engineering leadership was never paged; last review of need over a year ago.</li>
 * <li>{@code gcp-breakglass} (shares in Vault): 2026-09-24 approved late, a share read by a non-custodian,
 *     no incident referenced; no drill this quarter; the audit log sink silent 2026-08-08..10.</li>
 * </ul>
 */
public final class ExampleCorp {
    /** The quarter the sample covers: [2026-07-01, 2026-10-01). */
    public static final Instant FROM = Instant.parse("2026-07-01T00:00:00Z");
    public static final Instant TO = Instant.parse("2026-10-01T00:00:00Z");

    private ExampleCorp() {
    }

    /** Copies the sample organisation into {@code dir} and returns its {@code sealwatch.yaml}. */
    public static Path extract(Path dir) throws IOException {
        Resources.copyTree("example-corp", dir);
        return dir.resolve("sealwatch.yaml");
    }
}
