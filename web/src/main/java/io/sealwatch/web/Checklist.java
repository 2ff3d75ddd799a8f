package io.sealwatch.web;

import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.Policy;
import io.sealwatch.model.Approval;
import io.sealwatch.model.Authentication;
import io.sealwatch.model.CredentialRotation;
import io.sealwatch.model.Custody;
import io.sealwatch.model.Episode;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.PersistentAccess;
import io.sealwatch.reports.Fmt;
import io.sealwatch.result.EpisodeStatus;
import io.sealwatch.result.NotificationStatus;
import io.sealwatch.result.RunResult;
import io.sealwatch.result.RunViews;
import io.sealwatch.rules.Facts;
import io.sealwatch.rules.RuleSupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The live checklist of one episode that has not settled: each duty of the discipline with where it stands
 * as of the snapshot's clock. What is not recorded yet but not yet due is {@link Mark#PENDING} with its
 * deadline; the verdicts themselves stay the rules' (the findings), this only shows the evidence.
 *
 * @param sourceIps the distinct client addresses of the episode's events, as the logs show them
 */
record Checklist(Episode episode, EpisodeStatus status, List<String> sourceIps, List<Item> items) {

    /** Where one duty stands. */
    enum Mark {
        DONE("✓"), PENDING("…"), LATE("!"), FAILED("✗"), NONE("–");

        final String symbol;

        Mark(String symbol) {
            this.symbol = symbol;
        }

        String css() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One duty: what, where it stands, the evidence in words, and its deadline when it is still pending. */
    record Item(String label, Mark mark, String detail, Instant due) {
        static Item of(String label, Mark mark, String detail) {
            return new Item(label, mark, detail, null);
        }
    }

    /** The checklists of the result's open and ongoing episodes, most recent first. */
    static List<Checklist> of(RunResult result, Instant now) {
        if (result == null) {
            return List.of();
        }
        List<Checklist> out = new ArrayList<>();
        for (Episode e : result.facts().episodes()) {
            EpisodeStatus status = result.views().status(e);
            if (!"settled".equals(status.state())) {
                out.add(new Checklist(e, status, sourceIps(result, e), new Builder(result, e, status, now).items()));
            }
        }
        out.sort(Comparator.comparing((Checklist c) -> c.episode().start()).reversed()
                .thenComparing(c -> c.episode().id()));
        return List.copyOf(out);
    }

