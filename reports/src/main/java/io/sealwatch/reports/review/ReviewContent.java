package io.sealwatch.reports.review;

import io.sealwatch.model.Classification;
import io.sealwatch.model.Episode;
import io.sealwatch.model.Finding;
import io.sealwatch.model.ProgramEvent;
import io.sealwatch.model.Severity;
import io.sealwatch.reports.Fmt;
import io.sealwatch.reports.pdf.Line;
import io.sealwatch.result.AccountReview;
import io.sealwatch.result.Recommendation;
import io.sealwatch.result.Recommendation.Advice;
import io.sealwatch.result.ReviewResult;
import io.sealwatch.result.RunResult;
import io.sealwatch.review.Recommender;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The annual review's lines: a summary of every account's advice, how advice is reached, then one
 * section per account (advice and its reasons, configuration, uses, findings, drills and review).
 * Line kinds beyond the shared ones ({@code account}, {@code advice}, {@code reason}, {@code th3}/{@code td3}) are printed by
 * annual-review.jrxml.
 */
final class ReviewContent {

    private final RunResult run;
    private final ReviewResult review;
    private final List<Line> lines = new ArrayList<>();

    private ReviewContent(RunResult run) {
        this.run = run;
        this.review = review(run);
    }

    /** The review {@code run} carries: the review's renderers are given the year's run with it, never without. */
    static ReviewResult review(RunResult run) {
        if (run.review() == null) {
            throw new IllegalArgumentException("the run carries no annual review (RunResult.withReview)");
        }
        return run.review();
    }

    /** The lines of {@code run}'s review ({@link RunResult#review()}). */
    static List<Line> lines(RunResult run) {
        ReviewContent c = new ReviewContent(run);
        c.summary();
        c.method();
        c.review.accounts().forEach(c::account);
        return List.copyOf(c.lines);
    }

    /** One sentence for the cover, e.g. {@code 3 account(s): 1 retain, 1 reduce scope, 1 retire (candidate)}. */
    static String headline(RunResult run) {
        ReviewResult review = review(run);
        Map<Advice, Long> counts = new EnumMap<>(Advice.class);
        review.accounts().forEach(a -> counts.merge(a.recommendation().advice(), 1L, Long::sum));
        long routine = review.accounts().stream().filter(a -> a.recommendation().routineUse()).count();
        String advice = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
        return review.accounts().size() + " break-glass account(s)" + (advice.isEmpty() ? "" : ": " + advice)
                + (routine == 0 ? "" : " · " + routine + " in routine use")
                + (run.info().clamped() ? " · the year is not over: judged up to "
                + run.info().period().to() + ", what is not yet due is pending" : "");
    }

    private void summary() {
        add(Line.h1("Summary", false));
        add(Line.p(headline(run)));
        if (!run.info().complete()) {
            add(Line.p("EVIDENCE INCOMPLETE — an input could not be read; uses may be missing."));
            run.info().problems().forEach(p -> add(Line.note(p)));
        }
        add(Line.row6(true, "Account", "Recommendation", "Uses: emergency · unexplained · drill", "Open findings",
                "Drills held", "Last review"));
        for (AccountReview a : review.accounts()) {
            add(Line.row6(false, a.account(), a.recommendation().headline(), useCounts(a), openFindings(a),
                    Long.toString(a.drills().size()), a.lastReview() == null ? "never" : date(a.lastReview().time())));
        }
    }

    private void method() {
        add(Line.h2("How the recommendation is reached"));
        add(Line.note("Uses are the account's episodes that started in " + review.year() + "; drills are not uses. "
                + "Open findings are those not accepted by a waiver. The first rule that applies decides; every "
                + "observation that applies is listed as a reason."));
        add(Line.of("th3", false, "Advice", "When", "Why"));
        add(Line.of("td3", false, "retain (routine use)", "more than " + Recommender.ROUTINE_USES
                + " emergency/unexplained uses in the year, or uses in " + Recommender.ROUTINE_MONTHS
                + " or more months", "Routine use suggests the primary access path is broken: fix it."));
        add(Line.of("td3", false, "reduce scope", "open BG-STANDING-ACCESS or BG-SSO-DEPENDENT findings, or uses needing "
                + "at most " + Recommender.FEW_ACTIONS + " distinct actions of an account with listed privileges",
                "The account holds more than emergencies need, or leaks access."));
        add(Line.of("td3", false, "retain", "emergency or unexplained uses", "The account is still needed; how the "
                + "uses were handled (approval, rotation) is listed."));
        add(Line.of("td3", false, "retire (candidate)", "no emergency/unexplained use, drills held, no open critical "
                + "finding, no log gap in the account's sources", "Retirement may be possible if the primary "
                + "access path has been healthy for the year."));
        add(Line.of("td3", false, "retain", "otherwise (no use, but not yet a retirement candidate)",
                "What must happen before retirement can be considered is listed."));
    }

