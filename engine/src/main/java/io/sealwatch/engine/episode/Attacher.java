package io.sealwatch.engine.episode;

import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.Policy;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.engine.episode.Sessionizer.IdentityIndex;
import io.sealwatch.engine.episode.Sessionizer.Span;
import io.sealwatch.model.Approval;
import io.sealwatch.model.Authentication;
import io.sealwatch.model.Classification;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.CredentialRotation;
import io.sealwatch.model.Custody;
import io.sealwatch.model.Episode;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.Notification;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.Period;
import io.sealwatch.model.PersistentAccess;
import io.sealwatch.model.ProgramEvent;
import io.sealwatch.rules.Facts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Attaches process evidence and native records to the episodes by the policy windows and derives
 * the facts the rules judge, as of the period end. Runs on the driver: after the Spark scan the data is small.
 *
 * <p>The period's episodes are those starting in it and those carried over: started before it
 * (within the lookback) and not settled at its start. Everything is seen as it was at the period end,
 * even when the spans and events given reach further: sessionising is causal (an episode's start and
 * its activity up to any moment depend only on earlier activity), so clipping a span to the lookback
 * horizon and the period end gives what sessionising only the events in between would give.
 */
final class Attacher {
    /** Sources' clocks differ by a few seconds: a notification this much before the start still counts. */
    static final Duration SKEW = Duration.ofMinutes(1);
    /** How far apart the steps of one sign-in (password, then second factor) may be logged. */
    static final Duration SIGN_IN_STEPS = Duration.ofMinutes(5);

    private final SealwatchConfig config;
    private final Policy policy;
    private final Period period;
    private final Instant horizon;
    private final IdentityIndex identities;

    Attacher(SealwatchConfig config, Period period) {
        this.config = config;
        this.policy = config.policy();
        this.period = period;
        this.horizon = period.from().minus(policy.lookback());
        this.identities = new IdentityIndex(config);
    }

    /**
     * @param spans  the episode extents of every account, from the lookback horizon (or earlier) to the
     *               period end (or later); all of them bound their neighbours' rotations and notifications
     * @param events the account-related events: activity from the horizon (or earlier), the rest from any time
     */
    Reconstruction attach(List<Span> spans, List<NormalizedEvent> events, List<CoverageGap> gaps) {
        List<NormalizedEvent> sorted = events.stream().filter(e -> e.time().isBefore(period.to()))
                .sorted(NormalizedEvent.ORDER).toList();
        Facts.Builder facts = new Facts.Builder();
        Set<NormalizedEvent> used = new LinkedHashSet<>();
        for (AccountSpec account : config.accounts()) {
            List<NormalizedEvent> mine = sorted.stream().filter(e -> account.id().equals(e.account())).toList();
            List<Span> own = clip(spans.stream().filter(s -> s.account().equals(account.id()))
                    .sorted(Comparator.comparing(Span::start)).toList(), mine);
            for (int i = 0; i < own.size(); i++) {
                Span span = own.get(i);
                // settling at the period start decides it in this period: carried over
                boolean carriedOver = span.start().isBefore(period.from())
                        && !policy.settlesAt(span.end()).isBefore(period.from());
                if (period.contains(span.start()) || carriedOver) {
                    Instant nextStart = i + 1 < own.size() ? own.get(i + 1).start() : Instant.MAX;
                    episode(account, span, nextStart, mine, facts, used);
                }
            }
            failedLogins(account, own, mine, facts, used);
            new BetweenUses(policy, period).judge(account, own, mine, facts, used);
            for (NormalizedEvent e : mine) {
                if (e.eventClass() == EventClass.DRILL || e.eventClass() == EventClass.REVIEW) {
                    facts.programEvents.add(new ProgramEvent(e.eventClass().wire(), account.id(), e.time(),
                            e.person() != null ? e.person() : e.actor(), e.ref()));
                    used.add(e);
                }
            }
        }
        facts.gaps.addAll(gaps);
        return new Reconstruction(facts.build(config, period), used.stream().sorted(NormalizedEvent.ORDER).toList());
    }

