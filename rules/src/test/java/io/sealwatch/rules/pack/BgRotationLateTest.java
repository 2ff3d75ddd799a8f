package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-ROTATION-LATE: the smallest facts that fire it and the nearest that must not. */
class BgRotationLateTest extends RuleCase {

    BgRotationLateTest() {
        super(new Expected("BG-ROTATION-LATE", Severity.MEDIUM, ACCOUNT, EPISODE,
                        "Credential access-key of aws-root was rotated after episode " + EPISODE + " at 2026-08-15T04:00:01Z, 1s after its deadline 2026-08-15T04:00:00Z"),
                () -> Fixture.clean().with(f -> f.rotation("access-key", f.deadline(), f.deadline().plusSeconds(1))),
                Map.of("rotated exactly at the deadline", Fixture.clean().with(f -> f.rotation("access-key", f.deadline(), f.deadline()))));
    }
}
