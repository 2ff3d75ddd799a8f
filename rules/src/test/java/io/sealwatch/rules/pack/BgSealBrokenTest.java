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

    @Override
    public Expected expected() {
        return new Expected("BG-SEAL-BROKEN", Severity.HIGH, ACCOUNT, null,
                "Shares of aws-root were released by alice@example.com, bob@example.com at 2026-09-10T08:00:00Z "
                        + "with no use within the custody window, and mfa not rotated within rotate-within");
    }

    @Override
    protected Fixture firing() {
        return Fixture.clean().sealRelease(RELEASED, List.of("mfa"));
    }

    @Override
    protected Map<String, Fixture> nearMisses() {
        // decided at release + rotate-within (24 h): exactly the period end is the next period's
        Instant lastSecond = QUARTER.to().minus(Duration.ofHours(24));
        return Map.of(
                "every credential rotated within rotate-within",
                Fixture.clean().sealRelease(RELEASED, List.of()),
                "not rotated, but the decision time is the period end (pending)",
                Fixture.clean().sealRelease(lastSecond, List.of("mfa")));
    }
}
