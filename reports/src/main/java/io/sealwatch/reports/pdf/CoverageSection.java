package io.sealwatch.reports.pdf;

import io.sealwatch.model.CoverageGap;
import io.sealwatch.reports.Fmt;
import io.sealwatch.reports.pdf.Line.Tone;
import io.sealwatch.result.SourceCoverage;

import java.util.List;

/** The Log coverage chapter: per source, its events and its silent gaps. */
final class CoverageSection extends Section {
    CoverageSection(ReportRun run, Lines out) {
        super(run, out);
    }

    @Override
    void write() {
        add(Line.h1("Log coverage", true));
        add(Line.note("A source silent for longer than " + Fmt.duration(policy.logGap().toSeconds())
                + " inside the period cannot attest that nothing happened."));
        List<SourceCoverage> sorted = r.coverage().stream().sorted(SourceCoverage.ORDER).toList();
        if (sorted.isEmpty()) {
            add(Line.p("None: no source is configured."));
            return;
        }
        add(Line.th("cov", "Status", "Source", "Events", "First", "Last", "Gaps", "Longest gap"));
        for (SourceCoverage c : sorted) {
            long longest = c.gaps().stream().mapToLong(CoverageGap::seconds).max().orElse(0);
            Tone tone = c.events() == 0 ? Tone.BAD : c.gaps().isEmpty() ? Tone.GOOD : Tone.WARN;
            add(Line.td("cov", tone, c.events() == 0 ? "silent" : c.gaps().isEmpty() ? "ok" : "gaps", c.source(),
                    num(c.events()), d.at(c.first()), d.at(c.last()), str(c.gaps().size()),
                    longest == 0 ? "-" : Fmt.duration(longest)));
        }
        add(Line.h2("Gaps"));
        if (sorted.stream().allMatch(c -> c.gaps().isEmpty())) {
            add(Line.p("None."));
            return;
        }
        add(Line.th("gap", "Source", "From", "To", "Length"));
        sorted.forEach(c -> c.gaps().forEach(g -> add(Line.td("gap", Tone.NONE, c.source(), d.at(g.from()),
                d.at(g.to()), Fmt.duration(g.seconds())))));
    }
}
