package io.sealwatch.reports.pdf;

import io.sealwatch.model.Episode;
import io.sealwatch.result.EpisodeStatus;
import io.sealwatch.model.Finding;
import io.sealwatch.reports.Fmt;
import io.sealwatch.reports.pdf.Line.Tone;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The Episodes chapter: one row per episode, then the episodes not yet settled or carried over. */
final class EpisodesSection extends Section {
    EpisodesSection(ReportRun run, Lines out) {
        super(run, out);
    }

    @Override
    void write() {
        episodeTable();
        openEpisodes();
    }

    private void episodeTable() {
        add(Line.h1("Episodes", true));
        if (episodes.isEmpty()) {
            add(Line.p("None: no break-glass episode started in the period."));
            return;
        }
        add(Line.note("The episode's colour is that of its most severe open finding; green: none."));
        add(Line.th("ep", "Episode · classification", "Start · end (" + d.label() + ") · duration", "Approved by",
                "Custodians (shares released)", "Open findings"));
        for (Episode e : episodes) {
            List<Finding> open = findingsByEpisode.getOrDefault(e.id(), List.of()).stream().filter(f -> !f.accepted()).toList();
            Tone tone = open.stream().map(Finding::severity).min(Comparator.naturalOrder()).map(Section::tone)
                    .orElse(Tone.GOOD);
            String rules = open.stream().map(Finding::rule).distinct().collect(Collectors.joining("\n"));
            EpisodeStatus status = r.views().status(e);
            add(Line.td("ep", tone, e.id() + "\n" + e.classification().wire() + " · " + status.state()
                            + (status.carriedOver() ? " · carried over" : ""),
                    d.at(e.start()) + "\n" + d.at(e.end()) + "\n" + Fmt.duration(e.durationSeconds()),
                    lines(e.approvals()), lines(e.custodians()), rules.isEmpty() ? "none" : rules));
        }
    }

    /**
     * Episodes whose verdict is not final at the period end, and those carried over from the previous
     * period: when each settles and what it still owes, by when. Nothing owed is a finding yet.
     */
    private void openEpisodes() {
        List<Episode> shown = episodes.stream().filter(e -> {
            EpisodeStatus s = r.views().status(e);
            return s.carriedOver() || !"settled".equals(s.state());
        }).toList();
        if (shown.isEmpty()) {
            return;
        }
        add(Line.h2("Open, ongoing and carried-over episodes"));
        add(Line.note("Open: late evidence still counts until the episode settles; what it still owes is not a "
                + "finding until its verdict is certain. Carried over: started before the period, not settled at its start."));
        // the waiver table's four-column layout (wide first and last columns) fits these rows as well
        add(Line.th("wv", "Episode", "State", "Settles (" + d.label() + ")", "Still owed · due (" + d.label() + ")"));
        for (Episode e : shown) {
            EpisodeStatus s = r.views().status(e);
            String owed = s.owed().stream().map(o -> o.what() + " · " + d.at(o.due()))
                    .collect(Collectors.joining("\n"));
            add(Line.td("wv", s.owed().isEmpty() ? Tone.NONE : Tone.WARN, e.id(),
                    s.state() + (s.carriedOver() ? "\ncarried over" : ""), d.at(s.settlesAt()),
                    owed.isEmpty() ? "nothing" : owed));
        }
    }

    private static String lines(List<String> people) {
        return people == null || people.isEmpty() ? "none" : String.join("\n", people);
    }
}
