package io.sealwatch.reports.pdf;

import io.sealwatch.model.Episode;
import io.sealwatch.model.Finding;
import io.sealwatch.reports.Fixtures;
import io.sealwatch.result.RunResult;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfRendererTest {

    @TempDir
    Path dir;

    @Test
    void reportNamesEveryEpisodeRuleAndAccountAndHasCharts() throws Exception {
        RunResult r = Fixtures.many();
        new PdfRenderer().render(r, dir);
        try (PDDocument doc = Loader.loadPDF(dir.resolve(PdfRenderer.FILE).toFile())) {
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

    @Test
    void logStringsArePrintedAsPlainText() throws Exception {
        RunResult r = Fixtures.hostile();
        new PdfRenderer().render(r, dir);
        try (PDDocument doc = Loader.loadPDF(dir.resolve(PdfRenderer.FILE).toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("<script>alert(1)</script> & <b>bold</b>"), "markup printed verbatim, not interpreted");
            assertTrue(text.contains("=HYPERLINK(\"http://x\")"));
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
