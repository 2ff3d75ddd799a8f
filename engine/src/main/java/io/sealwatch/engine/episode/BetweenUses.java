package io.sealwatch.engine.episode;

import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.Policy;
import io.sealwatch.config.SourceType;
import io.sealwatch.engine.episode.Sessionizer.Span;
import io.sealwatch.model.AccountChange;
import io.sealwatch.model.ChangeApproval;
import io.sealwatch.model.Episode;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.EvidenceRef;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.Period;
import io.sealwatch.model.SealRelease;
import io.sealwatch.rules.Facts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What happened to an account between its uses: changes made to it outside every episode, approved
 * changes ({@code change} evidence), and credential shares released with no use following them. Judged
 * over every event before the period end, so a decision falls in exactly one period.
 */
final class BetweenUses {
    private final Policy policy;
    private final Period period;

    BetweenUses(Policy policy, Period period) {
        this.policy = policy;
        this.period = period;
    }

    /**
     * @param spans  the account's episode extents up to the period end, by start
     * @param events the account's events before the period end, by time
     */
    void judge(AccountSpec account, List<Span> spans, List<NormalizedEvent> events, Facts.Builder facts,
               Set<NormalizedEvent> used) {
        for (NormalizedEvent e : events) {
            if (e.eventClass() == EventClass.APPROVED_CHANGE) {
                facts.changeApprovals.add(new ChangeApproval(account.id(), e.time(), Attacher.person(e), e.incident(),
                        e.ref()));
                used.add(e);
            } else if (isChange(e) && !e.time().isBefore(period.from().minus(policy.episodeGap()))) {
                // a change up to one episode-gap before the period may only be decided in it (see change())
                change(account, spans, e, facts, used);
            }
        }
        releases(account, spans, events, facts, used);
    }

    /**
     * A change to the account in a native log: credentials, factors, permissions, memberships, trust.
     * Process evidence records what people did, not a change seen in the systems, and is never one.
     */
    private static boolean isChange(NormalizedEvent e) {
        return (e.eventClass() == EventClass.ACCOUNT_CHANGE || e.eventClass() == EventClass.ROTATION)
                && !SourceType.of(e.sourceType()).processEvidence() && !e.failed();
    }

    private void change(AccountSpec account, List<Span> spans, NormalizedEvent e, Facts.Builder facts,
                        Set<NormalizedEvent> used) {
        Instant t = e.time();
        Span before = null;
        for (Span s : spans) {
            if (!t.isBefore(s.start()) && !t.isAfter(s.end())) {
                return;   // inside a use: activity, a rotation or persistent access of that episode
            }
            if (s.end().isBefore(t)) {
                before = s;
            }
        }
        // Less than episode-gap after a use, later activity could still extend the use over the change: it is
        // outside only once that can no longer happen, and is judged in the period holding that moment.
        Instant decided = before != null && t.isBefore(before.end().plus(policy.episodeGap()))
                ? before.end().plus(policy.episodeGap()) : t;
        if (!period.contains(decided)) {
            return;   // pending at the period end, or decided (and reported) in an earlier period
        }
        String countsFor = before != null && e.credential() != null
                && !t.isAfter(policy.settlesAt(before.end()))
                ? Episode.idOf(account.id(), before.start()) : null;
        // the principal as the source names it (an ARN says more than its user name)
        facts.changes.add(new AccountChange(account.id(), t, e.sourceType(), e.action(),
                e.actor() != null ? e.actor() : Attacher.person(e), countsFor, e.ref(), decided));
        used.add(e);
    }

    /**
     * Releases no episode claims (none starts within {@code custody-window} after it, and it is not during
     * one) are grouped: consecutive ones at most {@code custody-window} apart are one opening of the seal,
     * however many custodians took part, so a quorum releasing together is one broken seal.
     */
    private void releases(AccountSpec account, List<Span> spans, List<NormalizedEvent> events, Facts.Builder facts,
                          Set<NormalizedEvent> used) {
        List<NormalizedEvent> cluster = new ArrayList<>();
        for (NormalizedEvent e : events) {
            if (e.eventClass() != EventClass.CUSTODY || claimed(spans, e.time())) {
                continue;
            }
            if (!cluster.isEmpty() && Duration.between(last(cluster), e.time()).compareTo(policy.custodyWindow()) > 0) {
                seal(account, cluster, events, facts, used);
                cluster = new ArrayList<>();
            }
            cluster.add(e);
        }
        if (!cluster.isEmpty()) {
            seal(account, cluster, events, facts, used);
        }
    }

    private boolean claimed(List<Span> spans, Instant t) {
        return spans.stream().anyMatch(s -> !t.isBefore(s.start().minus(policy.custodyWindow()))
                && !t.isAfter(s.end()));
    }

    /** The shares open the account, so every credential of it must be rotated after the last release. */
    private void seal(AccountSpec account, List<NormalizedEvent> cluster, List<NormalizedEvent> events,
                      Facts.Builder facts, Set<NormalizedEvent> used) {
        Instant last = last(cluster);
        Instant rotateBy = last.plus(policy.rotateWithin());
        Instant decided = later(last.plus(policy.custodyWindow()), rotateBy);
        List<String> unrotated = account.credentials().stream()
                .filter(c -> events.stream().noneMatch(r -> r.eventClass() == EventClass.ROTATION
                        && c.equalsIgnoreCase(r.credential()) && r.time().isAfter(last) && !r.time().isAfter(rotateBy)))
                .toList();
        Set<String> custodians = new LinkedHashSet<>();
        List<EvidenceRef> refs = new ArrayList<>();
        for (NormalizedEvent e : cluster) {
            custodians.add(Attacher.person(e));
            refs.add(e.ref());
        }
        facts.sealReleases.add(new SealRelease(account.id(), cluster.get(0).time(), last, List.copyOf(custodians),
                decided, unrotated, List.copyOf(refs)));
        if (period.contains(decided)) {
            used.addAll(cluster);
        }
    }

    private static Instant last(List<NormalizedEvent> cluster) {
        return cluster.get(cluster.size() - 1).time();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
