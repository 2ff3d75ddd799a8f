package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-ROTATION-INCOMPLETE: the smallest facts that fire it and the nearest that must not. */
class BgRotationIncompleteTest extends RuleCase {

    @Override
    public Expected expected() {
        return new Expected("BG-ROTATION-INCOMPLETE", Severity.CRITICAL, ACCOUNT, EPISODE,
                "Credential mfa of aws-root was not rotated after episode " + EPISODE + "; its deadline was 2026-10-01T00:00:00Z");
    }

    @Override
    protected Fixture firing() {
        return Fixture.clean().rotation("mfa", QUARTER.to(), null);
    }

    @Override
    protected Map<String, Fixture> nearMisses() {
        return Map.of("the deadline is after the period end (pending)",
                Fixture.clean().rotation("mfa", QUARTER.to().plusSeconds(1), null));
    }
}
