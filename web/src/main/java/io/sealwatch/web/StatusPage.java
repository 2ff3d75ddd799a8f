package io.sealwatch.web;

import io.sealwatch.model.Episode;
import io.sealwatch.model.Finding;
import io.sealwatch.reports.Fmt;
import io.sealwatch.result.RunResult;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The status page {@code /}: the open and ongoing episodes as live checklists (each under its own anchor,
 * {@code /#<episode id>}, where alerts point), the latest findings, each source's freshness and the alert
 * outbox. Server-rendered; {@code /static/status.js} only keeps the countdowns running between reloads, and
 * the page reloads itself every {@value #REFRESH_SECONDS} seconds. No inline script or style: the CSP forbids them.
 */
final class StatusPage {

    static final int REFRESH_SECONDS = 60;
    /** The findings table shows the most recent ones; {@code /api/findings} has all. */
    static final int FINDINGS_SHOWN = 50;

    private final StatusSnapshot s;
    private final Html h = new Html();

    private StatusPage(StatusSnapshot snapshot) {
        this.s = snapshot;
    }

    static String render(StatusSnapshot snapshot) {
        return new StatusPage(snapshot).page();
    }

    private String page() {
        RunResult r = s.result();
        String organization = r == null ? null : r.info().organization();
        h.doctype().open("html", "lang", "en").open("head").open("meta", "charset", "utf-8")
                .open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .open("meta", "http-equiv", "refresh", "content", Integer.toString(REFRESH_SECONDS))
                .element("title", "Sealwatch status")
                .open("link", "rel", "stylesheet", "href", "/static/status.css")
                .open("script", "src", "/static/status.js", "defer", "").close("script")
                .close("head");
        h.open("body", "data-now", Html.iso(s.now()));
        h.open("header").element("h1", organization == null ? "Sealwatch" : "Sealwatch · " + organization);
        header(r);
        h.close("header").open("main");
        List<Checklist> open = Checklist.of(r, s.now());
        episodes(open);
        findings(r, open.stream().map(c -> c.episode().id()).collect(Collectors.toSet()));
        sources();
        alerts();
        h.close("main").open("footer").text("For machines: ");
        for (String api : List.of("/api/episodes", "/api/findings", "/api/alerts", "/api/outbox", "/api/sources", "/metrics", "/healthz")) {
            h.element("a", api, "href", api).text(" ");
        }
        return h.close("footer").close("body").close("html").toString();
    }

    private void header(RunResult r) {
        h.open("p", "class", s.healthy() ? "health ok" : "health problem")
                .text(s.healthy() ? "Healthy" : "Not healthy: " + Fmt.nz(s.problem())).close("p");
        h.open("p", "class", "meta");
        if (r == null) {
            h.text("Nothing judged yet: the service is reading its sources.");
        } else {
            h.text("Judged at " + Html.at(s.judgedAt() == null ? r.info().period().asOf() : s.judgedAt())
                    + " over " + Html.at(r.info().period().from()) + " to " + Html.at(r.info().period().to())
                    + (r.info().complete() ? "" : " — incomplete: " + String.join("; ", r.info().problems()))
                    + ". Page rendered at " + Html.at(s.now()) + "; times are UTC.");
        }
        h.close("p");
        h.element("p", "Countdowns are as of the page's rendering (it reloads every " + REFRESH_SECONDS
                + " s); with this page's script allowed they run live.", "class", "static-only");
    }

    private void episodes(List<Checklist> open) {
        h.open("section", "id", "episodes").element("h2", "Open and ongoing episodes (" + open.size() + ")");
        if (open.isEmpty()) {
            h.element("p", "None: no break-glass use is ongoing or waiting for its evidence.", "class", "none");
        }
        for (Checklist c : open) {
            episode(c);
        }
        h.close("section");
    }

    private void episode(Checklist c) {
        Episode e = c.episode();
        h.open("article", "class", "episode " + c.status().state(), "id", e.id());
        h.open("h3").element("a", e.account(), "href", "#" + e.id()).text(" · " + c.status().state()
                + (c.status().carriedOver() ? " · carried over" : "")).close("h3");
        h.open("dl", "class", "use");
        term("Episode", e.id());
        term("Started", Html.at(e.start()));
        term("Last activity", Html.at(e.end()) + " (" + Fmt.duration(e.durationSeconds()) + ", "
                + e.actions() + " actions)");
        term("Classification", e.classification().wire());
        term("Actors", Fmt.join(e.actors()));
        term("From", c.sourceIps().isEmpty() ? "not shown in the logs" : String.join(", ", c.sourceIps()));
        term("Sources", Fmt.join(e.sources()));
        term("Settles", Html.at(c.status().settlesAt()));
        h.close("dl");
        h.open("ul", "class", "checklist");
        for (Checklist.Item item : c.items()) {
            h.open("li", "class", "item " + item.mark().css())
                    .element("span", item.mark().symbol, "class", "mark", "title", item.mark().css()).text(" ")
                    .element("span", item.label(), "class", "label").text(" ")
                    .element("span", item.detail(), "class", "detail");
            if (item.due() != null) {
                h.text(" · due ").countdown(item.due(), s.now());
            }
            h.close("li");
        }
        h.close("ul").close("article");
    }

    private void term(String name, String value) {
        h.element("dt", name).element("dd", value);
    }

    private void findings(RunResult r, Set<String> anchors) {
        List<Finding> all = r == null ? List.of() : r.evaluation().findings();
        h.open("section", "id", "findings").element("h2", "Latest findings (" + all.size() + ")");
        if (all.isEmpty()) {
            h.element("p", r == null ? "Nothing judged yet." : "None in the period so far.", "class", "none").close("section");
            return;
        }
        List<Finding> latest = all.stream().sorted(Finding.ORDER.reversed()).limit(FINDINGS_SHOWN).toList();
        if (latest.size() < all.size()) {
            h.element("p", "The " + FINDINGS_SHOWN + " most recent; /api/findings has all " + all.size() + ".", "class", "note");
        }
        table(List.of("Decided", "Severity", "Rule", "Account or source", "Episode", "Message"));
        for (Finding f : latest) {
            h.open("tr", "class", "sev-" + f.severity().wire() + (f.accepted() ? " waived" : ""))
                    .element("td", Html.at(f.at())).element("td", f.severity().wire(), "class", "sev").element("td", f.rule())
                    .element("td", f.account() != null ? f.account() : Fmt.nz(f.source())).open("td");
            if (f.episode() != null && anchors.contains(f.episode())) {
                h.element("a", f.episode(), "href", "#" + f.episode());
            } else {
                h.text(f.episode());
            }
            h.close("td").element("td", f.message() + (f.accepted() ? " (waived: " + f.waiver().reason() + ")" : ""))
                    .close("tr");
        }
        h.close("tbody").close("table").close("section");
    }

    private void sources() {
        h.open("section", "id", "sources").element("h2", "Sources");
        if (s.sources().isEmpty()) {
            h.element("p", "No source read yet.", "class", "none").close("section");
            return;
        }
        table(List.of("Source", "Path", "Files", "Records", "Last new file", "Newest event", "Lag", "State"));
        for (SourceRow row : s.sources()) {
            String state = row.lastError() != null ? "error: " + row.lastError() : row.silent() ? "silent" : "fresh";
            h.open("tr", "class", row.lastError() != null || row.silent() ? "stale" : "fresh")
                    .element("td", row.type()).element("td", row.path())
                    .element("td", Long.toString(row.files())).element("td", Long.toString(row.records()))
                    .element("td", Html.at(row.lastFileAt())).element("td", Html.at(row.lastEventAt()))
                    .element("td", row.lag() == null ? "" : Fmt.duration(row.lag().toSeconds()))
                    .element("td", state).close("tr");
        }
        h.close("tbody").close("table").close("section");
    }

    private void alerts() {
        h.open("section", "id", "alerts").element("h2", "Alerts");
        if (s.alerts().isEmpty()) {
            h.element("p", "No alert raised yet.", "class", "none");
        } else {
            table(List.of("Detected", "Kind", "Severity", "Account", "Episode", "Rule", "Message"));
            s.alerts().stream().sorted(Comparator.comparing(AlertRow::detectedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                    .forEach(a -> h.open("tr", "class", "sev-" + a.severity())
                            .element("td", Html.at(a.detectedAt())).element("td", a.kind()).element("td", a.severity(), "class", "sev")
                            .element("td", a.account()).element("td", a.episode()).element("td", a.rule())
                            .element("td", a.message()).close("tr"));
            h.close("tbody").close("table");
        }
        h.element("h3", "Outbox");
        if (s.outbox().isEmpty()) {
            h.element("p", "Nothing to deliver.", "class", "none").close("section");
            return;
        }
        table(List.of("Alert", "Kind", "Sink", "State", "Attempts", "Last attempt", "Last error", "Next attempt"));
        for (OutboxRow o : s.outbox()) {
            h.open("tr", "class", "outbox " + o.state()).element("td", o.alertId()).element("td", o.kind())
                    .element("td", o.sink()).element("td", o.state()).element("td", Integer.toString(o.attempts()))
                    .element("td", Html.at(o.lastAttempt())).element("td", o.lastError()).open("td");
            if (o.nextAttempt() != null) {
                h.countdown(o.nextAttempt(), s.now());
            }
            h.close("td").close("tr");
        }
        h.close("tbody").close("table").close("section");
    }

    /** Opens a table with its header row and its body; the caller adds the rows and closes both. */
    private void table(List<String> columns) {
        h.open("table").open("thead").open("tr");
        columns.forEach(c -> h.element("th", c));
        h.close("tr").close("thead").open("tbody");
    }
}
