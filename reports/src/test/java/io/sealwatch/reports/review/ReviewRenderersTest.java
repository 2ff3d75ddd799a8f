package io.sealwatch.reports.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealwatch.reports.Fixtures;
import io.sealwatch.reports.json.Json;
import io.sealwatch.reports.xlsx.XlsxBook;
import io.sealwatch.result.AccountReview;
import io.sealwatch.result.ReviewResult;
import io.sealwatch.result.RunResult;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The annual review read back: PDFBox text and POI sheets. Determinism is in RendererContractTest. */
class ReviewRenderersTest {

    @TempDir
    Path dir;

    private String pdfText(RunResult r) throws Exception {
        try (PDDocument doc = Loader.loadPDF(Fixtures.render(new ReviewPdfRenderer(), r, dir).toFile())) {
            assertEquals(Fixtures.TO.toEpochMilli(), doc.getDocumentInformation().getCreationDate().getTimeInMillis(),
                    "the PDF's date is the period end");
            // lines wrap inside cells, also at hyphens: compare without white space
            return squeeze(new PDFTextStripper().getText(doc));
        }
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void pdfShowsEveryAccountItsRecommendationAndItsReasons() throws Exception {
        for (RunResult r : List.of(Fixtures.many(), Fixtures.empty())) {
            String text = pdfText(r);
            ReviewResult review = r.review();
            assertTrue(text.contains("Annualreviewofneed"));
            assertTrue(text.contains("ExampleCorp"));
            assertEquals(Fixtures.ACCOUNTS, review.accounts().stream().map(AccountReview::account).toList());
            for (AccountReview a : review.accounts()) {
                assertTrue(text.contains(a.account()), "account " + a.account());
                assertTrue(text.contains(squeeze("Recommendation: " + a.recommendation().headline())),
                        a.account() + ": " + a.recommendation().headline());
                for (String reason : a.recommendation().reasons()) {
                    assertTrue(text.contains(squeeze(reason)), a.account() + " reason: " + reason);
                }
                for (String custodian : a.spec().custodians()) {
                    assertTrue(text.contains(custodian), "custodian " + custodian);
                }
            }
        }
    }

    /** The review carries the year's findings and episodes and its own per-account data as associated files. */
    @Test
    void pdfCarriesTheReviewAsJson() throws Exception {
        RunResult r = Fixtures.many();
        try (PDDocument doc = Loader.loadPDF(Fixtures.render(new ReviewPdfRenderer(), r, dir).toFile())) {
            var files = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            assertEquals(List.of("annual-review.json", "episodes.json", "findings.json"), List.copyOf(files.keySet()));
            JsonNode review = Json.MAPPER.readTree(files.get("annual-review.json").getEmbeddedFile().toByteArray());
            ReviewResult expected = r.review();
            assertEquals(expected.year(), review.get("year").asInt());
            for (int i = 0; i < expected.accounts().size(); i++) {
                AccountReview a = expected.accounts().get(i);
                JsonNode o = review.get("accounts").get(i);
                assertEquals(a.account(), o.get("account").asText());
                assertEquals(a.uses().size(), o.get("episodes").size());
                assertEquals(a.findings().size(), o.get("findings").size());
                assertEquals(a.recommendation().advice().wire(), o.get("recommendation").get("advice").asText());
            }
        }
    }

    @Test
    void everyTextFieldOfTheTemplateIsPlainText() throws Exception {
        String jrxml;
        try (InputStream in = ReviewPdfRenderer.class.getResourceAsStream("annual-review.jrxml")) {
            jrxml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("<element kind=\"textField\"[^>]*>").matcher(jrxml);
        int fields = 0;
        while (m.find()) {
            fields++;
            assertTrue(m.group().contains("markup=\"none\""), "log data must not become markup: " + m.group());
        }
        assertTrue(fields > 20, "saw " + fields + " text fields");
    }

    private XSSFWorkbook xlsx(RunResult r) throws Exception {
        try (InputStream in = Files.newInputStream(Fixtures.render(new ReviewXlsxRenderer(), r, dir))) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void xlsxHasASheetPerTopicWithTypedCells() throws Exception {
        RunResult r = Fixtures.many();
        ReviewResult review = r.review();
        try (XSSFWorkbook wb = xlsx(r)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertEquals(ReviewXlsxRenderer.SHEETS, names);
            Sheet accounts = wb.getSheet("Accounts");
            assertEquals(review.accounts().size(), accounts.getLastRowNum());
            for (int i = 0; i < review.accounts().size(); i++) {
                AccountReview a = review.accounts().get(i);
                Row row = accounts.getRow(i + 1);
                assertEquals(a.account(), row.getCell(0).getStringCellValue());
                assertEquals(a.recommendation().advice().label(), row.getCell(2).getStringCellValue());
                assertEquals(String.join("\n", a.recommendation().reasons()), row.getCell(4).getStringCellValue());
                assertEquals(a.uses().size(), (long) (row.getCell(5).getNumericCellValue()
                        + row.getCell(6).getNumericCellValue() + row.getCell(7).getNumericCellValue()));
            }
            Sheet uses = wb.getSheet("Uses");
            assertEquals(r.facts().episodes().size(), uses.getLastRowNum(), "every use of the year");
            Cell start = uses.getRow(1).getCell(3);
            assertEquals(CellType.NUMERIC, start.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(start), "a real date cell");
            assertEquals(1, uses.getPaneInformation().getHorizontalSplitTopRow(), "frozen header");
            assertTrue(wb.getSheet("Findings").getCTWorksheet().isSetAutoFilter(), "autofilter");
            assertEquals(r.evaluation().findings().stream().filter(f -> f.account() != null).count(),
                    wb.getSheet("Findings").getLastRowNum(), "every finding about an account");
            assertEquals(1, wb.getSheet("Drills").getLastRowNum());
            assertEquals("aws-root-breakglass", wb.getSheet("Drills").getRow(1).getCell(0).getStringCellValue());
            assertEquals(Fixtures.TO.toEpochMilli(), wb.getProperties().getCoreProperties().getCreated().getTime());
        }
    }

    @Test
    void xlsxKeepsFormulaPayloadsInert() throws Exception {
        try (XSSFWorkbook wb = xlsx(Fixtures.hostile())) {
            int prefixed = 0;
            for (Sheet s : wb) {
                for (Row row : s) {
                    for (Cell c : row) {
                        assertNotEquals(CellType.FORMULA, c.getCellType(), s.getSheetName() + "!" + c.getAddress());
                        if (c.getCellType() == CellType.STRING && XlsxBook.formulaLike(c.getStringCellValue())) {
                            assertTrue(c.getCellStyle().getQuotePrefixed(), "quote-prefixed: " + c.getStringCellValue());
                            prefixed++;
                        }
                    }
                }
            }
            assertTrue(prefixed > 0, "the hostile fixture puts payloads into the review (actors, incidents)");
            assertFalse(wb.getSheet("Uses").getRow(1).getCell(9).getStringCellValue().isEmpty());
        }
    }
}
