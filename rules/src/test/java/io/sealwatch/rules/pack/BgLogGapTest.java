package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Instant;
import java.util.Map;

/** BG-LOG-GAP: the smallest facts that fire it and the nearest that must not. */
class BgLogGapTest extends RuleCase {

    BgLogGapTest() {
        super(new Expected("BG-LOG-GAP", Severity.HIGH, null, null,
                        "Source okta-system-log has no events from 2026-08-02T00:00:00Z to 2026-08-05T00:00:00Z (3d): silence cannot be attested"),
                () -> Fixture.clean().gap("okta-system-log", Instant.parse("2026-08-02T00:00:00Z"), Instant.parse("2026-08-05T00:00:00Z")),
                Map.of("the silent source is the evidence folder",
                        Fixture.clean().gap("evidence", Instant.parse("2026-08-02T00:00:00Z"), Instant.parse("2026-08-05T00:00:00Z"))));
    }
}
