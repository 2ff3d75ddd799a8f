package io.sealwatch.reports.xlsx;

import io.sealwatch.reports.Fixtures;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XlsxRendererTest {

    @TempDir
    Path dir;

    private XSSFWorkbook render(io.sealwatch.result.RunResult r) throws Exception {
        try (InputStream in = Files.newInputStream(Fixtures.render(new XlsxRenderer(), r, dir))) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void sheetsHeadersAndTypedCells() throws Exception {
        try (XSSFWorkbook wb = render(Fixtures.many())) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertEquals(XlsxRenderer.SHEETS, names);
            Sheet episodes = wb.getSheet("Episodes");
            assertEquals("Episode", episodes.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Start (UTC)", episodes.getRow(0).getCell(3).getStringCellValue());
            assertEquals(1, episodes.getPaneInformation().getHorizontalSplitTopRow(), "frozen header");
            assertTrue(wb.getSheet("Findings").getCTWorksheet().isSetAutoFilter(), "autofilter");
            Cell start = episodes.getRow(1).getCell(3);
            assertEquals(CellType.NUMERIC, start.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(start), "a real date cell");
            assertEquals(LocalDateTime.ofInstant(Fixtures.many().facts().episodes().get(0).start(), ZoneOffset.UTC),
                    start.getLocalDateTimeCellValue());
            assertEquals(CellType.NUMERIC, episodes.getRow(1).getCell(5).getCellType(), "duration is numeric");
            assertEquals(12, episodes.getLastRowNum());
            assertNotEquals(episodes.getColumnWidth(0), episodes.getColumnWidth(2), "widths set explicitly");
            assertEquals(Fixtures.TO.toEpochMilli(), wb.getProperties().getCoreProperties().getCreated().getTime());
        }
    }

    @Test
    void formulaPayloadsStayInertText() throws Exception {
        try (XSSFWorkbook wb = render(Fixtures.hostile())) {
            List<String> seen = new ArrayList<>();
            for (Sheet s : wb) {
                for (Row row : s) {
                    for (Cell c : row) {
                        assertNotEquals(CellType.FORMULA, c.getCellType(), s.getSheetName() + "!" + c.getAddress());
                        if (c.getCellType() == CellType.STRING) {
                            String v = c.getStringCellValue();
                            seen.add(v);
                            if (XlsxRenderer.formulaLike(v)) {
                                assertTrue(c.getCellStyle().getQuotePrefixed(), "quote-prefixed: " + v);
                            }
                        }
                    }
                }
            }
            for (String payload : Fixtures.PAYLOADS) {
                assertTrue(seen.contains(payload), "text preserved: " + payload);
            }
        }
    }
}
