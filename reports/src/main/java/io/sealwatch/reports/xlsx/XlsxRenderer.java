package io.sealwatch.reports.xlsx;

import io.sealwatch.model.Approval;
import io.sealwatch.model.Classification;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.CredentialRotation;
import io.sealwatch.model.Episode;
import io.sealwatch.result.EpisodeStatus;
import io.sealwatch.model.Finding;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.Notification;
import io.sealwatch.model.Severity;
import io.sealwatch.reports.Fmt;
import io.sealwatch.result.OneFileRenderer;
import io.sealwatch.result.RunInfo;
import io.sealwatch.result.RunResult;
import io.sealwatch.result.SourceCoverage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code evidence.xlsx}, streamed through {@link XlsxBook} (quote-prefixed formula-like strings, real
 * UTC dates, frozen headers, autofilters) so 10 000 episodes and their events fit in bounded memory;
 * every date in the package is the period end, so the bytes depend only on the run.
 */
public final class XlsxRenderer extends OneFileRenderer {

    public static final String NAME = "xlsx";
    public static final String FILE = "evidence.xlsx";

    public XlsxRenderer() {
        super(NAME, FILE);
    }
    public static final List<String> SHEETS = List.of("Summary", "Episodes", "Findings", "Events", "Approvals",
            "Notifications", "Rotations", "Coverage", "Inputs");

    @Override
    public void render(RunResult r, Path dir) throws IOException {
        try (XlsxBook book = new XlsxBook()) {
            summary(book, r);
            episodes(book, r);
            findings(book, r);
            events(book, r);
            approvals(book, r);
            notifications(book, r);
            rotations(book, r);
            coverage(book, r);
            inputs(book, r);
            book.write(dir.resolve(FILE), r.info().period().to(), "Sealwatch " + r.info().engineVersion(),
                    "Sealwatch break-glass evidence");
        }
    }

    private static void summary(XlsxBook book, RunResult r) {
        XlsxBook.Sheet s = book.sheet("Summary", new String[]{"Item", "Value"}, new int[]{34, 80});
        RunInfo i = r.info();
        s.row("Organisation", i.organization());
        s.row("Period from", i.period().from());
        s.row("Period to (as of)", i.period().to());
        s.provenance(i);
        s.row("Episodes", r.facts().episodes().size());
        for (Classification c : Classification.values()) {
            s.row("Episodes: " + c.wire(), r.facts().episodes().stream().filter(e -> e.classification() == c).count());
        }
        s.row("Findings", r.evaluation().findings().size());
        for (Severity sev : Severity.values()) {
            s.row("Findings: " + sev.wire(), r.evaluation().findings().stream().filter(f -> f.severity() == sev).count());
        }
        s.row("Findings accepted by waiver", r.evaluation().findings().stream().filter(Finding::accepted).count());
        s.row("Input files", r.inputs().size());
        s.row("Duplicates dropped", r.duplicates());
        s.finish();
    }

    private static void episodes(XlsxBook book, RunResult r) {
        XlsxBook.Sheet s = book.sheet("Episodes",
                new String[]{"Episode", "Account", "Classification", "Start (UTC)", "End (UTC)", "Duration (s)",
                        "Sources", "Actors", "Actions", "Approvals", "Custodians", "Incident", "Notifications (s)",
                        "Rotations", "State", "Carried over", "Settles (UTC)", "Still owed (due UTC)"},
                new int[]{44, 26, 14, 20, 20, 12, 28, 36, 10, 30, 30, 14, 40, 50, 10, 12, 20, 60});
        for (Episode e : r.views().episodes()) {
            EpisodeStatus status = r.views().status(e);
            s.row(e.id(), e.account(), e.classification().wire(), e.start(), e.end(), e.durationSeconds(),
                    Fmt.join(e.sources()), Fmt.join(e.actors()), e.actions(), Fmt.join(e.approvals()),
                    Fmt.join(e.custodians()), e.incident(), mapText(e.notifications()), mapText(e.rotations()),
                    status.state(), status.carriedOver() ? "yes" : "no", status.settlesAt(),
                    Fmt.join(status.owed().stream().map(o -> o.what() + " by " + o.due()).toList()));
        }
        s.finish();
    }

    private static void findings(XlsxBook book, RunResult r) {
        XlsxBook.Sheet s = book.sheet("Findings",
                new String[]{"At (UTC)", "Severity", "Rule", "Account", "Episode", "Message", "Controls", "Evidence",
                        "Accepted", "Waiver until", "Waiver reason", "Waiver approved by"},
                new int[]{20, 10, 26, 26, 44, 70, 40, 70, 10, 20, 40, 26});
        for (Finding f : r.views().findings()) {
            var w = f.waiver();
            s.row(f.at(), f.severity().wire(), f.rule(), f.account(), f.episode(), f.message(), Fmt.join(f.controls()),
                    Fmt.refs(f.evidence()), f.accepted() ? "yes" : "no", w == null ? null : w.until(),
                    w == null ? null : w.reason(), w == null ? null : w.approvedBy());
        }
        s.finish();
    }

