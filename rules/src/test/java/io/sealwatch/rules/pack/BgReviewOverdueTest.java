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

/** BG-REVIEW-OVERDUE: the smallest facts that fire it and the nearest that must not. */
class BgReviewOverdueTest extends RuleCase {

    BgReviewOverdueTest() {
        super(new Expected("BG-REVIEW-OVERDUE", Severity.MEDIUM, ACCOUNT, null,
                        "No review of need of aws-root since 2025-10-01T00:00:00Z (review-every P1Y); last review: 2025-09-30T23:59:59Z"),
                () -> Fixture.clean().program("review", Instant.parse("2025-09-30T23:59:59Z")),
                Map.of("a review exactly review-every before the period end", Fixture.clean().program("review", Instant.parse("2025-10-01T00:00:00Z"))));
    }

    @Test
    void neverReviewed() {
        Fixture f = Fixture.clean();
        f.programEvents.removeIf(p -> p.kind().equals("review"));
        assertEquals(List.of("No review of need of aws-root since 2025-10-01T00:00:00Z (review-every P1Y); last review: none"),
                f.findings(expected().rule()).stream().map(Finding::message).toList());
    }
}
