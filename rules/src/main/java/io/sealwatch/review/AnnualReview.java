package io.sealwatch.review;

import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.model.Classification;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.Episode;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.Finding;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.ProgramEvent;
import io.sealwatch.result.AccountReview;
import io.sealwatch.result.ReviewResult;
import io.sealwatch.result.RunResult;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the annual review from the run over the year: per configured account its uses, findings,
 * drills, last review and the {@link Recommender} advice. Pure and deterministic; {@code sealwatch review}
 * derives it once and hands it to the renderers with the run ({@link RunResult#withReview}).
 */
public final class AnnualReview {

    /** Actions that exercise privileges (sign-ins do not). */
    private static final Set<EventClass> PRIVILEGE_USE = Set.of(EventClass.API_ACTIVITY, EventClass.ACCOUNT_CHANGE,
            EventClass.SECRET_ACCESS);

    private AnnualReview() {
    }

    /** The review of {@code run}, whose period is the reviewed year (the year is that of the period start, UTC). */
    public static ReviewResult of(RunResult run) {
        int year = run.info().period().from().atZone(ZoneOffset.UTC).getYear();
        List<AccountReview> accounts = new ArrayList<>();
        for (AccountSpec spec : run.config().accounts()) {
            accounts.add(account(year, run, spec));
        }
        return new ReviewResult(year, accounts);
    }

    static AccountReview account(int year, RunResult run, AccountSpec spec) {
        var period = run.info().period();
        List<Episode> uses = run.facts().episodes().stream().filter(e -> spec.id().equals(e.account()))
                .sorted(Episode.ORDER).toList();
        List<Finding> findings = run.evaluation().findings().stream().filter(f -> spec.id().equals(f.account()))
                .sorted(Finding.ORDER).toList();
        List<ProgramEvent> mine = run.facts().programEvents().stream().filter(p -> spec.id().equals(p.account()))
                .filter(p -> p.time().isBefore(period.to())).sorted(ProgramEvent.ORDER).toList();
        List<ProgramEvent> drills = mine.stream().filter(p -> "drill".equals(p.kind()) && period.contains(p.time()))
                .toList();
        ProgramEvent lastReview = mine.stream().filter(p -> "review".equals(p.kind())).reduce((a, b) -> b).orElse(null);
        List<String> actions = actionsUsed(run.events(), uses);
        var input = new Recommender.Input(year, uses, findings, drills, spec.privileges(), actions,
                coverageProblems(run, spec));
        return new AccountReview(spec, uses, actions, findings, drills, lastReview, Recommender.recommend(input));
    }

    /** Distinct native actions the account's own identities did during its non-drill uses. */
    static List<String> actionsUsed(List<NormalizedEvent> events, List<Episode> uses) {
        if (uses.isEmpty()) {
            return List.of();
        }
        String account = uses.get(0).account();
        // the account's privilege-using events by time, so each use scans only its own window
        List<NormalizedEvent> mine = events.stream().filter(n -> account.equals(n.account())
                        && PRIVILEGE_USE.contains(n.eventClass()) && !n.failed() && n.action() != null)
                .sorted(Comparator.comparing(NormalizedEvent::time)).toList();
        Set<String> actions = new TreeSet<>();
        for (Episode e : uses) {
            if (e.classification() == Classification.DRILL) {
                continue;
            }
            for (int i = firstAtOrAfter(mine, e.start()); i < mine.size() && !mine.get(i).time().isAfter(e.end()); i++) {
                NormalizedEvent n = mine.get(i);
                if (e.actors().contains(n.person() != null ? n.person() : n.actor())) {
                    actions.add(n.action());
                }
            }
        }
        return List.copyOf(actions);
    }

    private static int firstAtOrAfter(List<NormalizedEvent> sorted, java.time.Instant t) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).time().isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Why the logs of the account's sources cannot attest that it was not used: gaps, unreadable inputs. */
    static List<String> coverageProblems(RunResult run, AccountSpec spec) {
        Set<String> sources = new TreeSet<>();
        spec.identities().stream().map(IdentityMatch::source).forEach(sources::add);
        List<String> out = new ArrayList<>();
        for (CoverageGap g : run.facts().gaps()) {
            if (sources.contains(g.source())) {
                out.add(g.source() + " silent from " + g.from() + " to " + g.to());
            }
        }
        if (!run.info().complete()) {
            out.add("an input file could not be read");
        }
        return out;
    }
}