    /**
     * The spans as sessionising the activity in {@code [horizon, period end)} alone would find them: each
     * keeps its activity in that range, starting at the first and ending at the last; empty ones go.
     */
    private List<Span> clip(List<Span> spans, List<NormalizedEvent> mine) {
        List<Instant> activity = mine.stream().filter(e -> isActivity(e) && !e.time().isBefore(horizon))
                .map(NormalizedEvent::time).toList();
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            List<Instant> in = activity.stream()
                    .filter(t -> !t.isBefore(s.start()) && !t.isAfter(s.end())).toList();
            if (!in.isEmpty()) {
                out.add(new Span(s.account(), in.get(0), in.get(in.size() - 1), in.size()));
            }
        }
        return out;
    }

    private void episode(AccountSpec account, Span span, Instant nextStart, List<NormalizedEvent> mine,
                         Facts.Builder facts, Set<NormalizedEvent> used) {
        // late notifications and rotations count until the episode settles, and never across the next one
        Instant settles = policy.settlesAt(span.end());
        Instant countsUntil = settles.isBefore(nextStart) ? settles : nextStart;
        String id = Episode.idOf(account.id(), span.start());
        List<NormalizedEvent> activity = mine.stream()
                .filter(e -> isActivity(e) && !e.time().isBefore(span.start()) && !e.time().isAfter(span.end()))
                .toList();
        Set<String> actors = new TreeSet<>();
        Set<String> sources = new TreeSet<>();
        for (NormalizedEvent e : activity) {
            actors.add(e.person() != null ? e.person() : e.actor());
            sources.add(e.sourceType());
            if (e.eventClass() == EventClass.AUTHENTICATION) {
                facts.authentications.add(new Authentication(id, account.id(), e.time(), e.actor(), true,
                        factor(e, activity), Boolean.TRUE.equals(e.federated()), e.ref(),
                        e.mfa() != null ? e.time() : e.time().plus(SIGN_IN_STEPS)));
            }
            if ("created".equals(e.accessChange())) {
                persistentAccess(account, id, span, e, mine, facts, used);
            }
        }
        String incident = activity.stream().map(NormalizedEvent::incident).filter(Objects::nonNull).findFirst()
                .orElse(null);
        List<NormalizedEvent> attached = new ArrayList<>(activity);

        List<String> approvers = new ArrayList<>();
        for (NormalizedEvent e : of(mine, EventClass.APPROVAL)) {
            Instant t = e.time();
            if (!t.isBefore(span.start().minus(policy.approvalWindow()))
                    && !t.isAfter(span.start().plus(policy.approvalGrace())) && t.isBefore(nextStart)) {
                String who = person(e);
                facts.approvals.add(new Approval(id, account.id(), t, who, e.incident(), t.isAfter(span.start()),
                        e.ref()));
                approvers.add(who);
                incident = incident == null ? e.incident() : incident;
                attached.add(e);
            }
        }
        Set<String> custodians = new LinkedHashSet<>();
        for (NormalizedEvent e : of(mine, EventClass.CUSTODY)) {
            Instant t = e.time();
            if (!t.isBefore(span.start().minus(policy.custodyWindow())) && !t.isAfter(span.end())) {
                String who = person(e);
                facts.custody.add(new Custody(id, account.id(), t, who, e.credential(), e.ref()));
                custodians.add(who);
                incident = incident == null ? e.incident() : incident;
                attached.add(e);
            }
        }
        Map<String, Long> notifications = new LinkedHashMap<>();
        for (NormalizedEvent e : of(mine, EventClass.NOTIFICATION)) {
            Instant t = e.time();
            if (!t.isBefore(span.start().minus(SKEW)) && t.isBefore(countsUntil) && e.recipient() != null) {
                long latency = Math.max(0, Duration.between(span.start(), t).getSeconds());
                facts.notifications.add(new Notification(id, account.id(), t, e.recipient(), latency, e.ref()));
                notifications.putIfAbsent(e.recipient(), latency);
                incident = incident == null ? e.incident() : incident;
                attached.add(e);
            }
        }
        Map<String, Instant> rotations = new LinkedHashMap<>();
        Instant deadline = span.end().plus(policy.rotateWithin());
        for (String credential : account.credentials()) {
            NormalizedEvent rotation = of(mine, EventClass.ROTATION).stream()
                    .filter(e -> credential.equalsIgnoreCase(e.credential()) && e.time().isAfter(span.end())
                            && e.time().isBefore(countsUntil))
                    .findFirst().orElse(null);
            rotations.put(credential, rotation == null ? null : rotation.time());
            facts.rotations.add(new CredentialRotation(id, account.id(), credential, deadline,
                    rotation == null ? null : rotation.time(), rotation == null ? null : rotation.ref()));
            if (rotation != null) {
                attached.add(rotation);
                incident = incident == null ? rotation.incident() : incident;
            }
        }
        boolean drill = of(mine, EventClass.DRILL).stream().anyMatch(e ->
                !e.time().isBefore(span.start().minus(policy.approvalWindow())) && !e.time().isAfter(span.end()));
        Classification classification = drill ? Classification.DRILL
                : incident != null ? Classification.EMERGENCY : Classification.UNEXPLAINED;
        long duration = Duration.between(span.start(), span.end()).getSeconds();
        used.addAll(attached);
        Instant incidentAt = attached.stream().filter(e -> e.incident() != null).map(NormalizedEvent::time)
                .min(Comparator.naturalOrder()).orElse(null);
        Instant limit = account.maxSession() == null ? Instant.MAX : span.start().plus(account.maxSession());
        Instant overLimitAt = activity.stream().map(NormalizedEvent::time).filter(t -> t.isAfter(limit))
                .findFirst().orElse(null);
        facts.episodes.add(new Episode(id, account.id(), classification, span.start(), span.end(), duration,
                List.copyOf(sources), List.copyOf(actors), activity.size(), List.copyOf(approvers),
                List.copyOf(custodians), incident, notifications, rotations,
                activity.get(0).ref(), activity.get(activity.size() - 1).ref(), incidentAt, overLimitAt));
    }

    private void persistentAccess(AccountSpec account, String episode, Span span, NormalizedEvent created,
                                  List<NormalizedEvent> mine, Facts.Builder facts, Set<NormalizedEvent> used) {
        NormalizedEvent removed = mine.stream()
                .filter(e -> "removed".equals(e.accessChange()) && !e.time().isBefore(created.time())
                        && PersistentAccess.removes(e.accessKind(), created.accessKind())
                        && Objects.equals(e.accessObject(), created.accessObject()))
                .findFirst().orElse(null);
        if (removed != null) {
            used.add(removed);
        }
        facts.persistentAccess.add(new PersistentAccess(episode, account.id(), created.accessKind(),
                created.accessObject(), created.time(), removed == null ? null : removed.time(),
                span.end().plus(policy.rotateWithin()), created.ref()));
    }

    /**
     * Failed authentications since the horizon (BG-FAILED-LOGIN groups them and reports a group in the
     * period of its first attempt), each attached to the episode it falls in: from its start to
     * {@code episode-gap} after its latest activity so far, which later activity cannot change.
     */
    private void failedLogins(AccountSpec account, List<Span> own, List<NormalizedEvent> mine, Facts.Builder facts,
                              Set<NormalizedEvent> used) {
        for (NormalizedEvent e : mine) {
            if (e.eventClass() == EventClass.AUTHENTICATION && e.failed() && !e.time().isBefore(horizon)) {
                Instant t = e.time();
                String episode = own.stream()
                        .filter(s -> !t.isBefore(s.start()) && !t.isAfter(s.end().plus(policy.episodeGap())))
                        .map(s -> Episode.idOf(account.id(), s.start())).findFirst().orElse(null);
                facts.authentications.add(new Authentication(episode, account.id(), e.time(), e.actor(), false,
                        e.mfa() == null ? "unknown" : e.mfa(), Boolean.TRUE.equals(e.federated()), e.ref()));
                used.add(e);
            }
        }
    }

    /**
     * The second factor of a successful authentication. Some logs record a sign-in in steps (Okta:
     * {@code user.session.start} for the password, {@code user.authentication.auth_via_mfa} for the
     * factor): a step that shows no factor takes the one shown by another step of the same source
     * within {@link #SIGN_IN_STEPS}; with none, the factor is {@code unknown} and cannot be attested.
     */
    private static String factor(NormalizedEvent e, List<NormalizedEvent> activity) {
        if (e.mfa() != null) {
            return e.mfa();
        }
        return activity.stream()
                .filter(o -> o.eventClass() == EventClass.AUTHENTICATION && o.mfa() != null
                        && o.sourceType().equals(e.sourceType())
                        && Duration.between(o.time(), e.time()).abs().compareTo(SIGN_IN_STEPS) <= 0)
                .min(Comparator.comparing(o -> Duration.between(o.time(), e.time()).abs()))
                .map(NormalizedEvent::mfa).orElse("unknown");
    }

    private boolean isActivity(NormalizedEvent e) {
        return Sessionizer.ACTIVITY_CLASSES.contains(e.eventClass().wire()) && !e.failed()
                && identities.isIdentity(e.account(), e.sourceType(), e.actor());
    }

    private static List<NormalizedEvent> of(List<NormalizedEvent> events, EventClass kind) {
        return events.stream().filter(e -> e.eventClass() == kind).toList();
    }

    /** The person behind an event (else its actor), as approvals and custody name them. */
    static String person(NormalizedEvent e) {
        String who = e.person() != null ? e.person() : e.actor();
        return who == null ? "(unknown)" : who;
    }
}
