package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-SEAL-BROKEN: the smallest facts that fire it and the nearest that must not. */
class BgSealBrokenTest extends RuleCase {

    private static final Instant RELEASED = Instant.parse("2026-09-10T08:00:00Z");
    /** Decided at release + rotate-within (24 h): exactly the period end is the next period's. */
    private static final Instant LAST_SECOND = QUARTER.to().minus(Duration.ofHours(24));

    BgSealBrokenTest() {
        super(new Expected("BG-SEAL-BROKEN", Severity.HIGH, ACCOUNT, null,
                        "Shares of aws-root were released by alice@example.com, bob@example.com at 2026-09-10T08:00:00Z "
                                + "with no use within the custody window, and mfa not rotated within rotate-within"),
                () -> Fixture.clean().sealRelease(RELEASED, List.of("mfa")),
                Map.of("every credential rotated within rotate-within", Fixture.clean().sealRelease(RELEASED, List.of()),
                        "not rotated, but the decision time is the period end (pending)", Fixture.clean().sealRelease(LAST_SECOND, List.of("mfa"))));
    }
}
