package io.sealwatch.reports.xlsx;

import io.sealwatch.model.Approval;
import io.sealwatch.model.Classification;
import io.sealwatch.model.CoverageGap;
import io.sealwatch.model.CredentialRotation;
import io.sealwatch.model.Episode;
import io.sealwatch.model.Finding;
import io.sealwatch.model.InputFileStats;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.Notification;
import io.sealwatch.model.Severity;
import io.sealwatch.reports.Fmt;
import io.sealwatch.reports.Renderer;
import io.sealwatch.reports.json.EpisodesJsonRenderer;
import io.sealwatch.reports.json.FindingsJsonRenderer;
import io.sealwatch.reports.json.RunJsonRenderer;
import io.sealwatch.result.RunInfo;
import io.sealwatch.result.RunResult;
import io.sealwatch.result.SourceCoverage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * {@code evidence.xlsx}, streamed with {@link SXSSFWorkbook} so 10 000 episodes and their events fit
 * in bounded memory. Every string is a string cell; one that a spreadsheet would read as a formula
 * ({@code = + - @}, TAB, CR first) gets a quote-prefixed style so it stays inert text even when edited.
 * Dates are real date cells in UTC. The package is rewritten with fixed zip entry times and order and
 * core-property dates set to the period end, so the bytes depend only on the run.
 */
public final class XlsxRenderer implements Renderer {

    public static final String NAME = "xlsx";
    public static final String FILE = "evidence.xlsx";
    public static final List<String> SHEETS = List.of("Summary", "Episodes", "Findings", "Events", "Approvals",
            "Notifications", "Rotations", "Coverage", "Inputs");
    /** Excel's cell limit. */
    private static final int MAX_CELL_CHARS = 32_767;
    private static final int WINDOW = 200;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> files() {
        return List.of(FILE);
    }

