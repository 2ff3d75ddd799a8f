package io.sealwatch.rules.pack;

import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.util.Map;

import static io.sealwatch.rules.Fixture.*;

/** BG-NOTIFY-MISSING: the smallest facts that fire it and the nearest that must not. */
class BgNotifyMissingTest extends RuleCase {

    @Override
    public Expected expected() {
        return new Expected("BG-NOTIFY-MISSING", Severity.CRITICAL, ACCOUNT, EPISODE,
                "engineering-leadership was not notified of episode " + EPISODE
                        + " of aws-root before it settled at 2026-08-22T04:00:00Z");
    }

    @Override
    protected Fixture firing() {
        Fixture f = Fixture.clean();
        f.notifications.removeIf(n -> n.recipient().equals("engineering-leadership"));
        return f;
    }

    @Override
    protected Map<String, Fixture> nearMisses() {
        Fixture late = Fixture.clean();
        late.notifications.removeIf(n -> n.recipient().equals("engineering-leadership"));
        late.notification("Engineering-Leadership", Duration.ofMinutes(40));
        Fixture open = firing().until(Fixture.clean().settles());
        return Map.of("notified late, in another case", late,
                "the period ends as the episode settles (still owed, not yet certain)", open);
    }
}
