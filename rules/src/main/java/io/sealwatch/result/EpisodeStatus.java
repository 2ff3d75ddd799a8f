package io.sealwatch.result;

import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.Policy;
import io.sealwatch.model.Approval;
import io.sealwatch.model.Custody;
import io.sealwatch.model.Episode;
import io.sealwatch.rules.Facts;
import io.sealwatch.rules.RuleSupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where an episode stands at the period end. {@code ongoing}: its account may still be active (the
 * last activity is less than {@code episode-gap} before the end); {@code open}: not yet settled, late
 * evidence still counts; {@code settled}: its verdict is final.
 *
 * @param carriedOver it started before the period and had not settled before its start
 * @param owed        what is not yet recorded and not yet decided, by its deadline (empty once settled)
 */
public record EpisodeStatus(String state, boolean carriedOver, Instant settlesAt, List<Owed> owed) {

    /**
     * Something the episode still owes: {@code what} (e.g. "rotation of mfa"), the rule that decides it once
     * {@code due} has passed, and that deadline.
     */
    public record Owed(String what, String rule, Instant due) {
    }

    public static EpisodeStatus of(Facts facts, Episode e) {
        Policy policy = facts.config().policy();
        Instant asOf = facts.period().asOf();
        Instant settles = policy.settlesAt(e.end());
        boolean carriedOver = e.start().isBefore(facts.period().from());
        if (settles.isBefore(asOf)) {   // settling at the period end belongs to the next period
            return new EpisodeStatus("settled", carriedOver, settles, List.of());
        }
        String state = e.end().plus(policy.episodeGap()).isBefore(asOf) ? "open" : "ongoing";
        return new EpisodeStatus(state, carriedOver, settles, owed(facts, e, asOf));
    }

    private static List<Owed> owed(Facts facts, Episode e, Instant asOf) {
        Policy policy = facts.config().policy();
        List<Owed> out = new ArrayList<>();
        Instant grace = e.start().plus(policy.approvalGrace());
        if (grace.isAfter(asOf)) {
            if (facts.approvals().stream().map(Approval::episode).noneMatch(e.id()::equals)) {
                out.add(new Owed("approval", "BG-APPROVAL-MISSING", grace));
            }
            int quorum = facts.config().account(e.account()).map(AccountSpec::quorum).orElse(0);
            List<Custody> shares = facts.custody().stream().filter(c -> c.episode().equals(e.id())).toList();
            if (RuleSupport.distinctCustodians(shares) < quorum) {
                out.add(new Owed("custody quorum of " + quorum, "BG-QUORUM-NOT-MET", grace));
            }
            if (policy.requireIncident() && e.incidentAt() == null) {
                out.add(new Owed("incident reference", "BG-NO-INCIDENT", grace));
            }
        }
        for (String group : policy.notifyRecipients()) {
            if (facts.notifications().stream().noneMatch(n -> n.episode().equals(e.id())
                    && group.equalsIgnoreCase(n.recipient()))) {
                out.add(new Owed("notification of " + group, "BG-NOTIFY-MISSING",
                        e.start().plus(policy.notifyWithin())));
            }
        }
        facts.rotations().stream().filter(r -> r.episode().equals(e.id()) && r.rotatedAt() == null)
                .forEach(r -> out.add(new Owed("rotation of " + r.credential(), "BG-ROTATION-INCOMPLETE",
                        r.deadline())));
        facts.persistentAccess().stream().filter(p -> p.episode().equals(e.id()) && p.removed() == null)
                .forEach(p -> out.add(new Owed("removal of " + p.kind() + " " + p.object(),
                        "BG-STANDING-ACCESS", p.deadline())));
        out.sort(Comparator.comparing(Owed::due).thenComparing(Owed::what));
        return List.copyOf(out);
    }
}
