package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-QUORUM-NOT-MET: the smallest facts that fire it and the nearest that must not. */
class BgQuorumNotMetTest extends RuleCase {

    BgQuorumNotMetTest() {
        super(new Expected("BG-QUORUM-NOT-MET", Severity.HIGH, ACCOUNT, EPISODE,
                        "Episode " + EPISODE + " of aws-root was unsealed by 1 distinct custodian(s); the quorum is 2"),
                () -> Fixture.clean().with(f -> f.custody.clear())
                        .custody("alice@example.com", Duration.ofMinutes(-20)).custody("ALICE@example.com", Duration.ofMinutes(-19)),
                Map.of("two distinct custodians, one in upper case", Fixture.clean().with(f -> f.custody.clear())
                        .custody("alice@example.com", Duration.ofMinutes(-20)).custody("BOB@EXAMPLE.COM", Duration.ofMinutes(-19))));
    }
}
