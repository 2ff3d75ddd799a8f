package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-ROTATION-INCOMPLETE: the smallest facts that fire it and the nearest that must not. */
class BgRotationIncompleteTest extends RuleCase {

    BgRotationIncompleteTest() {
        super(new Expected("BG-ROTATION-INCOMPLETE", Severity.CRITICAL, ACCOUNT, EPISODE,
                        "Credential mfa of aws-root was not rotated after episode " + EPISODE
                                + " before it settled at 2026-08-22T04:00:00Z; its deadline was 2026-08-15T04:00:00Z"),
                () -> Fixture.clean().with(f -> f.rotation("mfa", f.deadline(), null)),
                Map.of("the period ends as the episode settles (still owed, not yet certain)",
                        Fixture.clean().with(f -> f.rotation("mfa", f.deadline(), null).until(f.settles()))));
    }
}
