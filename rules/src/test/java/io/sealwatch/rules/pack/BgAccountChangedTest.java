package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-ACCOUNT-CHANGED: the smallest facts that fire it and the nearest that must not. */
class BgAccountChangedTest extends RuleCase {

    private static final Instant CHANGED = Instant.parse("2026-09-02T10:00:00Z");

    BgAccountChangedTest() {
        super(new Expected("BG-ACCOUNT-CHANGED", Severity.HIGH, ACCOUNT, null,
                        "DeactivateMFADevice by arn:aws:iam::111122223333:user/alice changed aws-root at "
                                + "2026-09-02T10:00:00Z outside any use, with no approved change record in the approval window before it"),
                // an approval 1 s too early, and one in time by someone who may not approve
                () -> Fixture.clean().change("DeactivateMFADevice", CHANGED, null)
                        .changeApproval(APPROVER, CHANGED.minus(Duration.ofHours(4)).minusSeconds(1))
                        .changeApproval("dev@example.com", CHANGED.minus(Duration.ofMinutes(5))),
                Map.of("an authorised change record exactly approval-window before it",
                        Fixture.clean().change("DeactivateMFADevice", CHANGED, null)
                                .changeApproval(APPROVER, CHANGED.minus(Duration.ofHours(4))),
                        "an authorised change record at the same second, approver in other letter case",
                        Fixture.clean().change("DeactivateMFADevice", CHANGED, null)
                                .changeApproval("CISO@Example.com", CHANGED),
                        "the change is the rotation that counts for the episode",
                        Fixture.clean().change("EnableMFADevice", Fixture.clean().end().plusSeconds(60), EPISODE),
                        "the change is at the period end, so in the next period",
                        Fixture.clean().change("DeactivateMFADevice", QUARTER.to(), null)));
    }
}
