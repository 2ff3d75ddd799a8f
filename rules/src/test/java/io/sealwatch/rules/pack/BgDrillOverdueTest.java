package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Instant;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-DRILL-OVERDUE: the smallest facts that fire it and the nearest that must not. */
class BgDrillOverdueTest extends RuleCase {

    BgDrillOverdueTest() {
        super(new Expected("BG-DRILL-OVERDUE", Severity.MEDIUM, ACCOUNT, null,
                        "No drill of aws-root since 2026-07-01T00:00:00Z (drill-every P3M); last drill: 2026-06-30T23:59:59Z"),
                () -> Fixture.clean().program("drill", Instant.parse("2026-06-30T23:59:59Z")),
                Map.of("a drill exactly drill-every before the period end", Fixture.clean().program("drill", Instant.parse("2026-07-01T00:00:00Z"))));
    }
}