    private static void events(XlsxBook book, RunResult r) {
        XlsxBook.Sheet s = book.sheet("Events",
                new String[]{"Time (UTC)", "Source", "File", "Record", "Event id", "Class", "Action", "Outcome",
                        "Actor", "Person", "Target", "Account", "MFA", "Federated", "Source IP", "Incident",
                        "Credential", "Recipient", "Access change", "Access kind", "Access object", "Detail"},
                new int[]{20, 16, 40, 8, 38, 14, 28, 9, 40, 26, 40, 26, 12, 9, 16, 12, 14, 22, 12, 14, 30, 60});
        List<NormalizedEvent> sorted = r.events().stream().sorted(NormalizedEvent.ORDER).toList();
        for (NormalizedEvent e : sorted) {
            s.row(e.time(), e.sourceType(), e.sourceFile(), e.record(), e.eventId(),
                    e.eventClass() == null ? null : e.eventClass().wire(), e.action(), e.outcome(), e.actor(),
                    e.person(), e.target(), e.account(), e.mfa(),
                    e.federated() == null ? null : (e.federated() ? "yes" : "no"), e.sourceIp(), e.incident(),
                    e.credential(), e.recipient(), e.accessChange(), e.accessKind(), e.accessObject(), e.detail());
        }
        s.finish();
    }

    private static void approvals(XlsxBook book, RunResult r) {
        XlsxBook.Sheet s = book.sheet("Approvals",
                new String[]{"Episode", "Account", "Time (UTC)", "Approver", "Authorised approver", "Incident", "Late",
                        "Evidence"},
                new int[]{44, 26, 20, 32, 12, 14, 8, 70});
        r.facts().approvals().stream().sorted(Approval.ORDER)
                .forEach(a -> s.row(a.episode(), a.account(), a.time(), a.approver(),
                        r.config() != null && r.config().isApprover(a.approver()) ? "yes" : "no", a.incident(),
                        a.late() ? "yes" : "no", Fmt.ref(a.evidence())));
        s.finish();
    }

    private static void notifications(XlsxBook book, RunResult r) {
        Long limit = r.config() == null ? null : r.config().policy().notifyWithin().toSeconds();
        XlsxBook.Sheet s = book.sheet("Notifications",
                new String[]{"Episode", "Account", "Time (UTC)", "Recipient", "Latency (s)", "Limit (s)", "Within limit",
                        "Evidence"},
                new int[]{44, 26, 20, 26, 12, 10, 10, 70});
        r.facts().notifications().stream().sorted(Notification.ORDER)
                .forEach(n -> s.row(n.episode(), n.account(), n.time(), n.recipient(), n.latencySeconds(), limit,
                        limit == null ? null : (n.latencySeconds() <= limit ? "yes" : "no"), Fmt.ref(n.evidence())));
        s.finish();
    }

    private static void rotations(XlsxBook book, RunResult r) {
        Instant asOf = r.info().period().asOf();
        XlsxBook.Sheet s = book.sheet("Rotations",
                new String[]{"Episode", "Account", "Credential", "Deadline (UTC)", "Rotated at (UTC)", "Status",
                        "Evidence"},
                new int[]{44, 26, 16, 20, 20, 10, 70});
        r.facts().rotations().stream().sorted(CredentialRotation.ORDER)
                .forEach(c -> s.row(c.episode(), c.account(), c.credential(), c.deadline(), c.rotatedAt(),
                        c.status(asOf).wire(), Fmt.ref(c.evidence())));
        s.finish();
    }

    private static void coverage(XlsxBook book, RunResult r) {
        XlsxBook.Sheet s = book.sheet("Coverage",
                new String[]{"Source", "Events", "First (UTC)", "Last (UTC)", "Gap from (UTC)", "Gap to (UTC)",
                        "Gap (s)"},
                new int[]{20, 12, 20, 20, 20, 20, 12});
        for (SourceCoverage c : r.coverage().stream().sorted(SourceCoverage.ORDER).toList()) {
            if (c.gaps().isEmpty()) {
                s.row(c.source(), c.events(), c.first(), c.last(), null, null, null);
            }
            for (CoverageGap g : c.gaps()) {
                s.row(c.source(), c.events(), c.first(), c.last(), g.from(), g.to(), g.seconds());
            }
        }
        s.finish();
    }

    private static void inputs(XlsxBook book, RunResult r) {
        XlsxBook.Sheet s = book.sheet("Inputs",
                new String[]{"Source", "Path", "sha256", "Bytes", "Read", "Normalised", "Not relevant", "Quarantined",
                        "Duplicates", "Error"},
                new int[]{16, 60, 66, 12, 10, 11, 11, 11, 10, 50});
        for (InputFileStats i : r.inputs().stream().sorted(InputFileStats.ORDER).toList()) {
            s.row(i.source(), i.path(), i.sha256(), i.bytes(), i.read(), i.normalised(), i.notRelevant(),
                    i.quarantined(), i.duplicates(), i.error());
        }
        s.finish();
    }

    private static String mapText(java.util.Map<String, ?> m) {
        if (m == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<String, Object>(m)
                .forEach((k, v) -> b.append(b.length() == 0 ? "" : "; ").append(k).append('=').append(v == null ? "none" : v));
        return b.toString();
    }

    /** True when a spreadsheet would treat the text as a formula or DDE payload if typed in. */
    public static boolean formulaLike(String s) {
        return XlsxBook.formulaLike(s);
    }
}
