package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-APPROVAL-MISSING: the smallest facts that fire it and the nearest that must not. */
class BgApprovalMissingTest extends RuleCase {

    BgApprovalMissingTest() {
        super(new Expected("BG-APPROVAL-MISSING", Severity.CRITICAL, ACCOUNT, EPISODE, "Episode " + EPISODE + " of aws-root has no approval"),
                () -> Fixture.clean().with(f -> f.approvals.clear()),
                Map.of("the only approval is late", Fixture.clean().with(f -> f.approvals.clear()).approval(APPROVER, Duration.ofMinutes(5))));
    }
}
