package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-NOTIFY-LATE: the smallest facts that fire it and the nearest that must not. */
class BgNotifyLateTest extends RuleCase {

    BgNotifyLateTest() {
        super(new Expected("BG-NOTIFY-LATE", Severity.HIGH, ACCOUNT, EPISODE,
                        "security-leadership was notified of episode " + EPISODE + " of aws-root 16m after the start; notify-within is 15m"),
                () -> unnotified().notification("security-leadership", Duration.ofMinutes(30))
                        .notification("security-leadership", Duration.ofMinutes(16)),
                Map.of("exactly notify-within", unnotified().notification("security-leadership", Duration.ofMinutes(15)),
                        "a timely notification besides a late one", Fixture.clean().notification("security-leadership", Duration.ofMinutes(40)),
                        "never notified", unnotified()));
    }

    private static Fixture unnotified() {
        return Fixture.clean().with(f -> f.notifications.removeIf(n -> n.recipient().equals("security-leadership")));
    }
}
