package io.sealwatch.rules.pack;

import io.sealwatch.model.Finding;
import io.sealwatch.model.Severity;
import io.sealwatch.rules.Fixture;
import io.sealwatch.rules.RuleCase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static io.sealwatch.rules.Fixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** BG-SELF-APPROVAL: the smallest facts that fire it and the nearest that must not. */
class BgSelfApprovalTest extends RuleCase {

    BgSelfApprovalTest() {
        super(new Expected("BG-SELF-APPROVAL", Severity.CRITICAL, ACCOUNT, EPISODE,
                        "Episode " + EPISODE + " of aws-root was approved by ciso@example.com, who also released a credential share for it"),
                () -> Fixture.clean().custody("CISO@example.com", Duration.ofMinutes(-15)),
                Map.of("the approver released a share for another episode",
                        Fixture.clean().custody("aws-root/2026-07-02T00:00:00Z", APPROVER, Duration.ofDays(-43))));
    }

    @Test
    void approverWhoActedInTheEpisode() {
        Fixture f = Fixture.clean();
        f.actors.add("Ciso@Example.com");
        List<Finding> found = f.findings(expected().rule());
        assertEquals(1, found.size());
        assertEquals("Episode " + EPISODE + " of aws-root was approved by ciso@example.com, who also acted in it",
                found.get(0).message());
    }
}
