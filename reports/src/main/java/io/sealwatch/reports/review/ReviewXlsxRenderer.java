package io.sealwatch.reports.review;

import io.sealwatch.model.Classification;
import io.sealwatch.model.Episode;
import io.sealwatch.model.Finding;
import io.sealwatch.model.ProgramEvent;
import io.sealwatch.model.Severity;
import io.sealwatch.reports.Fmt;
import io.sealwatch.result.OneFileRenderer;
import io.sealwatch.reports.xlsx.XlsxBook;
import io.sealwatch.result.AccountReview;
import io.sealwatch.result.Recommendation;
import io.sealwatch.result.ReviewResult;
import io.sealwatch.result.RunInfo;
import io.sealwatch.result.RunResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code annual-review.xlsx}: the review as data, a sheet per topic (Summary, Accounts, Uses, Findings,
 * Drills), with the evidence workbook's hygiene ({@link XlsxBook}); every date in the package is the
 * year's end.
 */
public final class ReviewXlsxRenderer extends OneFileRenderer {

    public static final String NAME = "annual-review-xlsx";
    public static final String FILE = "annual-review.xlsx";

    public ReviewXlsxRenderer() {
        super(NAME, FILE);
    }
    public static final List<String> SHEETS = List.of("Summary", "Accounts", "Uses", "Findings", "Drills");

    @Override
    public void render(RunResult r, Path dir) throws IOException {
        ReviewResult review = ReviewContent.review(r);
        try (XlsxBook book = new XlsxBook()) {
            summary(book, r.info(), review);
            accounts(book, review);
            uses(book, review);
            findings(book, review);
            drills(book, review);
            book.write(dir.resolve(FILE), r.info().period().to(), "Sealwatch " + r.info().engineVersion(),
                    "Sealwatch annual review of need " + review.year());
        }
    }

    private static void summary(XlsxBook book, RunInfo i, ReviewResult review) {
        XlsxBook.Sheet s = book.sheet("Summary", new String[]{"Item", "Value"}, new int[]{30, 80});
        s.row("Organisation", i.organization());
        s.row("Year", review.year());
        s.row("Uses from", i.period().from());
        s.row("Uses to (exclusive, as of)", i.period().to());
        s.provenance(i);
        s.row("Accounts", review.accounts().size());
        for (Recommendation.Advice a : Recommendation.Advice.values()) {
            s.row("Recommendation: " + a.label(),
                    review.accounts().stream().filter(x -> x.recommendation().advice() == a).count());
        }
        s.row("Accounts in routine use", review.accounts().stream().filter(x -> x.recommendation().routineUse()).count());
        s.finish();
    }

    private static void accounts(XlsxBook book, ReviewResult review) {
        XlsxBook.Sheet s = book.sheet("Accounts",
                new String[]{"Account", "Description", "Recommendation", "Routine use", "Reasons", "Emergency uses",
                        "Unexplained uses", "Drill uses", "Distinct actions", "Actions used", "Findings",
                        "Open findings", "Open critical", "Drills held", "Last drill (UTC)", "Last review (UTC)",
                        "Last review by", "Privileges", "Custodians", "Quorum", "Max session", "Credentials"},
                new int[]{26, 36, 18, 10, 90, 10, 10, 10, 10, 50, 10, 10, 10, 10, 20, 20, 26, 50, 50, 8, 12, 30});
        for (AccountReview a : review.accounts()) {
            Recommendation rec = a.recommendation();
            List<Finding> open = a.findings().stream().filter(f -> !f.accepted()).toList();
            ProgramEvent last = a.lastReview();
            s.row(a.account(), a.spec().description(), rec.advice().label(), rec.routineUse() ? "yes" : "no",
                    String.join("\n", rec.reasons()), a.uses(Classification.EMERGENCY),
                    a.uses(Classification.UNEXPLAINED), a.uses(Classification.DRILL), a.actionsUsed().size(),
                    Fmt.join(a.actionsUsed()), a.findings().size(), open.size(),
                    open.stream().filter(f -> f.severity() == Severity.CRITICAL).count(), a.drills().size(),
                    a.drills().isEmpty() ? null : a.drills().get(a.drills().size() - 1).time(),
                    last == null ? null : last.time(), last == null ? null : last.actor(),
                    a.spec().privileges() == null ? null : String.join("; ", a.spec().privileges()),
                    Fmt.join(a.spec().custodians()), a.spec().quorum(),
                    a.spec().maxSession() == null ? null : a.spec().maxSession().toString(),
                    Fmt.join(a.spec().credentials()));
        }
        s.finish();
    }

    private static void uses(XlsxBook book, ReviewResult review) {
        XlsxBook.Sheet s = book.sheet("Uses",
                new String[]{"Account", "Episode", "Classification", "Start (UTC)", "End (UTC)", "Duration (s)",
                        "Incident", "Approvals", "Custodians", "Actors", "Actions", "Rotations"},
                new int[]{26, 44, 14, 20, 20, 12, 14, 30, 30, 36, 10, 50});
        for (AccountReview a : review.accounts()) {
            for (Episode e : a.uses()) {
                s.row(a.account(), e.id(), e.classification().wire(), e.start(), e.end(), e.durationSeconds(),
                        e.incident(), Fmt.join(e.approvals()), Fmt.join(e.custodians()), Fmt.join(e.actors()),
                        e.actions(), rotations(e.rotations()));
            }
        }
        s.finish();
    }

    private static void findings(XlsxBook book, ReviewResult review) {
        XlsxBook.Sheet s = book.sheet("Findings",
                new String[]{"Account", "At (UTC)", "Severity", "Rule", "Episode", "Message", "Accepted", "Waiver reason"},
                new int[]{26, 20, 10, 26, 44, 70, 10, 40});
        for (AccountReview a : review.accounts()) {
            for (Finding f : a.findings()) {
                s.row(a.account(), f.at(), f.severity().wire(), f.rule(), f.episode(), f.message(),
                        f.accepted() ? "yes" : "no", f.waiver() == null ? null : f.waiver().reason());
            }
        }
        s.finish();
    }

    private static void drills(XlsxBook book, ReviewResult review) {
        XlsxBook.Sheet s = book.sheet("Drills", new String[]{"Account", "Time (UTC)", "Led by", "Evidence"},
                new int[]{26, 20, 30, 70});
        for (AccountReview a : review.accounts()) {
            for (ProgramEvent d : a.drills()) {
                s.row(a.account(), d.time(), d.actor(), Fmt.ref(d.evidence()));
            }
        }
        s.finish();
    }

    private static String rotations(Map<String, ?> m) {
        StringBuilder b = new StringBuilder();
        new TreeMap<String, Object>(m).forEach((k, v) -> b.append(b.length() == 0 ? "" : "; ").append(k).append('=')
                .append(Objects.toString(v, "none")));
        return b.toString();
    }
}
