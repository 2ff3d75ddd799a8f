package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-APPROVAL-MISSING: the smallest facts that fire it and the nearest that must not. */
class BgApprovalMissingTest extends RuleCase {

    @Override
    public Expected expected() {
        return new Expected("BG-APPROVAL-MISSING", Severity.CRITICAL, ACCOUNT, EPISODE,
                "Episode " + EPISODE + " of aws-root has no approval");
    }

    @Override
    protected Fixture firing() {
        Fixture f = Fixture.clean();
        f.approvals.clear();
        return f;
    }

    @Override
    protected Map<String, Fixture> nearMisses() {
        Fixture lateOnly = Fixture.clean();
        lateOnly.approvals.clear();
        lateOnly.approval(APPROVER, Duration.ofMinutes(5));
        return Map.of("the only approval is late", lateOnly);
    }
}
