package io.sealwatch.reports.pdf;

import io.sealwatch.result.OneFileRenderer;
import io.sealwatch.result.RunInfo;
import io.sealwatch.result.RunResult;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * {@code report.pdf}: the auditors' report from {@code report.jrxml}, compiled once per JVM at run time,
 * filled with a swap-file virtualizer (pages beyond a small in-memory window go to disk, so 10 000
 * episodes fit in bounded memory) and exported through {@link JasperPdf} with fixed info dates (period
 * end) and a document id derived from the run, so the unsigned PDF is byte-stable; signing happens
 * later, in the bundle. The PDF is PDF/A-3b and carries {@code findings.json} and {@code episodes.json}
 * (the bundle's own bytes, rendered again here since the renderers run side by side).
 */
public final class PdfRenderer extends OneFileRenderer {

    public static final String NAME = "pdf";
    public static final String FILE = "report.pdf";

    public PdfRenderer() {
        super(NAME, FILE);
    }
    private static final int VIRTUALIZER_PAGES = 20;

    private static final JasperPdf.Template TEMPLATE = new JasperPdf.Template(PdfRenderer.class, "report.jrxml");

    @Override
    public void prepare() {
        TEMPLATE.prepare();
    }

    @Override
    public void render(RunResult r, Path dir) throws IOException {
        Path swapDir = Files.createTempDirectory(dir, ".jasper-swap");
        JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(VIRTUALIZER_PAGES,
                new JRSwapFile(swapDir.toString(), 8192, 64), true);
        try {
            Map<String, Object> params = parameters(r);
            params.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
            params.put(JRParameter.REPORT_LOCALE, Locale.ROOT);
            params.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
            JasperPrint print = JasperFillManager.fillReport(TEMPLATE.get(), params,
                    JasperPdf.data(ReportContent.lines(r), params));
            virtualizer.setReadOnly(true);
            RunInfo info = r.info();
            // the raw export carries a random id and the current time; derive the id from the run instead
            JasperPdf.export(print, dir.resolve(FILE), new JasperPdf.Meta("Break-glass access compliance report",
                    nz(info.organization()) + ", " + info.period().from() + " to " + info.period().to(),
                    info.engineVersion(), info.period().to(), info.period() + "|" + info.configSha256() + "|"
                    + info.rulePackSha256() + "|" + info.engineVersion(), JasperPdf.evidence(r)));
        } catch (JRException e) {
            throw new IOException("cannot produce " + FILE + ": " + e.getMessage(), e);
        } finally {
            virtualizer.cleanup();
            try (var s = Files.list(swapDir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(swapDir);
        }
    }

    private static Map<String, Object> parameters(RunResult r) {
        RunInfo info = r.info();
        Display d = ReportContent.display(r);
        Map<String, Object> p = new HashMap<>(ReportContent.glance(r));
        p.put("ORGANIZATION", nz(info.organization()));
        p.put("PERIOD", "Period " + Display.period(info.period().from(), info.period().to()));
        p.put("AS_OF", d.at(info.period().asOf()) + " (deadlines after it are shown as owed, not judged)");
        p.put("TIMES", "Times are shown in " + d.label() + ".");
        p.put("ENGINE_VERSION", nz(info.engineVersion()));
        p.put("CONFIG_SHA256", nz(info.configSha256()));
        p.put("RULE_PACK_SHA256", nz(info.rulePackSha256()));
        p.put("EVIDENCE", info.complete() ? "Complete: every input file was read to its end"
                : "INCOMPLETE: " + String.join("; ", info.problems()));
        p.put("SIGNED", info.signed() ? "Digitally signed (PAdES); the bundle manifest is signed (CMS). Check with: sealwatch verify"
                : "UNSIGNED run (--no-sign)");
        p.put("HEADLINE", ReportContent.headline(r));
        return p;
    }


    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
