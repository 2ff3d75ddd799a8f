package io.sealwatch.result;

import io.sealwatch.model.Period;
import io.sealwatch.rules.Fixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.sealwatch.rules.Fixture.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where an episode stands at the period end, and what it still owes by when. */
class EpisodeStatusTest {

    /** The clean episode, but engineering leadership not told and the mfa device not rotated (yet). */
    private static Fixture owing() {
        Fixture f = Fixture.clean();
        f.notifications.removeIf(n -> n.recipient().equals("engineering-leadership"));
        f.rotations.removeIf(r -> r.credential().equals("mfa"));
        return f.rotation("mfa", f.deadline(), null);
    }

    private static EpisodeStatus status(Fixture f) {
        return EpisodeStatus.of(f.facts(), f.episode());
    }

    @Test
    void anUnsettledEpisodeOwesWhatIsMissingByItsDeadlines() {
        Fixture f = owing();
        EpisodeStatus s = status(f.until(f.end().plus(Duration.ofHours(2))));
        assertEquals("open", s.state());
        assertEquals(f.settles(), s.settlesAt());
        assertFalse(s.carriedOver());
        assertEquals(List.of(new EpisodeStatus.Owed("notification of engineering-leadership", "BG-NOTIFY-MISSING",
                        START.plus(Duration.ofMinutes(15))),
                new EpisodeStatus.Owed("rotation of mfa", "BG-ROTATION-INCOMPLETE", f.deadline())), s.owed());
    }

    @Test
    void activeAtThePeriodEndIsOngoingAndSettledOwesNothing() {
        Fixture f = owing();
        assertEquals("ongoing", status(f.until(f.end().plus(Duration.ofHours(1)))).state(), "exactly episode-gap after");
        assertEquals("open", status(f.until(f.end().plus(Duration.ofHours(1)).plusSeconds(1))).state());
        assertEquals("open", status(f.until(f.settles())).state(), "settling at the period end is the next period's");
        EpisodeStatus settled = status(f.until(f.settles().plusSeconds(1)));
        assertEquals("settled", settled.state());
        assertTrue(settled.owed().isEmpty());
    }

    @Test
    void startedBeforeThePeriodIsCarriedOver() {
        Fixture f = owing();
        f.period = new Period(START.plus(Duration.ofHours(2)), f.settles());
        assertTrue(status(f).carriedOver());
    }
}
