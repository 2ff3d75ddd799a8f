package io.sealwatch.reports.review;

import io.sealwatch.result.OneFileRenderer;
import io.sealwatch.reports.pdf.JasperPdf;
import io.sealwatch.result.ReviewResult;
import io.sealwatch.result.RunInfo;
import io.sealwatch.result.RunResult;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * {@code annual-review.pdf}: the review of need for leadership, from {@code annual-review.jrxml}, of the review
 * the year's run carries ({@link RunResult#review()}); the PDF's dates are the year's end, so
 * it is byte-stable until the bundle signs it. Every text field is plain text (markup none). Like the
 * report it is PDF/A-3b and carries the year's findings.json and episodes.json, and the review itself as
 * {@code annual-review.json} ({@link ReviewJson}).
 */
public final class ReviewPdfRenderer extends OneFileRenderer {

    public static final String NAME = "annual-review-pdf";
    public static final String FILE = "annual-review.pdf";

    public ReviewPdfRenderer() {
        super(NAME, FILE);
    }

    private static final JasperPdf.Template TEMPLATE =
            new JasperPdf.Template(ReviewPdfRenderer.class, "annual-review.jrxml");

    @Override
    public void prepare() {
        TEMPLATE.prepare();
    }

    @Override
    public void render(RunResult r, Path dir) throws IOException {
        ReviewResult review = ReviewContent.review(r);
        RunInfo info = r.info();
        try {
            Map<String, Object> p = new HashMap<>();
            p.put("ORGANIZATION", info.organization() == null ? "" : info.organization());
            p.put("YEAR", "Year " + review.year());
            p.put("PERIOD", "Uses from " + info.period().from() + " to " + info.period().to()
                    + " (end exclusive), judged as of the end");
            p.put("HEADLINE", ReviewContent.headline(r));
            p.put("ENGINE_VERSION", info.engineVersion() == null ? "" : info.engineVersion());
            p.put("CONFIG_SHA256", info.configSha256() == null ? "" : info.configSha256());
            p.put("EVIDENCE", info.complete() ? "Complete: every input file was read to its end"
                    : "INCOMPLETE: " + String.join("; ", info.problems()));
            p.put("SIGNED", info.signed() ? "Digitally signed (PAdES); the bundle manifest is signed (CMS). "
                    + "Check with: sealwatch verify" : "UNSIGNED (--no-sign)");
            p.put(JRParameter.REPORT_LOCALE, Locale.ROOT);
            p.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
            JasperPrint print = JasperFillManager.fillReport(TEMPLATE.get(), p, JasperPdf.data(ReviewContent.lines(r), p));
            List<JasperPdf.Attachment> attached = new ArrayList<>(JasperPdf.evidence(r));
            attached.add(new JasperPdf.Attachment(ReviewJson.FILE, "The review of need per account (Sealwatch "
                    + ReviewJson.FILE + ")", ReviewJson.bytes(review)));
            JasperPdf.export(print, dir.resolve(FILE), new JasperPdf.Meta("Annual review of need " + review.year(),
                    (info.organization() == null ? "" : info.organization()) + ", break-glass accounts, "
                            + review.year(), info.engineVersion(), info.period().to(),
                    "annual-review|" + info.period() + "|" + info.configSha256() + "|" + info.rulePackSha256() + "|"
                            + info.engineVersion(), attached));
        } catch (JRException e) {
            throw new IOException("cannot produce " + FILE + ": " + e.getMessage(), e);
        }
    }

}
