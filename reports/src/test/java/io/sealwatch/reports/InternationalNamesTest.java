package io.sealwatch.reports;

import io.sealwatch.reports.pdf.Glyphs;
import io.sealwatch.reports.pdf.PdfRenderer;
import io.sealwatch.reports.review.ReviewPdfRenderer;
import io.sealwatch.reports.xlsx.XlsxRenderer;
import io.sealwatch.result.RunResult;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.sealwatch.reports.Fixtures.INTERNATIONAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names from anywhere: an organisation, custodians, approver and log strings in Cyrillic, Greek, Polish and
 * accented Latin print as themselves in the report, the annual review and the workbook; Hebrew prints in
 * its own letters, right to left (so extraction gives it in visual order); Chinese, which the embedded
 * font has no glyphs for, prints as code points with a note.
 */
class InternationalNamesTest {
    @TempDir
    static Path dir;
    static RunResult run;
    static String report;
    static String review;

    /** Every name of the fixture the fonts can draw: all but the CJK log string. */
    static final List<String> DRAWN = Stream.concat(Stream.of(INTERNATIONAL.approver()),
            Stream.concat(INTERNATIONAL.custodians().stream(), Stream.of(INTERNATIONAL.log()).filter(s -> !s.equals("王芳"))))
            .toList();

    @BeforeAll
    static void render() throws Exception {
        run = Fixtures.international();
        new PdfRenderer().render(run, dir);
        new ReviewPdfRenderer().render(run, dir);
        new XlsxRenderer().render(run, dir);
        report = text(dir.resolve(PdfRenderer.FILE));
        review = text(dir.resolve(ReviewPdfRenderer.FILE));
    }

    @Test
    void everyLatinGreekAndCyrillicNamePrintsInThePdfs() {
        // the organisation wraps on the cover; the footer has it on one line
        assertTrue(report.contains(INTERNATIONAL.organization()), "organisation in the report");
        for (String name : DRAWN) {
            assertTrue(report.contains(Glyphs.shown(name)), name + " in the report");
        }
        assertTrue(report.contains("ןהכ הרש"), "Hebrew drawn right to left: its letters in visual order");
        for (String name : INTERNATIONAL.custodians()) {
            assertTrue(review.contains(name), name + " in the annual review");
        }
        assertTrue(review.contains(INTERNATIONAL.approver()), "approver in the annual review");
    }

    @Test
    void whatTheFontCannotDrawPrintsAsCodePointsWithANote() {
        assertTrue(report.contains("[U+738B][U+82B3]"), "王芳 as code points");
        assertFalse(report.contains("王芳"));
        assertTrue(report.replace("\n", " ").contains(Glyphs.NOTE), "the cover explains it");
        assertFalse(text(Fixtures.many()).contains("[U+"), "no note where nothing was replaced");
    }

    @Test
    void everyNameIsInTheWorkbookExactly() throws Exception {
        List<String> cells = new ArrayList<>();
        try (InputStream in = Files.newInputStream(dir.resolve(XlsxRenderer.FILE)); XSSFWorkbook book = new XSSFWorkbook(in)) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            cells.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        String all = String.join("\n", cells);
        assertTrue(all.contains(INTERNATIONAL.organization()));
        for (String name : Stream.concat(DRAWN.stream(), Stream.of("王芳")).toList()) {
            assertTrue(all.contains(name), name + " in the workbook");
        }
    }

    @Test
    void textIsDrawnInVisualOrderWithCodePointsForMissingGlyphs() {
        assertEquals("Łucja Дмитрий Ελένη", Glyphs.shown("Łucja Дмитрий Ελένη"));
        assertEquals("a[U+738B]\nb", Glyphs.shown("a王\nb"));
        assertEquals("\nŁucja 2026 ןהכ הרש\n", Glyphs.shown("\nŁucja שרה כהן 2026\n"),
                "right-to-left runs reversed and placed right to left, numbers kept, per line");
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String text(RunResult r) {
        try {
            Path other = Files.createDirectories(dir.resolve("plain"));
            new PdfRenderer().render(r, other);
            return text(other.resolve(PdfRenderer.FILE));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
