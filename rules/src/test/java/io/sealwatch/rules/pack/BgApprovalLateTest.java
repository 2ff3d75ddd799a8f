package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-APPROVAL-LATE: the smallest facts that fire it and the nearest that must not. */
class BgApprovalLateTest extends RuleCase {

    BgApprovalLateTest() {
        super(new Expected("BG-APPROVAL-LATE", Severity.HIGH, ACCOUNT, EPISODE,
                        "Episode " + EPISODE + " of aws-root was approved only after it started: the first approval came 8m after the start"),
                () -> Fixture.clean().with(f -> f.approvals.clear())
                        .approval("secops-manager@example.com", Duration.ofMinutes(12)).approval(APPROVER, Duration.ofMinutes(8)),
                Map.of("a timely approval besides a late one", Fixture.clean().approval("secops-manager@example.com", Duration.ofMinutes(8)),
                        "no approval at all", Fixture.clean().with(f -> f.approvals.clear())));
    }
}
