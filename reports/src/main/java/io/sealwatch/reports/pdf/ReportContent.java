package io.sealwatch.reports.pdf;

import io.sealwatch.model.Severity;
import io.sealwatch.result.RunResult;

import java.util.List;
import java.util.Map;

/**
 * Builds the report's lines from a run, one {@link Section} class per chapter, in the order below. Per-episode detail is given for the first
 * {@link #DETAIL_LIMIT} episodes (by start); every episode is still in the Episodes table, and every
 * finding in the Findings table, so a 10 000-episode run stays a readable (and fillable) document.
 * Charts show the worst cases when there are more than fit: a never-sent notification or a never-made
 * rotation is drawn as a full red bar, not left out.
 */
final class ReportContent {

    static final int DETAIL_LIMIT = 200;
    static final int CHART_BARS = 30;

    private ReportContent() {
    }

    static Display display(RunResult r) {
        return Display.of(r.config().timezone());
    }

    static List<Line> lines(RunResult r) {
        ReportRun run = ReportRun.of(r);
        Lines out = new Lines();
        List.of(new SummarySection(run, out), new ChartsSection(run, out), new EpisodesSection(run, out),
                new FindingsSection(run, out), new EpisodeDetailsSection(run, out), new RotationsSection(run, out),
                new ProgramSection(run, out), new CoverageSection(run, out), new WaiversSection(run, out),
                new InputsSection(run, out)).forEach(Section::write);
        return out.lines();
    }

    /** One sentence for the cover. */
    static String headline(RunResult r) {
        long open = r.evaluation().findings().stream().filter(f -> !f.accepted()).count();
        long critical = r.evaluation().findings().stream()
                .filter(f -> !f.accepted() && f.severity() == Severity.CRITICAL).count();
        return r.facts().episodes().size() + " break-glass episode(s) · " + open + " open finding(s), "
                + critical + " critical · " + (r.evaluation().findings().size() - open) + " accepted by waiver"
                + (r.info().clamped() ? " · judged as of the run, " + r.info().period().to() + ", not "
                + r.info().requestedTo() + ", which had not come yet: what is not yet due is pending" : "");
    }

    /** The cover's "at a glance" figures, by template parameter; each starts with its count (0 = nothing found). */
    static Map<String, Object> glance(RunResult r) {
        return new SummarySection(ReportRun.of(r), new Lines()).glance();
    }

    /** Joins items with ", " into lines of at most {@code width} characters, so an item never breaks inside. */
    static String pack(List<String> items, int width) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        for (String item : items) {
            if (line > 0 && line + 2 + item.length() > width) {
                out.append(",\n");
                line = 0;
            } else if (line > 0) {
                out.append(", ");
                line += 2;
            }
            out.append(item);
            line += item.length();
        }
        return out.toString();
    }
}
