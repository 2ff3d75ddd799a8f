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
                "access-key AKIAEXAMPLE created in episode " + EPISODE + " of aws-root was still in place when the episode settled at 2026-08-22T04:00:00Z (rotation deadline 2026-08-15T04:00:00Z)");
    }

    @Override
    protected Fixture firing() {
        Fixture f = Fixture.clean();
        return f.access("access-key", "AKIAEXAMPLE", f.settles(), f.deadline());
    }

    @Override
    protected Map<String, Fixture> nearMisses() {
        Fixture late = Fixture.clean();
        late.access("access-key", "AKIAEXAMPLE", late.settles().minusSeconds(1), late.deadline());
        Fixture open = Fixture.clean();
        open.access("access-key", "AKIAEXAMPLE", null, open.deadline()).until(open.settles());
        return Map.of("removed late, one second before the episode settled", late,
                "not removed, but the period ends as the episode settles", open);
    }
}
