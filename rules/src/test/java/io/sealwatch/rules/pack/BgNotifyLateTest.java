package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-NOTIFY-LATE: the smallest facts that fire it and the nearest that must not. */
class BgNotifyLateTest extends RuleCase {

    @Override
    public Expected expected() {
        return new Expected("BG-NOTIFY-LATE", Severity.HIGH, ACCOUNT, EPISODE,
                "security-leadership was notified of episode " + EPISODE + " of aws-root 16m after the start; notify-within is 15m");
    }

    @Override
    protected Fixture firing() {
        Fixture f = Fixture.clean();
        f.notifications.removeIf(n -> n.recipient().equals("security-leadership"));
        f.notification("security-leadership", Duration.ofMinutes(30));
        f.notification("security-leadership", Duration.ofMinutes(16));
        return f;
    }

    @Override
    protected Map<String, Fixture> nearMisses() {
        Fixture exact = Fixture.clean();
        exact.notifications.removeIf(n -> n.recipient().equals("security-leadership"));
        exact.notification("security-leadership", Duration.ofMinutes(15));
        Fixture earlierInTime = Fixture.clean();
        earlierInTime.notification("security-leadership", Duration.ofMinutes(40));
        Fixture missing = Fixture.clean();
        missing.notifications.removeIf(n -> n.recipient().equals("security-leadership"));
        return Map.of("exactly notify-within", exact, "a timely notification besides a late one", earlierInTime,
                "never notified", missing);
    }
}
