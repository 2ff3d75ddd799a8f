package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-STANDING-ACCESS: the smallest facts that fire it and the nearest that must not. */
class BgStandingAccessTest extends RuleCase {

    @Override
    public Expected expected() {
        return new Expected("BG-STANDING-ACCESS", Severity.CRITICAL, ACCOUNT, EPISODE,
                "access-key AKIAEXAMPLE created in episode " + EPISODE + " of aws-root was still in place at the rotation deadline 2026-08-15T04:00:00Z");
    }

    @Override
    protected Fixture firing() {
        Fixture f = Fixture.clean();
        return f.access("access-key", "AKIAEXAMPLE", f.deadline().plusSeconds(1), f.deadline());
    }

    @Override
    protected Map<String, Fixture> nearMisses() {
        Fixture atDeadline = Fixture.clean();
        atDeadline.access("access-key", "AKIAEXAMPLE", atDeadline.deadline(), atDeadline.deadline());
        Fixture pending = Fixture.clean();
        pending.access("access-key", "AKIAEXAMPLE", null, QUARTER.to().plusSeconds(1));
        return Map.of("removed exactly at the deadline", atDeadline,
                "not removed, but the deadline is after the period end", pending);
    }
}
