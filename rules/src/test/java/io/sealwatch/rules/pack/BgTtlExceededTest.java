package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-TTL-EXCEEDED: the smallest facts that fire it and the nearest that must not. */
class BgTtlExceededTest extends RuleCase {

    @Override
    public Expected expected() {
        return new Expected("BG-TTL-EXCEEDED", Severity.HIGH, ACCOUNT, EPISODE,
                "Episode " + EPISODE + " of aws-root was still in use at 2026-08-14T07:00:01Z, 4h 1s after its start;"
                        + " its max-session is 4h");
    }

    @Override
    protected Fixture firing() {
        Fixture f = Fixture.clean();
        f.length = Duration.ofHours(4).plusSeconds(1);
        return f;
    }

    @Override
    protected Map<String, Fixture> nearMisses() {
        Fixture exact = Fixture.clean();
        exact.length = Duration.ofHours(4);
        return Map.of("exactly max-session", exact);
    }
}
