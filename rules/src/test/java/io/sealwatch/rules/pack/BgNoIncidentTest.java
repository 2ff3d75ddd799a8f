package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-NO-INCIDENT: the smallest facts that fire it and the nearest that must not. */
class BgNoIncidentTest extends RuleCase {

    BgNoIncidentTest() {
        super(new Expected("BG-NO-INCIDENT", Severity.MEDIUM, ACCOUNT, EPISODE, "Episode " + EPISODE + " of aws-root references no incident"),
                () -> Fixture.clean().with(f -> f.incident = " "),
                Map.of("require-incident is off", Fixture.clean().requireIncident(false).with(f -> f.incident = null)));
    }
}
