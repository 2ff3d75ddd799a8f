package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-QUORUM-NOT-MET: the smallest facts that fire it and the nearest that must not. */
class BgQuorumNotMetTest extends RuleCase {

    @Override
    public Expected expected() {
        return new Expected("BG-QUORUM-NOT-MET", Severity.HIGH, ACCOUNT, EPISODE,
                "Episode " + EPISODE + " of aws-root was unsealed by 1 distinct custodian(s); the quorum is 2");
    }

    @Override
    protected Fixture firing() {
        Fixture f = Fixture.clean();
        f.custody.clear();
        f.custody("alice@example.com", Duration.ofMinutes(-20));
        f.custody("ALICE@example.com", Duration.ofMinutes(-19));
        return f;
    }

    @Override
    protected Map<String, Fixture> nearMisses() {
        Fixture two = Fixture.clean();
        two.custody.clear();
        two.custody("alice@example.com", Duration.ofMinutes(-20));
        two.custody("BOB@EXAMPLE.COM", Duration.ofMinutes(-19));
        return Map.of("two distinct custodians, one in upper case", two);
    }
}
