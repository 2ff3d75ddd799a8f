package io.sealwatch.reports.pdf;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * What every Sealwatch PDF shares: JRXML compiled from the class path, and an export made byte-stable —
 * Jasper's PDF exporter stamps the current time and a random document id, so the export is re-saved
 * with PDFBox with fixed info dates and an id derived from {@link Meta#idSeed}. Signing happens later,
 * in the bundle.
 */
public final class JasperPdf {

    /**
     * The document's metadata.
     *
     * @param fixedTime the creation and modification date (the period end)
     * @param idSeed    what identifies the content; its hash becomes the document id
     */
    public record Meta(String title, String subject, String engineVersion, Instant fixedTime, String idSeed) {
    }

    private JasperPdf() {
    }

    /** A JRXML resource next to its renderer, compiled once per JVM: on first use, or ahead by {@link #prepare}. */
    public static final class Template {
        private final Class<?> anchor;
        private final String name;
        private JasperReport compiled;

        public Template(Class<?> anchor, String name) {
            this.anchor = anchor;
            this.name = name;
        }

        public synchronized JasperReport get() throws JRException, IOException {
            if (compiled == null) {
                compiled = compile(anchor, name);
            }
            return compiled;
        }

        /** Compiles now unless done; a failure is left for {@link #get}, which meets it again and reports it. */
        public void prepare() {
            try {
                get();
            } catch (JRException | IOException | RuntimeException e) {
                // get() compiles again when rendering and the renderer reports the error
            }
        }
    }

    /** Compiles the JRXML resource {@code name} next to {@code anchor}. */
    public static JasperReport compile(Class<?> anchor, String name) throws JRException, IOException {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the class path");
            }
            return JasperCompileManager.compileReport(in);
        }
    }

    /** Exports {@code print} to {@code target} (through a temporary file beside it) with fixed metadata. */
    public static void export(JasperPrint print, Path target, Meta meta) throws IOException, JRException {
        Path raw = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            try (OutputStream out = Files.newOutputStream(raw)) {
                exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                SimplePdfExporterConfiguration cfg = new SimplePdfExporterConfiguration();
                cfg.setMetadataTitle(meta.title());
                cfg.setMetadataAuthor("Sealwatch");
                cfg.setMetadataCreator("Sealwatch " + meta.engineVersion());
                cfg.setCompressed(true);
                exporter.setConfiguration(cfg);
                exporter.exportReport();
            }
            normalize(raw, target, meta);
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    /** Fixed metadata dates and a content-derived /ID: the only run-to-run variation in Jasper's output. */
    private static void normalize(Path raw, Path out, Meta meta) throws IOException {
        try (PDDocument doc = Loader.loadPDF(raw.toFile())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            fixed.setTimeInMillis(meta.fixedTime().toEpochMilli());
            info.setCreationDate(fixed);
            info.setModificationDate(fixed);
            info.setProducer("Sealwatch " + meta.engineVersion() + " (JasperReports, PDFBox)");
            info.setSubject(meta.subject());
            byte[] id = Arrays.copyOf(sha256(meta.idSeed()), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            doc.save(out.toFile());
        }
    }

    private static byte[] sha256(String seed) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
