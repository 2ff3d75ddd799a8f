package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-APPROVER-UNAUTHORIZED: the smallest facts that fire it and the nearest that must not. */
class BgApproverUnauthorizedTest extends RuleCase {

    BgApproverUnauthorizedTest() {
        super(new Expected("BG-APPROVER-UNAUTHORIZED", Severity.HIGH, ACCOUNT, EPISODE,
                        "Episode " + EPISODE + " of aws-root was approved by mallory@example.com, who is not a configured approver"),
                () -> Fixture.clean().with(f -> f.approvals.clear()).approval("mallory@example.com", Duration.ofMinutes(-10)),
                Map.of("a configured approver spelled in another case",
                        Fixture.clean().with(f -> f.approvals.clear()).approval("CISO@Example.COM", Duration.ofMinutes(-10))));
    }
}
