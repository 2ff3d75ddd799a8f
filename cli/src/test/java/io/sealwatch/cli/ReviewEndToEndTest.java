package io.sealwatch.cli;

import io.sealwatch.cli.base.ExitCode;
import io.sealwatch.cli.job.ReviewJob;
import io.sealwatch.cli.job.RunOptions;
import io.sealwatch.model.Period;
import io.sealwatch.model.Severity;
import io.sealwatch.reports.signing.KeyTool;
import io.sealwatch.samples.ExampleCorp;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sealwatch review} on Example Corp's 2026, unsigned through the command line and signed through the job. */
class ReviewEndToEndTest {
    @TempDir
    static Path tmp;
    static Path config;
    static char[] password = "review-test-only".toCharArray();
    static Path unsigned;
    static int unsignedExit;

    @BeforeAll
    static void review() throws Exception {
        config = ExampleCorp.extract(tmp.resolve("example-corp"));
        // a throw-away key for the signed run
        KeyTool.init(config.getParent().resolve("keys"), password);
        unsigned = tmp.resolve("review-unsigned");
        unsignedExit = Main.execute("review", "-c", config.toString(), "--year", "2026", "--out", unsigned.toString(),
                "--no-sign");
    }

    @Test
    void reviewWritesTheAnnualReviewWithItsRecommendation() throws Exception {
        assertEquals(ExitCode.FINDINGS.code(), unsignedExit, "Example Corp's year has open critical findings");
        assertTrue(Files.isRegularFile(unsigned.resolve("manifest.json")));
        assertFalse(Files.exists(unsigned.resolve("manifest.json.p7s")), "--no-sign writes no signature");
        try (PDDocument doc = Loader.loadPDF(unsigned.resolve("annual-review.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains("aws-root-breakglass"));
            // three emergency uses in July, August and September: routine use
            assertTrue(text.contains("Recommendation:retain—routineuse:fixtheprimaryaccesspath"), text);
            assertTrue(text.contains("Usedin3differentmonths(2026-07,2026-08,2026-09)"), text);
            assertTrue(text.contains("AdministratorAccessonthemanagementaccount"), "privileges from the config");
            assertTrue(text.contains("2026-03-02byciso@example.com"), "the last review, from the evidence");
            assertTrue(text.contains("2026-06-20(alice@example.com),2026-09-18(alice@example.com)"), "drills held");
        }
        try (InputStream in = Files.newInputStream(unsigned.resolve("annual-review.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet accounts = wb.getSheet("Accounts");
            Row row = accounts.getRow(1);
            assertEquals("aws-root-breakglass", row.getCell(0).getStringCellValue());
            assertEquals("retain", row.getCell(2).getStringCellValue());
            assertEquals("yes", row.getCell(3).getStringCellValue(), "routine use");
            assertEquals(3, rowsOf(wb.getSheet("Uses"), "aws-root-breakglass"), "the three uses of 2026");
            assertEquals(2, rowsOf(wb.getSheet("Drills"), "aws-root-breakglass"), "the two drills of 2026");
        }
    }

    private static long rowsOf(Sheet sheet, String account) {
        long n = 0;
        for (Row row : sheet) {
            n += row.getRowNum() > 0 && account.equals(row.getCell(0).getStringCellValue()) ? 1 : 0;
        }
        return n;
    }

    @Test
    void aSignedReviewVerifies() throws Exception {
        Path signed = tmp.resolve("review-signed");
        Period year = new Period(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
        int exit = ReviewJob.run(new RunOptions(config, year, signed, null, Severity.CRITICAL, true, password,
                List.of()), System.err);
        assertEquals(ExitCode.FINDINGS.code(), exit);
        assertTrue(Files.isRegularFile(signed.resolve("manifest.json.p7s")));
        assertEquals(ExitCode.OK.code(), Main.execute("verify", signed.toString()));
        PdfA.assertConforms(signed.resolve("annual-review.pdf"));   // signed, still PDF/A-3b
        byte[] pdf = Files.readAllBytes(signed.resolve("annual-review.pdf"));
        pdf[pdf.length / 3] ^= 1;
        Files.write(signed.resolve("annual-review.pdf"), pdf);
        assertEquals(ExitCode.VERIFY_FAILED.code(), Main.execute("verify", signed.toString()));
    }
}
