package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-NOTIFY-MISSING: the smallest facts that fire it and the nearest that must not. */
class BgNotifyMissingTest extends RuleCase {

    BgNotifyMissingTest() {
        super(new Expected("BG-NOTIFY-MISSING", Severity.CRITICAL, ACCOUNT, EPISODE,
                        "engineering-leadership was not notified of episode " + EPISODE
                                + " of aws-root before it settled at 2026-08-22T04:00:00Z"),
                BgNotifyMissingTest::unnotified,
                Map.of("notified late, in another case", unnotified().notification("Engineering-Leadership", Duration.ofMinutes(40)),
                        "the period ends as the episode settles (still owed, not yet certain)", unnotified().until(Fixture.clean().settles())));
    }

    private static Fixture unnotified() {
        return Fixture.clean().with(f -> f.notifications.removeIf(n -> n.recipient().equals("engineering-leadership")));
    }
}
