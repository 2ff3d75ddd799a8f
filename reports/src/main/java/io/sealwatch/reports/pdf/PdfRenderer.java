package io.sealwatch.reports.pdf;

import io.sealwatch.reports.Renderer;
import io.sealwatch.result.RunInfo;
import io.sealwatch.result.RunResult;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * {@code report.pdf}: the auditors' report from {@code report.jrxml}, compiled once per JVM at run time,
 * filled with a swap-file virtualizer (pages beyond a small in-memory window go to disk, so 10 000
 * episodes fit in bounded memory) and exported with Jasper's PDF exporter. The export is then re-saved
 * with PDFBox with fixed info dates (period end) and a document id derived from the content, so the
 * unsigned PDF is byte-stable; signing happens later, in the bundle.
 *
 * <p>Text uses the standard PDF Helvetica font (WinAnsi): characters outside it are not shown. Embedding
 * a Unicode font would need a Jasper font extension, which is not a dependency yet.
 */
public final class PdfRenderer implements Renderer {

    public static final String NAME = "pdf";
    public static final String FILE = "report.pdf";
    private static final int VIRTUALIZER_PAGES = 20;

    private static JasperReport template;

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
        Path raw = Files.createTempFile(dir, ".report", ".pdf.tmp");
        Path swapDir = Files.createTempDirectory(dir, ".jasper-swap");
        JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(VIRTUALIZER_PAGES,
                new JRSwapFile(swapDir.toString(), 8192, 64), true);
        try {
            Map<String, Object> params = parameters(r.info(), ReportContent.headline(r));
            params.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
            params.put(JRParameter.REPORT_LOCALE, Locale.ROOT);
            params.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
            JasperPrint print = JasperFillManager.fillReport(template(), params,
                    new JRBeanCollectionDataSource(ReportContent.lines(r)));
            virtualizer.setReadOnly(true);
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            try (OutputStream out = Files.newOutputStream(raw)) {
                exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                SimplePdfExporterConfiguration cfg = new SimplePdfExporterConfiguration();
                cfg.setMetadataTitle("Break-glass access compliance report");
                cfg.setMetadataAuthor("Sealwatch");
                cfg.setMetadataCreator("Sealwatch " + r.info().engineVersion());
                cfg.setCompressed(true);
                exporter.setConfiguration(cfg);
                exporter.exportReport();
            }
            normalize(raw, dir.resolve(FILE), r.info());
        } catch (JRException e) {
            throw new IOException("cannot produce " + FILE + ": " + e.getMessage(), e);
        } finally {
            virtualizer.cleanup();
            Files.deleteIfExists(raw);
            try (var s = Files.list(swapDir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(swapDir);
        }
    }

    private static Map<String, Object> parameters(RunInfo info, String headline) {
        Map<String, Object> p = new HashMap<>();
        p.put("ORGANIZATION", nz(info.organization()));
        p.put("PERIOD", "Period " + info.period().from() + " to " + info.period().to() + " (end exclusive)");
        p.put("AS_OF", info.period().asOf() + " (every deadline is judged at the period end)");
        p.put("ENGINE_VERSION", nz(info.engineVersion()));
        p.put("CONFIG_SHA256", nz(info.configSha256()));
        p.put("RULE_PACK_SHA256", nz(info.rulePackSha256()));
        p.put("EVIDENCE", info.complete() ? "Complete: every input file was read to its end"
                : "INCOMPLETE: " + String.join("; ", info.problems()));
        p.put("SIGNED", info.signed() ? "Digitally signed (PAdES); the bundle manifest is signed (CMS). Check with: sealwatch verify"
                : "UNSIGNED run (--no-sign)");
        p.put("HEADLINE", headline);
        return p;
    }

    static synchronized JasperReport template() throws JRException, IOException {
        if (template == null) {
            try (InputStream in = PdfRenderer.class.getResourceAsStream("report.jrxml")) {
                if (in == null) {
                    throw new IOException("report.jrxml is missing from the class path");
                }
                template = JasperCompileManager.compileReport(in);
            }
        }
        return template;
    }

    /** Fixed metadata dates and a content-derived /ID: the only run-to-run variation in Jasper's output. */
    private static void normalize(Path raw, Path out, RunInfo info) throws IOException {
        try (PDDocument doc = Loader.loadPDF(raw.toFile())) {
            PDDocumentInformation meta = doc.getDocumentInformation();
            Calendar end = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            end.setTimeInMillis(info.period().to().toEpochMilli());
            meta.setCreationDate(end);
            meta.setModificationDate(end);
            meta.setProducer("Sealwatch " + info.engineVersion() + " (JasperReports, PDFBox)");
            meta.setSubject(nz(info.organization()) + ", " + info.period().from() + " to " + info.period().to());
            byte[] id = Arrays.copyOf(sha256(info), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            doc.save(out.toFile());
        }
    }

    private static byte[] sha256(RunInfo info) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            // the raw export carries a random id and the current time; derive the id from the run instead
            md.update((info.period() + "|" + info.configSha256() + "|" + info.rulePackSha256() + "|"
                    + info.engineVersion()).getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
