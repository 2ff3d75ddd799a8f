package io.sealwatch.reports.pdf;

import io.sealwatch.reports.json.EpisodesJsonRenderer;
import io.sealwatch.reports.json.FindingsJsonRenderer;
import io.sealwatch.result.RunResult;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What every Sealwatch PDF shares: JRXML compiled from the class path, and an archival (PDF/A-3b), tagged,
 * byte-stable export. Jasper writes the tagged PDF with the DejaVu fonts embedded (the templates name
 * them; the font extension embeds them, Identity-H); PDFBox then adds what Jasper's PDF/A mode would add
 * with the current time and a random id (XMP metadata, the sRGB output intent) and what it cannot add
 * at all (the attached JSON files as PDF/A-3 associated files), with dates from {@link Meta#fixedTime} and
 * an id derived from {@link Meta#idSeed}. Signing happens later, in the bundle, as an incremental update
 * that keeps all of this.
 */
public final class JasperPdf {

    /**
     * The document's metadata.
     *
     * @param fixedTime the creation and modification date (the period end)
     * @param idSeed    what identifies the content; its hash becomes the document id
     */
    public record Meta(String title, String subject, String engineVersion, Instant fixedTime, String idSeed,
                       List<Attachment> attachments) {
    }

    /** A file carried inside the PDF (PDF/A-3 associated file, relationship Data): the evidence the pages show. */
    public record Attachment(String name, String description, byte[] bytes) {
    }

    /** The OutputIntent's condition: Java's built-in sRGB profile is the colour space Jasper's DeviceRGB means. */
    private static final String SRGB = "sRGB IEC61966-2.1";

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

    /** The JRXML resource {@code name} next to {@code anchor}, compiled (by the build when it could: {@link PrecompiledTemplates}). */
    public static JasperReport compile(Class<?> anchor, String name) throws JRException, IOException {
        return PrecompiledTemplates.load(anchor, name);
    }

    /**
     * The template's data: its lines as printable ({@link Line#printable}) with {@link Glyphs#shown}, and the
     * text parameters in {@code params} through the same check; {@code GLYPHS} is {@link Glyphs#NOTE} when a
     * character had to be shown as its code point, else empty.
     */
    public static JRBeanCollectionDataSource data(List<Line> lines, Map<String, Object> params) {
        boolean[] replaced = {false};
        UnaryOperator<String> shown = text -> {
            replaced[0] |= !Glyphs.complete(text);
            return Glyphs.shown(text);
        };
        params.replaceAll((k, v) -> v instanceof String text ? shown.apply(text) : v);
        JRBeanCollectionDataSource data = new JRBeanCollectionDataSource(Line.printable(lines, shown));
        params.put("GLYPHS", replaced[0] ? Glyphs.NOTE : "");
        return data;
    }

    /** findings.json and episodes.json of the run, as the bundle has them, to attach to its PDFs. */
    public static List<Attachment> evidence(RunResult r) throws IOException {
        return List.of(
                new Attachment(FindingsJsonRenderer.FILE, "Every finding of the period (Sealwatch findings.json)",
                        FindingsJsonRenderer.bytes(r)),
                new Attachment(EpisodesJsonRenderer.FILE, "Every break-glass episode (Sealwatch episodes.json)",
                        EpisodesJsonRenderer.bytes(r)));
    }

    /** Exports {@code print} to {@code target} (through a temporary file beside it) with fixed metadata. */
    public static void export(JasperPrint print, Path target, Meta meta) throws IOException, JRException {
        Path raw = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            JRPdfExporter exporter = BalancedTags.exporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            try (OutputStream out = Files.newOutputStream(raw)) {
                exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                SimplePdfExporterConfiguration cfg = new SimplePdfExporterConfiguration();
                cfg.setMetadataTitle(meta.title());
                cfg.setMetadataAuthor("Sealwatch");
                cfg.setMetadataCreator("Sealwatch " + meta.engineVersion());
                cfg.setCompressed(true);
                cfg.setTagged(true);
                cfg.setTagLanguage("en");
                cfg.setDisplayMetadataTitle(true);
                exporter.setConfiguration(cfg);
                exporter.exportReport();
            }
            normalize(raw, target, meta);
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    /** Fixed dates, a content-derived /ID, XMP, output intent and attachments: PDF/A-3b, the same bytes every run. */
    private static void normalize(Path raw, Path out, Meta meta) throws IOException {
        try (PDDocument doc = Loader.loadPDF(raw.toFile())) {
            Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            fixed.setTimeInMillis(meta.fixedTime().toEpochMilli());
            String producer = "Sealwatch " + meta.engineVersion() + " (JasperReports, PDFBox)";
            // only the entries the XMP repeats: PDF/A wants the two to agree
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(meta.title());
            info.setAuthor("Sealwatch");
            info.setSubject(meta.subject());
            info.setCreator("Sealwatch " + meta.engineVersion());
            info.setProducer(producer);
            info.setCreationDate(fixed);
            info.setModificationDate(fixed);
            doc.setDocumentInformation(info);
            byte[] id = Arrays.copyOf(sha256(meta.idSeed()), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            doc.setVersion(1.7f);
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            PDMetadata xmp = new PDMetadata(doc);
            xmp.importXMPMetadata(xmp(meta, producer, HexFormat.of().formatHex(id)));
            catalog.setMetadata(xmp);
            try (InputStream icc = new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData())) {
                PDOutputIntent intent = new PDOutputIntent(doc, icc);
                intent.setInfo(SRGB);
                intent.setOutputCondition(SRGB);
                intent.setOutputConditionIdentifier(SRGB);
                intent.setRegistryName("http://www.color.org");
                catalog.addOutputIntent(intent);
            }
            attach(doc, meta.attachments(), fixed);
            fonts(doc);
            doc.save(out.toFile());
        }
    }

    /**
     * Font dictionaries made archival and stable: OpenPDF's CIDSet lists only the subset's glyphs where PDF/A
     * wants every glyph of the program (it is optional, so it goes), and its subset tags ("GWMSAQ+") are
     * random, so each becomes six letters derived from the font's name.
     */
    private static void fonts(PDDocument doc) {
        for (COSObject o : doc.getDocument().getObjectsByType(COSName.FONT_DESC)) {
            if (o.getObject() instanceof COSDictionary d) {
                d.removeItem(COSName.CID_SET);
                retag(d, COSName.FONT_NAME);
            }
        }
        for (COSObject o : doc.getDocument().getObjectsByType(COSName.FONT)) {
            if (o.getObject() instanceof COSDictionary d) {
                retag(d, COSName.BASE_FONT);
            }
        }
    }

    private static void retag(COSDictionary d, COSName key) {
        String name = d.getNameAsString(key);
        if (name != null && name.matches("[A-Z]{6}\\+.+")) {
            String font = name.substring(7);
            StringBuilder tag = new StringBuilder(6);
            for (byte b : Arrays.copyOf(sha256(font), 6)) {
                tag.append((char) ('A' + Math.floorMod(b, 26)));
            }
            d.setName(key, tag + "+" + font);
        }
    }

    /** The attachments as embedded files, each also listed in the catalog's /AF (PDF/A-3 associated files). */
    private static void attach(PDDocument doc, List<Attachment> attachments, Calendar fixed) throws IOException {
        Map<String, PDComplexFileSpecification> byName = new TreeMap<>();
        COSArray af = new COSArray();
        for (Attachment a : attachments) {
            PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(a.bytes()), COSName.FLATE_DECODE);
            file.setSubtype("application/json");
            file.setSize(a.bytes().length);
            file.setCreationDate(fixed);
            file.setModDate(fixed);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(a.name());
            spec.setFileUnicode(a.name());
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            spec.setFileDescription(a.description());
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Data");
            byName.put(a.name(), spec);
            af.add(spec);
        }
        if (byName.isEmpty()) {
            return;
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(byName);
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(names);
        doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), af);
    }

    /** The XMP packet: PDF/A-3b identification and the document information, all from the run, never the clock. */
    private static byte[] xmp(Meta meta, String producer, String id) {
        String when = meta.fixedTime().toString();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("pdfaid:part", "3");
        props.put("pdfaid:conformance", "B");
        props.put("dc:format", "application/pdf");
        props.put("dc:title", alt(meta.title()));
        props.put("dc:creator", "<rdf:Seq><rdf:li>Sealwatch</rdf:li></rdf:Seq>");
        props.put("dc:description", alt(meta.subject()));
        props.put("xmp:CreateDate", when);
        props.put("xmp:ModifyDate", when);
        props.put("xmp:MetadataDate", when);
        props.put("xmp:CreatorTool", xml("Sealwatch " + meta.engineVersion()));
        props.put("pdf:Producer", xml(producer));
        props.put("xmpMM:DocumentID", "uuid:" + uuid(id));
        props.put("xmpMM:InstanceID", "uuid:" + uuid(id));
        StringBuilder b = new StringBuilder("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
                .append("  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"")
                .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"")
                .append(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n");
        props.forEach((k, v) -> b.append("   <").append(k).append('>').append(v).append("</").append(k).append(">\n"));
        b.append("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String alt(String text) {
        return "<rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(text) + "</rdf:li></rdf:Alt>";
    }

    /** Escaped for XML; control characters (which XML 1.0 cannot carry) dropped. */
    private static String xml(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "")
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String uuid(String hex) {
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    private static byte[] sha256(String seed) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
