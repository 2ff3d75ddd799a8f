package io.sealwatch.rules.pack;

import io.sealwatch.model.Finding;
import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static io.sealwatch.rules.Fixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** BG-FAILED-LOGIN: the smallest facts that fire it and the nearest that must not. */
class BgFailedLoginTest extends RuleCase {

    BgFailedLoginTest() {
        super(new Expected("BG-FAILED-LOGIN", Severity.HIGH, ACCOUNT, null,
                        "2 failed sign-in attempt(s) on aws-root on 2026-08-20 outside any episode"),
                () -> Fixture.clean().authentication(null, Instant.parse("2026-08-20T23:59:59Z"), false, "none", false)
                        .authentication(null, Instant.parse("2026-08-20T00:00:00Z"), false, "none", false),
                Map.of("the failure is before the period",
                        Fixture.clean().authentication(null, QUARTER.from().minusSeconds(1), false, "none", false)));
    }

    @Test
    void oneFindingPerEpisodeAndPerDayOutsideEpisodes() {
        Fixture f = firing();
        f.authentication(EPISODE, START.minusSeconds(30), false, "webauthn", false);
        f.authentication(EPISODE, START.plusSeconds(30), false, "webauthn", false);
        f.authentication(null, Instant.parse("2026-08-21T00:00:00Z"), false, "none", false);
        List<Finding> found = f.findings(expected().rule());
        assertEquals(List.of(
                        "2 failed sign-in attempt(s) on aws-root during episode " + EPISODE,
                        "2 failed sign-in attempt(s) on aws-root on 2026-08-20 outside any episode",
                        "1 failed sign-in attempt(s) on aws-root on 2026-08-21 outside any episode"),
                found.stream().map(Finding::message).toList());
        assertEquals(START.minusSeconds(30), found.get(0).at());
        assertEquals(2, found.get(0).evidence().size());
    }
}
