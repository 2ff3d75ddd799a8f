package io.sealwatch.review;

import io.sealwatch.model.Classification;
import io.sealwatch.model.Episode;
import io.sealwatch.model.Finding;
import io.sealwatch.model.ProgramEvent;
import io.sealwatch.model.Severity;
import io.sealwatch.result.Recommendation;
import io.sealwatch.result.Recommendation.Advice;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The review-of-need advice for one account, from what its year showed. The rules, in order (the
 * first that applies decides; every observation that applies is given as a reason):
 * <ol>
 *   <li>routine use — more than {@value #ROUTINE_USES} emergency/unexplained uses, or uses in
 *       {@value #ROUTINE_MONTHS} or more different months: <b>retain</b>, flagged, because the primary access
 *       path looks broken and must be fixed;</li>
 *   <li>scope — an open standing-access or SSO-dependence finding, or uses that needed at most
 *       {@value #FEW_ACTIONS} distinct actions of an account with configured privileges: <b>reduce scope</b>;</li>
 *   <li>emergency or unexplained uses: <b>retain</b> (with how they were handled);</li>
 *   <li>no such use, drills held, no open critical finding, and log coverage that can attest the
 *       silence: <b>retire (candidate)</b>, if the primary access path has been healthy;</li>
 *   <li>otherwise <b>retain</b>, naming what must happen before retirement can be considered.</li>
 * </ol>
 * Open means not accepted by a waiver. See docs/annual-review.md.
 */
public final class Recommender {

    /** More emergency/unexplained uses than this in a year is routine use. */
    public static final int ROUTINE_USES = 4;
    /** Uses in this many different months or more is routine use. */
    public static final int ROUTINE_MONTHS = 3;
    /** Uses that needed at most this many distinct actions suggest the privileges are broader than needed. */
    public static final int FEW_ACTIONS = 5;

    static final Set<String> SCOPE_RULES = Set.of("BG-STANDING-ACCESS", "BG-SSO-DEPENDENT");

    /**
     * What the recommendation is judged on.
     *
     * @param year        the reviewed year, for the wording
     * @param uses        the account's episodes in the year, drills included
     * @param findings    the account's findings in the year (waived ones are ignored)
     * @param drills      drill records in the year
     * @param privileges  the configured privileges (free text; may be empty)
     * @param actionsUsed distinct actions of the non-drill uses
     * @param coverageProblems why the logs cannot attest that nothing happened (log gaps, unreadable inputs); empty when they can
     */
    public record Input(int year, List<Episode> uses, List<Finding> findings, List<ProgramEvent> drills,
                        List<String> privileges, List<String> actionsUsed, List<String> coverageProblems) {
    }

    private Recommender() {
    }

    public static Recommendation recommend(Input in) {
        List<Episode> real = in.uses().stream().filter(e -> e.classification() != Classification.DRILL).toList();
        long emergency = real.stream().filter(e -> e.classification() == Classification.EMERGENCY).count();
        long unexplained = real.size() - emergency;
        Set<YearMonth> months = new TreeSet<>();
        real.forEach(e -> months.add(YearMonth.from(e.start().atZone(ZoneOffset.UTC))));
        List<Finding> open = in.findings().stream().filter(f -> !f.accepted()).toList();
        long critical = open.stream().filter(f -> f.severity() == Severity.CRITICAL).count();

        List<String> routine = new ArrayList<>();
        if (real.size() > ROUTINE_USES) {
            routine.add(real.size() + " emergency/unexplained uses in " + in.year() + " (more than " + ROUTINE_USES
                    + " a year is routine use).");
        }
        if (months.size() >= ROUTINE_MONTHS) {
            routine.add("Used in " + months.size() + " different months (" + join(months) + "); "
                    + ROUTINE_MONTHS + " or more is routine use.");
        }
        List<String> scope = scopeReasons(in, real, open);
        List<String> handling = handlingReasons(in.year(), real, emergency, unexplained);
        if (!real.isEmpty() && critical > 0) {
            handling.add(critical + " critical finding(s) open ("
                    + String.join(", ", new TreeSet<>(open.stream().filter(f -> f.severity() == Severity.CRITICAL)
                    .map(Finding::rule).toList())) + "): fix how the account is used before its next use.");
        }

        List<String> reasons = new ArrayList<>();
        if (!routine.isEmpty()) {
            reasons.add("Routine use suggests the primary access path is broken — fix it, so that the break-glass "
                    + "account is only needed in a real emergency.");
            reasons.addAll(routine);
            reasons.addAll(handling);
            scope.forEach(s -> reasons.add("Also: " + s));
            return new Recommendation(Advice.RETAIN, true, reasons);
        }
        if (!scope.isEmpty()) {
            reasons.addAll(scope);
            reasons.addAll(handling);
            return new Recommendation(Advice.REDUCE_SCOPE, false, reasons);
        }
        if (!real.isEmpty()) {
            reasons.addAll(handling);
            return new Recommendation(Advice.RETAIN, false, reasons);
        }
        reasons.add("No emergency or unexplained use in " + in.year()
                + (in.uses().isEmpty() ? "." : " (only drills: " + in.uses().size() + ")."));
        List<String> blockers = new ArrayList<>();
        if (in.drills().isEmpty()) {
            blockers.add("no drill was held in " + in.year() + ", so the account's readiness is unproven");
        } else {
            reasons.add(in.drills().size() + " drill(s) held: " + drillDates(in.drills()) + ".");
        }
        if (critical > 0) {
            blockers.add(critical + " critical finding(s) are open");
        }
        in.coverageProblems().forEach(p -> blockers.add("the logs cannot attest the silence: " + p));
        if (blockers.isEmpty()) {
            reasons.add("No critical finding is open and the logs cover the year.");
            reasons.add("Retirement may be possible if the primary access path has been healthy for the year; "
                    + "confirm with its owners, and keep another emergency path before retiring this account.");
            return new Recommendation(Advice.RETIRE, false, reasons);
        }
        blockers.forEach(b -> reasons.add("Not a retirement candidate yet: " + b + "."));
        return new Recommendation(Advice.RETAIN, false, reasons);
    }

    private static List<String> scopeReasons(Input in, List<Episode> real, List<Finding> open) {
        List<String> out = new ArrayList<>();
        for (String rule : new TreeSet<>(SCOPE_RULES)) {
            long n = open.stream().filter(f -> rule.equals(f.rule())).count();
            if (n > 0) {
                out.add(rule.equals("BG-STANDING-ACCESS")
                        ? n + " open BG-STANDING-ACCESS finding(s): uses left persistent access behind; remove the "
                        + "account's ability to create standing access (keys, tokens, grants)."
                        : n + " open BG-SSO-DEPENDENT finding(s): the account signed in through the SSO it must "
                        + "bypass; take it out of federation.");
            }
        }
        List<String> privileges = in.privileges() == null ? List.of() : in.privileges();
        if (!real.isEmpty() && !privileges.isEmpty() && in.actionsUsed().size() <= FEW_ACTIONS) {
            out.add("The uses needed only " + in.actionsUsed().size() + " distinct action(s)"
                    + (in.actionsUsed().isEmpty() ? "" : " (" + String.join(", ", in.actionsUsed()) + ")")
                    + " while the account holds: " + String.join("; ", privileges)
                    + " — narrow its privileges to what emergencies need.");
        }
        return out;
    }

    private static List<String> handlingReasons(int year, List<Episode> real, long emergency, long unexplained) {
        List<String> out = new ArrayList<>();
        if (emergency > 0) {
            out.add(emergency + " emergency use(s) in " + year + ": the account is still needed.");
        }
        if (unexplained > 0) {
            out.add(unexplained + " unexplained use(s) (no incident referenced): investigate them; an account used "
                    + "outside incidents is not sealed.");
        }
        List<String> unapproved = real.stream().filter(e -> e.approvals().isEmpty()).map(Episode::id).toList();
        List<String> unrotated = real.stream().filter(e -> e.rotations().values().stream().anyMatch(Objects::isNull))
                .map(Episode::id).toList();
        if (!real.isEmpty() && unapproved.isEmpty() && unrotated.isEmpty()) {
            out.add("Every use was approved and every credential rotated afterwards.");
        }
        if (!unapproved.isEmpty()) {
            out.add(unapproved.size() + " use(s) without approval: " + String.join(", ", unapproved) + ".");
        }
        if (!unrotated.isEmpty()) {
            out.add(unrotated.size() + " use(s) with a credential not rotated: " + String.join(", ", unrotated) + ".");
        }
        return out;
    }

    private static String join(Set<YearMonth> months) {
        return String.join(", ", months.stream().map(YearMonth::toString).toList());
    }

    private static String drillDates(List<ProgramEvent> drills) {
        return String.join(", ", drills.stream().map(d -> d.time().atZone(ZoneOffset.UTC).toLocalDate().toString())
                .toList());
    }
}
