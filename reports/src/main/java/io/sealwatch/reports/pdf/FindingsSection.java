package io.sealwatch.reports.pdf;

import io.sealwatch.model.Finding;
import io.sealwatch.reports.Fmt;
import io.sealwatch.reports.pdf.Line.Tone;

/** The Findings chapter: every finding of the period, in the canonical order. */
final class FindingsSection extends Section {
    FindingsSection(ReportRun run, Lines out) {
        super(run, out);
    }

    @Override
    void write() {
        add(Line.h1("Findings", true));
        if (findings.isEmpty()) {
            add(Line.p("None: no rule fired in the period."));
            return;
        }
        add(Line.th("fd", "Severity", "Rule · at (" + d.label() + ")", "Account · episode", "Message · evidence"));
        for (Finding f : findings) {
            add(Line.td("fd", f.accepted() ? Tone.MUTED : tone(f.severity()),
                    f.severity().wire() + (f.accepted() ? "\naccepted" : ""), f.rule() + "\n" + d.at(f.at()),
                    Fmt.nz(f.account()) + "\n" + Fmt.nz(f.episode()), describe(f)));
        }
    }
}
