package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-APPROVAL-LATE: the smallest facts that fire it and the nearest that must not. */
class BgApprovalLateTest extends RuleCase {

    @Override
    public Expected expected() {
        return new Expected("BG-APPROVAL-LATE", Severity.HIGH, ACCOUNT, EPISODE,
                "Episode " + EPISODE + " of aws-root was approved only after it started: the first approval came 8m after the start");
    }

    @Override
    protected Fixture firing() {
        Fixture f = Fixture.clean();
        f.approvals.clear();
        f.approval("secops-manager@example.com", Duration.ofMinutes(12));
        f.approval(APPROVER, Duration.ofMinutes(8));
        return f;
    }

    @Override
    protected Map<String, Fixture> nearMisses() {
        Fixture alsoTimely = Fixture.clean();
        alsoTimely.approval("secops-manager@example.com", Duration.ofMinutes(8));
        Fixture none = Fixture.clean();
        none.approvals.clear();
        return Map.of("a timely approval besides a late one", alsoTimely, "no approval at all", none);
    }
}
