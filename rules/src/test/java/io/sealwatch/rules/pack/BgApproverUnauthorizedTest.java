package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-APPROVER-UNAUTHORIZED: the smallest facts that fire it and the nearest that must not. */
class BgApproverUnauthorizedTest extends RuleCase {

    @Override
    public Expected expected() {
        return new Expected("BG-APPROVER-UNAUTHORIZED", Severity.HIGH, ACCOUNT, EPISODE,
                "Episode " + EPISODE + " of aws-root was approved by mallory@example.com, who is not a configured approver");
    }

    @Override
    protected Fixture firing() {
        Fixture f = Fixture.clean();
        f.approvals.clear();
        f.approval("mallory@example.com", Duration.ofMinutes(-10));
        return f;
    }

    @Override
    protected Map<String, Fixture> nearMisses() {
        Fixture otherCase = Fixture.clean();
        otherCase.approvals.clear();
        otherCase.approval("CISO@Example.COM", Duration.ofMinutes(-10));
        return Map.of("a configured approver spelled in another case", otherCase);
    }
}
