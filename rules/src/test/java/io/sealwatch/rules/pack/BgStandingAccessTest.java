package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-STANDING-ACCESS: the smallest facts that fire it and the nearest that must not. */
class BgStandingAccessTest extends RuleCase {

    BgStandingAccessTest() {
        super(new Expected("BG-STANDING-ACCESS", Severity.CRITICAL, ACCOUNT, EPISODE,
                        "access-key AKIAEXAMPLE created in episode " + EPISODE + " of aws-root was still in place when the episode settled at 2026-08-22T04:00:00Z (rotation deadline 2026-08-15T04:00:00Z)"),
                () -> Fixture.clean().with(f -> f.access("access-key", "AKIAEXAMPLE", f.settles(), f.deadline())),
                Map.of("removed late, one second before the episode settled",
                        Fixture.clean().with(f -> f.access("access-key", "AKIAEXAMPLE", f.settles().minusSeconds(1), f.deadline())),
                        "not removed, but the period ends as the episode settles",
                        Fixture.clean().with(f -> f.access("access-key", "AKIAEXAMPLE", null, f.deadline()).until(f.settles()))));
    }
}