    private static List<String> sourceIps(RunResult result, Episode e) {
        return result.events().stream()
                .filter(ev -> e.account().equals(ev.account()) && !ev.time().isBefore(e.start()) && !ev.time().isAfter(e.end()))
                .map(NormalizedEvent::sourceIp).filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** Builds one episode's items; one method per duty. */
    private static final class Builder {
        private final Facts facts;
        private final RunViews views;
        private final Episode e;
        private final EpisodeStatus status;
        private final Instant now;
        private final Policy policy;
        private final Instant grace;
        private final List<Item> items = new ArrayList<>();

        Builder(RunResult result, Episode e, EpisodeStatus status, Instant now) {
            this.facts = result.facts();
            this.views = result.views();
            this.e = e;
            this.status = status;
            this.now = now;
            this.policy = facts.config().policy();
            this.grace = e.start().plus(policy.approvalGrace());
        }

        List<Item> items() {
            approval();
            quorum();
            mfa();
            if (policy.requireIncident()) {
                incident();
            }
            policy.notifyRecipients().forEach(this::notification);
            timeLimit();
            facts.rotations().stream().filter(r -> r.episode().equals(e.id()))
                    .sorted(Comparator.comparing(CredentialRotation::credential)).forEach(this::rotation);
            facts.persistentAccess().stream().filter(p -> p.episode().equals(e.id())).forEach(this::removal);
            return List.copyOf(items);
        }

        /** Not recorded: pending until {@code due}, failed after it. */
        private Item missing(String label, Instant due, String what) {
            return due.isAfter(now) ? new Item(label, Mark.PENDING, what + " not recorded yet", due)
                    : Item.of(label, Mark.FAILED, what + " not recorded by " + Html.at(due));
        }

        private void approval() {
            List<Approval> given = facts.approvals().stream().filter(a -> a.episode().equals(e.id()))
                    .sorted(Comparator.comparing(Approval::time)).toList();
            if (given.isEmpty()) {
                items.add(missing("Approval", grace, "approval"));
                return;
            }
            Approval first = given.get(0);
            boolean late = first.late();
            items.add(Item.of("Approval", late ? Mark.LATE : Mark.DONE, "approved by " + first.approver() + " at "
                    + Html.at(first.time()) + (late ? ", after the start (late)" : "")));
        }

        private void quorum() {
            int quorum = account().map(AccountSpec::quorum).orElse(0);
            List<Custody> shares = facts.custody().stream().filter(c -> c.episode().equals(e.id())).toList();
            int released = RuleSupport.distinctCustodians(shares);
            String who = released == 0 ? "" : " (" + String.join(", ", e.custodians()) + ")";
            String count = released + " of " + quorum + " custodians released their shares";
            if (released >= quorum) {
                items.add(Item.of("Quorum", Mark.DONE, count + who));
            } else if (grace.isAfter(now)) {
                items.add(new Item("Quorum", Mark.PENDING, count + " so far" + who, grace));
            } else {
                items.add(Item.of("Quorum", Mark.FAILED, "only " + count + " by " + Html.at(grace) + who));
            }
        }

        private void mfa() {
            List<Authentication> signIns = facts.authentications().stream()
                    .filter(a -> e.id().equals(a.episode()) && a.success()).toList();
            if (signIns.isEmpty()) {
                items.add(Item.of("MFA", Mark.NONE, "no sign-in recorded in this episode"));
                return;
            }
            List<String> factors = signIns.stream().map(Authentication::mfa).map(f -> f == null ? "unknown" : f)
                    .distinct().sorted().toList();
            List<String> weak = factors.stream().filter(f -> !policy.strongMfa().contains(f)).toList();
            boolean federated = signIns.stream().anyMatch(Authentication::federated);
            String detail = String.join(", ", factors) + (weak.isEmpty() ? " (hardware-backed)" : " (not hardware-backed: "
                    + String.join(", ", weak) + ")") + (federated ? "; signed in through federated SSO" : "");
            items.add(Item.of("MFA", weak.isEmpty() && !federated ? Mark.DONE : Mark.FAILED, detail));
        }

        private void incident() {
            if (e.incident() != null) {
                items.add(Item.of("Incident", Mark.DONE, e.incident()));
            } else {
                items.add(missing("Incident", grace, "incident reference"));
            }
        }

        private void notification(String group) {
            String label = "Notified " + group;
            NotificationStatus n = views.notification(e, group);
            switch (n.state()) {
                case MISSING -> items.add(missing(label, n.due(), "notification"));
                case ON_TIME -> items.add(Item.of(label, Mark.DONE, Fmt.duration(n.latencySeconds()) + " after the start"));
                case LATE -> items.add(Item.of(label, Mark.LATE, Fmt.duration(n.latencySeconds())
                        + " after the start, limit " + Fmt.duration(policy.notifyWithin().toSeconds())));
            }
        }

        private void timeLimit() {
            Optional<Duration> max = account().map(AccountSpec::maxSession);
            if (max.isEmpty()) {
                items.add(Item.of("Time limit", Mark.NONE, "the account has no max-session"));
                return;
            }
            Instant limit = e.start().plus(max.get());
            String allowed = Fmt.duration(max.get().toSeconds());
            if (e.overLimitAt() != null) {
                items.add(Item.of("Time limit", Mark.FAILED, "active beyond the limit of " + allowed + " at "
                        + Html.at(e.overLimitAt())));
            } else if (!"ongoing".equals(status.state())) {
                items.add(Item.of("Time limit", Mark.DONE, "ended after " + Fmt.duration(e.durationSeconds())
                        + ", within the limit of " + allowed));
            } else if (limit.isAfter(now)) {
                items.add(new Item("Time limit", Mark.PENDING, "access must stop within " + allowed + " of the start", limit));
            } else {
                items.add(Item.of("Time limit", Mark.LATE, "the limit of " + allowed + " passed at " + Html.at(limit)
                        + "; no activity after it so far"));
            }
        }

        private void rotation(CredentialRotation r) {
            String label = "Rotate " + r.credential();
            if (r.rotatedAt() == null) {
                items.add(missing(label, r.deadline(), "rotation"));
            } else {
                boolean late = r.rotatedAt().isAfter(r.deadline());
                items.add(Item.of(label, late ? Mark.LATE : Mark.DONE, "rotated at " + Html.at(r.rotatedAt())
                        + (late ? ", after its deadline " + Html.at(r.deadline()) : "")));
            }
        }

        private void removal(PersistentAccess p) {
            String label = "Remove " + p.kind() + " " + p.object();
            if (p.removed() == null) {
                items.add(missing(label, p.deadline(), "removal"));
            } else {
                items.add(Item.of(label, Mark.DONE, "removed at " + Html.at(p.removed())));
            }
        }

        private Optional<AccountSpec> account() {
            return facts.config().account(e.account());
        }
    }
}
