package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-NO-INCIDENT: the smallest facts that fire it and the nearest that must not. */
class BgNoIncidentTest extends RuleCase {

    @Override
    public Expected expected() {
        return new Expected("BG-NO-INCIDENT", Severity.MEDIUM, ACCOUNT, EPISODE,
                "Episode " + EPISODE + " of aws-root references no incident");
    }

    @Override
    protected Fixture firing() {
        Fixture f = Fixture.clean();
        f.incident = " ";
        return f;
    }

    @Override
    protected Map<String, Fixture> nearMisses() {
        Fixture notRequired = Fixture.clean().requireIncident(false);
        notRequired.incident = null;
        return Map.of("require-incident is off", notRequired);
    }
}
