package io.sealwatch.reports.pdf;

import io.sealwatch.model.Classification;
import io.sealwatch.model.Episode;
import io.sealwatch.model.Finding;
import io.sealwatch.model.RotationStatus;
import io.sealwatch.model.Severity;
import io.sealwatch.reports.pdf.Line.Tone;
import io.sealwatch.result.ControlStatus;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Summary chapter: findings by severity and account, episodes by classification, the controls; and the cover's figures.
 */
final class SummarySection extends Section {
    SummarySection(ReportRun run, Lines out) {
        super(run, out);
    }

    @Override
    void write() {
        add(Line.h1("Summary", false));
        add(Line.p(ReportContent.headline(r)));
        if (!r.info().complete()) {
            add(Line.p("EVIDENCE INCOMPLETE — an input could not be read; the conclusions below may miss events."));
            r.info().problems().forEach(p -> add(Line.note(p)));
        }
        add(Line.note("All times are shown in " + d.label() + ", to the second, e.g. " + d.at(asOf)
                + "; evidence.xlsx and the JSON files keep full precision."));
        add(Line.h2("Findings by severity"));
        add(Line.th("n4", "Severity", "Findings", "Open", "Accepted by waiver"));
        for (Severity s : Severity.values()) {
            List<Finding> of = findings.stream().filter(f -> f.severity() == s).toList();
            long accepted = of.stream().filter(Finding::accepted).count();
            long open = of.size() - accepted;
            add(Line.td("n4", open == 0 ? Tone.NONE : tone(s), s.wire(), str(of.size()), str(open), str(accepted)));
        }
        add(Line.h2("Open findings by account"));
        add(Line.th("acc", "Account", "Critical", "High", "Medium", "Low / info", "Total open"));
        Map<String, List<Finding>> byAccount = new TreeMap<>(findings.stream().filter(f -> !f.accepted())
                .collect(Collectors.groupingBy(f -> f.account() == null ? "(log sources)" : f.account())));
        r.config().accounts().forEach(a -> byAccount.putIfAbsent(a.id(), List.of()));
        byAccount.forEach((account, fs) -> add(Line.td("acc", fs.isEmpty() ? Tone.GOOD
                        : tone(fs.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElseThrow()),
                account, count(fs, Severity.CRITICAL), count(fs, Severity.HIGH), count(fs, Severity.MEDIUM),
                str(fs.stream().filter(f -> f.severity() == Severity.LOW || f.severity() == Severity.INFO).count()),
                str(fs.size()))));
        add(Line.h2("Episodes by classification"));
        add(Line.th("n4", "Classification", "Episodes", "With open findings", "Share"));
        for (Classification c : Classification.values()) {
            List<Episode> of = episodes.stream().filter(e -> e.classification() == c).toList();
            long withFindings = of.stream().filter(e -> findingsByEpisode.getOrDefault(e.id(), List.of()).stream()
                    .anyMatch(f -> !f.accepted())).count();
            String share = episodes.isEmpty() ? "-" : Math.round(100.0 * of.size() / episodes.size()) + " %";
            Tone tone = c == Classification.UNEXPLAINED && !of.isEmpty() ? Tone.BAD : Tone.NONE;
            add(Line.td("n4", tone, c.wire(), str(of.size()), str(withFindings), share));
        }
        controls();
    }

    /** Every control the rule pack names, with its status ({@link ControlStatus}). */
    private void controls() {
        add(Line.h2("Controls"));
        add(Line.note("A control passes when no open (unwaived) finding of the period maps to it. A failing control "
                + "lists the rules with open findings (and how many); a passing one, the rules that checked it."));
        add(Line.th("ctl", "Status", "Control", "Open", "Rules"));
        for (ControlStatus c : r.views().controls()) {
            List<String> shown = c.passed() ? c.rules()
                    : c.openByRule().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
            add(Line.td("ctl", c.passed() ? Tone.GOOD : Tone.BAD, c.passed() ? "pass" : "FAIL", c.control(),
                    str(c.open()), ReportContent.pack(shown, 72)));
        }
    }

    /** The cover's "at a glance" figures, by template parameter; each starts with its count (0 = nothing found). */
    Map<String, Object> glance() {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("G_EPISODES", str(episodes.size()));
        g.put("G_CRITICAL", str(open(Severity.CRITICAL)));
        g.put("G_HIGH", str(open(Severity.HIGH)));
        g.put("G_OTHER", str(open(Severity.MEDIUM) + open(Severity.LOW) + open(Severity.INFO)));
        g.put("G_ACCEPTED", str(findings.stream().filter(Finding::accepted).count()));
        List<ControlStatus> controls = r.views().controls();
        g.put("G_CONTROLS", controls.stream().filter(c -> !c.passed()).count() + "/" + controls.size());
        g.put("G_ROTATION", str(r.facts().rotations().stream().filter(x -> x.status(asOf) == RotationStatus.MISSING).count()));
        g.put("G_NOTIFY", str(episodes.stream().mapToLong(e -> r.views().missingGroups(e).size()).sum()));
        g.put("G_GAPS", str(r.coverage().stream().mapToLong(s -> s.gaps().size()).sum()));
        g.put("G_INPUTS", str(r.inputs().stream().filter(i -> i.error() != null).count()));
        return g;
    }
}
