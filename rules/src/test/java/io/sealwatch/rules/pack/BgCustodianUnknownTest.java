package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-CUSTODIAN-UNKNOWN: the smallest facts that fire it and the nearest that must not. */
class BgCustodianUnknownTest extends RuleCase {

    BgCustodianUnknownTest() {
        super(new Expected("BG-CUSTODIAN-UNKNOWN", Severity.HIGH, ACCOUNT, EPISODE,
                        "mallory@example.com released a credential share of aws-root for episode " + EPISODE + " but is not one of its custodians"),
                () -> Fixture.clean().custody("mallory@example.com", Duration.ofMinutes(-15)),
                Map.of("a configured custodian spelled in another case", Fixture.clean().custody("Carol@Example.com", Duration.ofMinutes(-15))));
    }
}
