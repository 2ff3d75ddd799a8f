package io.sealwatch.reports.pdf;

import io.sealwatch.model.Waiver;
import io.sealwatch.model.Finding;
import io.sealwatch.reports.Fmt;
import io.sealwatch.reports.pdf.Line.Tone;

import java.util.List;

/** The Accepted exceptions chapter: findings accepted by a waiver, and waivers unused or expired. */
final class WaiversSection extends Section {
    WaiversSection(ReportRun run, Lines out) {
        super(run, out);
    }

    @Override
    void write() {
        add(Line.h1("Accepted exceptions (waivers)", true));
        List<Finding> accepted = findings.stream().filter(Finding::accepted).toList();
        if (accepted.isEmpty()) {
            add(Line.p("None: no finding was accepted by a waiver."));
        } else {
            add(Line.th("wv", "Rule · episode", "Account or source", "Waived until · by", "Reason"));
            accepted.forEach(f -> add(Line.td("wv", Tone.MUTED, f.rule() + "\n" + Fmt.nz(f.episode()), f.waiver().subject(),
                    f.waiver().until() + "\n" + Fmt.nz(f.waiver().approvedBy()), f.waiver().reason())));
        }
        waiverList("Waivers that matched no finding", r.evaluation().unusedWaivers());
        waiverList("Expired waivers (no longer applied)", r.evaluation().expiredWaivers());
    }

    private void waiverList(String title, List<Waiver> ws) {
        add(Line.h2(title));
        if (ws.isEmpty()) {
            add(Line.p("None."));
            return;
        }
        add(Line.th("wv", "Rule", "Account or source", "Until · by", "Reason"));
        ws.forEach(w -> add(Line.td("wv", Tone.NONE, w.rule(), w.subject(), w.until() + "\n" + Fmt.nz(w.approvedBy()),
                w.reason())));
    }
}
