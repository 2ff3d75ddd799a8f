package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-TTL-EXCEEDED: the smallest facts that fire it and the nearest that must not. */
class BgTtlExceededTest extends RuleCase {

    BgTtlExceededTest() {
        super(new Expected("BG-TTL-EXCEEDED", Severity.HIGH, ACCOUNT, EPISODE,
                        "Episode " + EPISODE + " of aws-root was still in use at 2026-08-14T07:00:01Z, 4h 1s after its start;"
                                + " its max-session is 4h"),
                () -> Fixture.clean().with(f -> f.length = Duration.ofHours(4).plusSeconds(1)),
                Map.of("exactly max-session", Fixture.clean().with(f -> f.length = Duration.ofHours(4))));
    }
}