    @Override
    public void render(RunResult r, Path dir) throws IOException {
        Path raw = Files.createTempFile(dir, ".evidence", ".xlsx.tmp");
        try {
            SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
            try {
                Styles st = new Styles(wb);
                summary(wb, st, r);
                episodes(wb, st, r);
                findings(wb, st, r);
                events(wb, st, r);
                approvals(wb, st, r);
                notifications(wb, st, r);
                rotations(wb, st, r);
                coverage(wb, st, r);
                inputs(wb, st, r);
                Date end = Date.from(r.info().period().to());
                var core = wb.getXSSFWorkbook().getProperties().getCoreProperties();
                core.setCreated(Optional.of(end));
                core.setModified(Optional.of(end));
                core.setCreator("Sealwatch " + r.info().engineVersion());
                core.setTitle("Sealwatch break-glass evidence");
                try (OutputStream out = Files.newOutputStream(raw)) {
                    wb.write(out);
                }
            } finally {
                wb.close(); // also removes SXSSF's temporary sheet files
            }
            ZipNormalizer.normalize(raw, dir.resolve(FILE), LocalDateTime.ofInstant(r.info().period().to(), ZoneOffset.UTC));
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    private static void summary(SXSSFWorkbook wb, Styles st, RunResult r) {
        Sheet s = new Sheet(wb, st, "Summary", new String[]{"Item", "Value"}, new int[]{34, 80});
        RunInfo i = r.info();
        s.row("Organisation", i.organization());
        s.row("Period from", i.period().from());
        s.row("Period to (as of)", i.period().to());
        s.row("Engine version", i.engineVersion());
        s.row("Config sha256", i.configSha256());
        s.row("Rule pack sha256", i.rulePackSha256());
        s.row("Evidence complete", i.complete() ? "yes" : "NO");
        for (String p : i.problems()) {
            s.row("Problem", p);
        }
        s.row("Signed", i.signed() ? "yes" : "no");
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

    private static void episodes(SXSSFWorkbook wb, Styles st, RunResult r) {
        Sheet s = new Sheet(wb, st, "Episodes",
                new String[]{"Episode", "Account", "Classification", "Start (UTC)", "End (UTC)", "Duration (s)",
                        "Sources", "Actors", "Actions", "Approvals", "Custodians", "Incident", "Notifications (s)",
                        "Rotations"},
                new int[]{44, 26, 14, 20, 20, 12, 28, 36, 10, 30, 30, 14, 40, 50});
        for (Episode e : EpisodesJsonRenderer.sorted(r)) {
            s.row(e.id(), e.account(), e.classification().wire(), e.start(), e.end(), e.durationSeconds(),
                    Fmt.join(e.sources()), Fmt.join(e.actors()), e.actions(), Fmt.join(e.approvals()),
                    Fmt.join(e.custodians()), e.incident(), mapText(e.notifications()), mapText(e.rotations()));
        }
        s.finish();
    }

    private static void findings(SXSSFWorkbook wb, Styles st, RunResult r) {
        Sheet s = new Sheet(wb, st, "Findings",
                new String[]{"At (UTC)", "Severity", "Rule", "Account", "Episode", "Message", "Controls", "Evidence",
                        "Accepted", "Waiver until", "Waiver reason", "Waiver approved by"},
                new int[]{20, 10, 26, 26, 44, 70, 40, 70, 10, 20, 40, 26});
        for (Finding f : FindingsJsonRenderer.sorted(r)) {
            var w = f.waiver();
            s.row(f.at(), f.severity().wire(), f.rule(), f.account(), f.episode(), f.message(), Fmt.join(f.controls()),
                    Fmt.refs(f.evidence()), f.accepted() ? "yes" : "no", w == null ? null : w.until(),
                    w == null ? null : w.reason(), w == null ? null : w.approvedBy());
        }
        s.finish();
    }

    private static void events(SXSSFWorkbook wb, Styles st, RunResult r) {
        Sheet s = new Sheet(wb, st, "Events",
                new String[]{"Time (UTC)", "Source", "File", "Record", "Event id", "Class", "Action", "Outcome",
                        "Actor", "Person", "Target", "Account", "MFA", "Federated", "Source IP", "Incident",
                        "Credential", "Recipient", "Access change", "Access kind", "Access object", "Detail"},
                new int[]{20, 16, 40, 8, 38, 14, 28, 9, 40, 26, 40, 26, 12, 9, 16, 12, 14, 22, 12, 14, 30, 60});
        List<NormalizedEvent> sorted = r.events().stream().sorted(Comparator.comparing(NormalizedEvent::time)
                .thenComparing(NormalizedEvent::sourceType).thenComparing(NormalizedEvent::sourceFile)
                .thenComparingLong(NormalizedEvent::record)).toList();
        for (NormalizedEvent e : sorted) {
            s.row(e.time(), e.sourceType(), e.sourceFile(), e.record(), e.eventId(),
                    e.eventClass() == null ? null : e.eventClass().wire(), e.action(), e.outcome(), e.actor(),
                    e.person(), e.target(), e.account(), e.mfa(),
                    e.federated() == null ? null : (e.federated() ? "yes" : "no"), e.sourceIp(), e.incident(),
                    e.credential(), e.recipient(), e.accessChange(), e.accessKind(), e.accessObject(), e.detail());
        }
        s.finish();
    }

    private static void approvals(SXSSFWorkbook wb, Styles st, RunResult r) {
        Sheet s = new Sheet(wb, st, "Approvals",
                new String[]{"Episode", "Account", "Time (UTC)", "Approver", "Authorised approver", "Incident", "Late",
                        "Evidence"},
                new int[]{44, 26, 20, 32, 12, 14, 8, 70});
        r.facts().approvals().stream().sorted(Comparator.comparing(Approval::time).thenComparing(Approval::approver,
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(a -> s.row(a.episode(), a.account(), a.time(), a.approver(),
                        r.config() != null && r.config().isApprover(a.approver()) ? "yes" : "no", a.incident(),
                        a.late() ? "yes" : "no", Fmt.ref(a.evidence())));
        s.finish();
    }

    private static void notifications(SXSSFWorkbook wb, Styles st, RunResult r) {
        Long limit = r.config() == null ? null : r.config().policy().notifyWithin().toSeconds();
        Sheet s = new Sheet(wb, st, "Notifications",
                new String[]{"Episode", "Account", "Time (UTC)", "Recipient", "Latency (s)", "Limit (s)", "Within limit",
                        "Evidence"},
                new int[]{44, 26, 20, 26, 12, 10, 10, 70});
        r.facts().notifications().stream().sorted(Comparator.comparing(Notification::time)
                        .thenComparing(Notification::recipient))
                .forEach(n -> s.row(n.episode(), n.account(), n.time(), n.recipient(), n.latencySeconds(), limit,
                        limit == null ? null : (n.latencySeconds() <= limit ? "yes" : "no"), Fmt.ref(n.evidence())));
        s.finish();
    }

    private static void rotations(SXSSFWorkbook wb, Styles st, RunResult r) {
        Instant asOf = r.info().period().asOf();
        Sheet s = new Sheet(wb, st, "Rotations",
                new String[]{"Episode", "Account", "Credential", "Deadline (UTC)", "Rotated at (UTC)", "Status",
                        "Evidence"},
                new int[]{44, 26, 16, 20, 20, 10, 70});
        r.facts().rotations().stream().sorted(Comparator.comparing(CredentialRotation::deadline)
                        .thenComparing(CredentialRotation::episode).thenComparing(CredentialRotation::credential))
                .forEach(c -> s.row(c.episode(), c.account(), c.credential(), c.deadline(), c.rotatedAt(),
                        c.status(asOf), Fmt.ref(c.evidence())));
        s.finish();
    }

    private static void coverage(SXSSFWorkbook wb, Styles st, RunResult r) {
        Sheet s = new Sheet(wb, st, "Coverage",
                new String[]{"Source", "Events", "First (UTC)", "Last (UTC)", "Gap from (UTC)", "Gap to (UTC)",
                        "Gap (s)"},
                new int[]{20, 12, 20, 20, 20, 20, 12});
        for (SourceCoverage c : r.coverage().stream().sorted(Comparator.comparing(SourceCoverage::source)).toList()) {
            if (c.gaps().isEmpty()) {
                s.row(c.source(), c.events(), c.first(), c.last(), null, null, null);
            }
            for (CoverageGap g : c.gaps()) {
                s.row(c.source(), c.events(), c.first(), c.last(), g.from(), g.to(), g.seconds());
            }
        }
        s.finish();
    }

    private static void inputs(SXSSFWorkbook wb, Styles st, RunResult r) {
        Sheet s = new Sheet(wb, st, "Inputs",
                new String[]{"Source", "Path", "sha256", "Bytes", "Read", "Normalised", "Not relevant", "Quarantined",
                        "Duplicates", "Error"},
                new int[]{16, 60, 66, 12, 10, 11, 11, 11, 10, 50});
        for (InputFileStats i : r.inputs().stream().sorted(RunJsonRenderer.INPUT_ORDER).toList()) {
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
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle date;
        final CellStyle text;
        final CellStyle quoted;
        final CellStyle number;

        Styles(SXSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            bold.setColor(IndexedColors.WHITE.getIndex());
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.DARK_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            quoted = wb.createCellStyle();
            quoted.setDataFormat(wb.createDataFormat().getFormat("@"));
            quoted.setQuotePrefixed(true);
            number = wb.createCellStyle();
            number.setDataFormat(wb.createDataFormat().getFormat("0"));
        }
    }

    /** One sheet being streamed: header row frozen, typed cells, autofilter over the written range. */
    private static final class Sheet {
        private final SXSSFSheet sheet;
        private final Styles st;
        private final int columns;
        private int next;

        Sheet(SXSSFWorkbook wb, Styles st, String name, String[] headers, int[] widths) {
            this.sheet = wb.createSheet(name);
            this.st = st;
            this.columns = headers.length;
            Row h = sheet.createRow(next++);
            for (int c = 0; c < headers.length; c++) {
                Cell cell = h.createCell(c);
                cell.setCellValue(headers[c]);
                cell.setCellStyle(st.header);
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 1);
        }

        void row(Object... values) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < values.length; c++) {
                Object v = values[c];
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (v instanceof Instant t) {
                    cell.setCellValue(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
                    cell.setCellStyle(st.date);
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                    // an explicit style: without one SXSSF looks up the column's default style per cell (slow)
                    cell.setCellStyle(st.number);
                } else {
                    String s = v.toString();
                    if (s.length() > MAX_CELL_CHARS) {
                        s = s.substring(0, MAX_CELL_CHARS - 1) + "…";
                    }
                    cell.setCellValue(s);
                    cell.setCellStyle(formulaLike(s) ? st.quoted : st.text);
                }
            }
        }

        void finish() {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, columns - 1));
        }
    }
}