    private void account(AccountReview a) {
        Recommendation rec = a.recommendation();
        add(Line.of("account", true, a.account(), Fmt.nz(a.spec().description())));
        add(Line.of("advice", false, rec.advice().wire(), "Recommendation: " + rec.headline(),
                rec.routineUse() ? "routine" : ""));
        rec.reasons().forEach(r -> add(Line.of("reason", false, r)));

        add(Line.h2("Configuration"));
        add(Line.kv("Privileges", a.spec().privileges() == null || a.spec().privileges().isEmpty()
                ? "not listed in the configuration (add 'privileges:' so the review can judge scope)"
                : String.join("\n", a.spec().privileges())));
        add(Line.kv("Custodians", Fmt.join(a.spec().custodians())));
        add(Line.kv("Quorum", a.spec().quorum() + " of " + a.spec().custodians().size() + " custodians"));
        add(Line.kv("Max session", a.spec().maxSession() == null ? "" : Fmt.duration(a.spec().maxSession().toSeconds())));
        add(Line.kv("Credentials rotated after use", Fmt.join(a.spec().credentials())));

        add(Line.h2("Uses in " + review.year()));
        add(Line.kv("By classification", useCounts(a) + "  (emergency · unexplained · drill)"));
        add(Line.kv("Distinct actions used", a.actionsUsed().isEmpty() ? "none outside drills"
                : a.actionsUsed().size() + ": " + String.join(", ", a.actionsUsed())));
        if (!a.uses().isEmpty()) {
            add(Line.row6(true, "Start (UTC)", "Approved by", "Classification", "Duration", "Incident", "Rotation"));
            for (Episode e : a.uses()) {
                add(Line.row6(false, Fmt.instant(e.start()),
                        e.approvals().isEmpty() ? "not approved" : Fmt.join(e.approvals()), e.classification().wire(),
                        Fmt.duration(e.durationSeconds()), e.incident() == null ? "none" : e.incident(), rotation(e)));
            }
        }

        add(Line.h2("Findings in " + review.year()));
        if (a.findings().isEmpty()) {
            add(Line.p("No finding about this account."));
        } else {
            add(Line.row4(true, "Severity", "Rule", "Findings", "Open (not waived)"));
            Map<String, List<Finding>> byRule = new TreeMap<>();
            a.findings().forEach(f -> byRule.computeIfAbsent(f.severity().ordinal() + f.rule(), k -> new ArrayList<>()).add(f));
            byRule.values().forEach(fs -> add(Line.row4(false, fs.get(0).severity().wire(), fs.get(0).rule(),
                    Integer.toString(fs.size()), Long.toString(fs.stream().filter(f -> !f.accepted()).count()))));
        }

        add(Line.h2("Drills and review"));
        var policy = run.config().policy();
        add(Line.kv("Drills held", a.drills().isEmpty() ? "none in " + review.year()
                : a.drills().stream().map(d -> date(d.time()) + (d.actor() == null ? "" : " (" + d.actor() + ")"))
                .collect(Collectors.joining(", "))));
        add(Line.kv("Drill cadence", "every " + policy.drillEvery() + ": " + (a.drills().isEmpty() ? "not kept"
                : a.drills().size() + " drill(s) in the year")));
        ProgramEvent last = a.lastReview();
        add(Line.kv("Last review of need", last == null ? "never"
                : date(last.time()) + (last.actor() == null ? "" : " by " + last.actor()) + " · " + reviewDue(last.time(), policy.reviewEvery())));
    }

    private String reviewDue(Instant last, java.time.Period every) {
        Instant next = ZonedDateTime.ofInstant(last, ZoneOffset.UTC).plus(every).toInstant();
        return (next.isBefore(run.info().period().asOf()) ? "overdue since " : "next due by ") + date(next);
    }

    private static String useCounts(AccountReview a) {
        return a.uses(Classification.EMERGENCY) + " · " + a.uses(Classification.UNEXPLAINED) + " · "
                + a.uses(Classification.DRILL);
    }

    private static String openFindings(AccountReview a) {
        List<Finding> open = a.findings().stream().filter(f -> !f.accepted()).toList();
        long critical = open.stream().filter(f -> f.severity() == Severity.CRITICAL).count();
        return open.size() + (critical == 0 ? "" : " (" + critical + " critical)");
    }

    private static String rotation(Episode e) {
        List<String> missing = e.rotations().entrySet().stream().filter(x -> x.getValue() == null)
                .map(Map.Entry::getKey).sorted().toList();
        return missing.isEmpty() ? (e.rotations().isEmpty() ? "none required" : "all rotated")
                : "not rotated: " + String.join(", ", missing);
    }

    private static String date(Instant t) {
        return Objects.toString(t.atZone(ZoneOffset.UTC).toLocalDate());
    }

    private void add(Line l) {
        lines.add(l);
    }
}
