package io.sealwatch.cli.watch;

import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.Policy;
import io.sealwatch.model.Authentication;
import io.sealwatch.model.Episode;
import io.sealwatch.model.SealRelease;
import io.sealwatch.result.EpisodeStatus;
import io.sealwatch.result.RunResult;
import io.sealwatch.result.SourceCoverage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a judgement's verdicts change with nothing new to read: the moments the clock alone turns something
 * pending into a finding or a passed deadline. The service judges again when the earliest has passed.
 */
final class Deadlines {
    /** A sign-in without a factor takes one from another step within this long (BG-MFA-WEAK waits for it). */
    private static final Duration MFA_STEP = Duration.ofMinutes(5);

    private Deadlines() {
    }

    /** The earliest moment after {@code now} at which judging again may change something, or null. */
    static Instant next(RunResult result, Instant now) {
        Policy policy = result.config().policy();
        List<Instant> at = new ArrayList<>();
        for (Episode e : result.facts().episodes()) {
            EpisodeStatus status = result.views().status(e);
            if ("settled".equals(status.state())) {
                continue;
            }
            at.add(e.start().plus(policy.approvalGrace()));
            at.add(e.end().plus(policy.episodeGap()));
            at.add(status.settlesAt());
            result.config().account(e.account()).map(AccountSpec::maxSession).ifPresent(d -> at.add(e.start().plus(d)));
            status.owed().forEach(o -> at.add(o.due()));
        }
        result.facts().sealReleases().stream().map(SealRelease::decidedAt).forEach(at::add);
        result.facts().authentications().stream().map(Authentication::time).forEach(t -> at.add(t.plus(MFA_STEP)));
        for (SourceCoverage c : result.coverage()) {
            Instant last = AlertDerivation.lastEvent(c, result.info().period());
            at.add((last == null ? result.info().period().from() : last).plus(policy.logGap()));
        }
        return at.stream().filter(t -> t.isAfter(now)).min(Instant::compareTo).orElse(null);
    }
}
