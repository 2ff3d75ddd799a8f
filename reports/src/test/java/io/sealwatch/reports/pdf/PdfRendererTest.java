package io.sealwatch.reports.pdf;

import io.sealwatch.model.Episode;
import io.sealwatch.model.Finding;
import io.sealwatch.reports.Fixtures;
import io.sealwatch.result.RunResult;
import org.apache.pdfbox.Loader;
import io.sealwatch.reports.json.EpisodesJsonRenderer;
import io.sealwatch.reports.json.FindingsJsonRenderer;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Calendar;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfRendererTest {

    @TempDir
    Path dir;

    @Test
    void reportNamesEveryEpisodeRuleAndAccountAndHasCharts() throws Exception {
        RunResult r = Fixtures.many();
        try (PDDocument doc = Loader.loadPDF(Fixtures.render(new PdfRenderer(), r, dir).toFile())) {
            String text = new PDFTextStripper().getText(doc);
            for (Episode e : r.facts().episodes()) {
                assertTrue(text.contains(e.id()), "episode " + e.id());
            }
            for (Finding f : r.evaluation().findings()) {
                assertTrue(text.contains(f.rule()), "rule " + f.rule());
            }
            Fixtures.ACCOUNTS.forEach(a -> assertTrue(text.contains(a), "account " + a));
            assertTrue(text.contains("Example Corp"));
            assertTrue(text.contains(r.info().configSha256()), "config hash on the cover");
            assertTrue(images(doc) >= 3, "three charts as images");
            Calendar created = doc.getDocumentInformation().getCreationDate();
            assertEquals(Fixtures.TO.toEpochMilli(), created.getTimeInMillis(), "metadata date is the period end");
        }
    }

    /** PDF/A-3b from the run itself: XMP and dates from the period end, sRGB intent, the JSON attached, tags. */
    @Test
    void archivalPartsComeFromTheRun() throws Exception {
        RunResult r = Fixtures.many();
        try (PDDocument doc = Loader.loadPDF(Fixtures.render(new PdfRenderer(), r, dir).toFile())) {
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            String xmp = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<pdfaid:part>3</pdfaid:part>") && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"), xmp);
            assertTrue(xmp.contains("<xmp:CreateDate>2026-10-01T00:00:00Z</xmp:CreateDate>"), "the period end, not now: " + xmp);
            assertEquals(List.of("sRGB IEC61966-2.1"), catalog.getOutputIntents().stream()
                    .map(PDOutputIntent::getOutputConditionIdentifier).toList());
            COSArray af = catalog.getCOSObject().getCOSArray(COSName.getPDFName("AF"));
            assertEquals(2, af.size(), "two associated files");
            Map<String, PDComplexFileSpecification> files = catalog.getNames().getEmbeddedFiles().getNames();
            assertEquals(List.of("episodes.json", "findings.json"), List.copyOf(files.keySet()));
            for (PDComplexFileSpecification spec : files.values()) {
                assertEquals("Data", spec.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship")));
                assertEquals("application/json", spec.getEmbeddedFileUnicode().getSubtype());
            }
            assertArrayEquals(FindingsJsonRenderer.bytes(r), files.get("findings.json").getEmbeddedFile().toByteArray());
            assertArrayEquals(EpisodesJsonRenderer.bytes(r), files.get("episodes.json").getEmbeddedFile().toByteArray());
            assertTrue(catalog.getMarkInfo().isMarked(), "tagged");
            assertEquals("en", catalog.getLanguage());
            List<PDStructureElement> tags = new ArrayList<>();
            collect(catalog.getStructureTreeRoot().getKids(), tags);
            Set<String> types = tags.stream().map(PDStructureElement::getStructureType).collect(Collectors.toSet());
            assertTrue(types.containsAll(Set.of("H1", "H2", "Table", "TR", "TH", "TD")), types.toString());
            List<String> alt = tags.stream().map(PDStructureElement::getAlternateDescription).filter(a -> a != null).toList();
            assertTrue(alt.size() >= 3 && alt.stream().allMatch(a -> a.startsWith("Bar chart: ")), "every chart has alt text: " + alt);
            long tables = tags.stream().filter(t -> t.getStructureType().equals("Table")).count();
            long headerRows = tags.stream().filter(t -> t.getStructureType().equals("TR") && t.getKids().stream()
                    .anyMatch(k -> k instanceof PDStructureElement e && e.getStructureType().equals("TH"))).count();
            assertTrue(tables >= 5 && headerRows >= tables, tables + " tables, " + headerRows + " header rows");
        }
    }

    private static void collect(List<Object> kids, List<PDStructureElement> into) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement e) {
                into.add(e);
                collect(e.getKids(), into);
            }
        }
    }

    @Test
    void logStringsArePrintedAsPlainText() throws Exception {
        RunResult r = Fixtures.hostile();
        try (PDDocument doc = Loader.loadPDF(Fixtures.render(new PdfRenderer(), r, dir).toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("<script>alert(1)</script> & <b>bold</b>"), "markup printed verbatim, not interpreted");
            assertTrue(text.contains("=HYPERLINK(\"http://x\")"));
        }
    }

    @Test
    void everyPageHasContentAndInputsAreSummarisedWithoutHashes() throws Exception {
        RunResult r = Fixtures.many();
        try (PDDocument doc = Loader.loadPDF(Fixtures.render(new PdfRenderer(), r, dir).toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String body = stripper.getText(doc).lines().filter(l -> !l.startsWith("Example Corp ·")
                        && !l.matches("Page \\d+ of.*") && !l.matches("\\s*\\d+\\s*")).collect(Collectors.joining("\n"));
                assertFalse(body.isBlank(), "page " + p + " is blank");
            }
            String text = new PDFTextStripper().getText(doc);
            r.inputs().forEach(i -> assertFalse(text.contains(i.sha256()), "no per-file hash in the PDF"));
            assertTrue(text.contains("evidence.xlsx (sheet Inputs)"), "says where the per-file list is");
            assertTrue(text.contains("logs/ev/process.csv"), "a file with quarantined records is listed");
            assertTrue(text.contains("all sources 2 14,393 140"), "per-source totals");
        }
    }

    @Test
    void worstCasesAreShownExplicitlyAndTimesHaveOneForm() throws Exception {
        RunResult r = Fixtures.many();
        try (PDDocument doc = Loader.loadPDF(Fixtures.render(new PdfRenderer(), r, dir).toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("NEVER NOTIFIED"), "a group never notified is in the timeline");
            assertTrue(text.contains("NEVER ROTATED"), "a credential never rotated is in the timeline");
            assertFalse(text.contains("next by"), "drill due dates use the one timestamp form");
            assertTrue(text.contains("Approved by") && text.contains("Custodians (shares released)"),
                    "approvers and custodians in separate columns");
            Matcher m = Pattern.compile("\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d(:\\d\\d)?(\\.\\d+)?\\S*").matcher(text);
            int n = 0;
            while (m.find()) {
                String t = m.group();
                // episode ids (account/ISO start) and rule messages keep ISO-8601; everything the report prints itself
                // is "yyyy-MM-dd HH:mm:ssZ" in the display zone
                if (text.charAt(m.start() - 1) != '/' && !t.contains("T")) {
                    assertTrue(t.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ.*"), "timestamp form: " + t);
                    n++;
                }
            }
            assertTrue(n > 20, "timestamps found: " + n);
        }
    }

    static int images(PDDocument doc) throws Exception {
        int n = 0;
        for (PDPage page : doc.getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                    n++;
                }
            }
        }
        return n;
    }
}
