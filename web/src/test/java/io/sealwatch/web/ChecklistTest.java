package io.sealwatch.web;

import io.sealwatch.result.RunResult;
import io.sealwatch.web.Checklist.Item;
import io.sealwatch.web.Checklist.Mark;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The same judgement seen at different moments: a duty is pending until its deadline, then done or not. */
class ChecklistTest {

    private static final RunResult RESULT = WebFixtures.result();

    private static Map<String, Item> items(Instant now) {
        List<Checklist> open = Checklist.of(RESULT, now);
        assertEquals(List.of(WebFixtures.EPISODE), open.stream().map(c -> c.episode().id()).toList(),
                "only the episode that has not settled");
        return open.get(0).items().stream().collect(Collectors.toMap(Item::label, i -> i));
    }

    @Test
    void fiveMinutesInTheQuorumAndTheNotificationsAreStillDue() {
        Map<String, Item> at = items(WebFixtures.START.plus(Duration.ofMinutes(5)));
        Instant grace = WebFixtures.START.plus(Duration.ofMinutes(15));
        assertEquals(new Item("Quorum", Mark.PENDING, "1 of 2 custodians released their shares so far (alice@example.com)",
                grace), at.get("Quorum"));
        assertEquals(new Item("Notified engineering-leadership", Mark.PENDING, "notification not recorded yet", grace),
                at.get("Notified engineering-leadership"));
        assertEquals(Mark.DONE, at.get("Approval").mark());
        assertEquals(Mark.DONE, at.get("Notified security-leadership").mark());
        assertEquals(WebFixtures.START.plus(Duration.ofHours(4)), at.get("Time limit").due());
    }

    @Test
    void afterTheirDeadlinesWhatIsMissingHasFailed() {
        Map<String, Item> at = items(WebFixtures.NOW);
        assertEquals(Mark.FAILED, at.get("Quorum").mark());
        assertNull(at.get("Quorum").due());
        assertEquals(Item.of("Notified engineering-leadership", Mark.FAILED,
                "notification not recorded by 2026-08-14 09:35:00Z"), at.get("Notified engineering-leadership"));
        assertEquals(Mark.PENDING, at.get("Rotate mfa").mark(), "rotations are due a day after the last activity");
    }

    @Test
    void anOngoingUsePastItsLimitIsFlaggedBeforeTheRuleDecides() {
        Map<String, Item> at = items(WebFixtures.START.plus(Duration.ofHours(5)));
        assertEquals(Item.of("Time limit", Mark.LATE, "the limit of 4h 00m 00s passed at 2026-08-14 13:20:00Z; "
                + "no activity after it so far"), at.get("Time limit"));
    }

    @Test
    void aDayLaterTheRotationsAreOverdue() {
        Map<String, Item> at = items(WebFixtures.END.plus(Duration.ofHours(25)));
        for (String credential : List.of("access-key", "mfa", "password")) {
            assertEquals(Item.of("Rotate " + credential, Mark.FAILED, "rotation not recorded by 2026-08-15 09:50:00Z"),
                    at.get("Rotate " + credential));
        }
    }
}
