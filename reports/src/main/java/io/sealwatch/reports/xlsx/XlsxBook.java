package io.sealwatch.reports.xlsx;

import io.sealwatch.result.RunInfo;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;

/**
 * A workbook with the evidence hygiene every Sealwatch spreadsheet shares, streamed with
 * {@link SXSSFWorkbook} so large sheets fit in bounded memory. Every string is a string cell; one that a
 * spreadsheet would read as a formula ({@code = + - @}, TAB, CR first) gets a quote-prefixed style so it
 * stays inert text even when edited. Dates are real date cells in UTC. {@link #write} rewrites the
 * package with fixed zip entry times and order and fixed core-property dates, so the bytes depend only
 * on the content.
 */
public final class XlsxBook implements AutoCloseable {

    /** Excel's cell limit. */
    private static final int MAX_CELL_CHARS = 32_767;
    private static final int WINDOW = 200;

    private final SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
    private final CellStyle header;
    private final CellStyle date;
    private final CellStyle text;
    private final CellStyle quoted;
    private final CellStyle number;

    public XlsxBook() {
        Font bold = wb.createFont();
        bold.setBold(true);
        bold.setColor(IndexedColors.WHITE.getIndex());
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.DARK_BLUE.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        text = wb.createCellStyle();
        text.setDataFormat(wb.createDataFormat().getFormat("@"));
        quoted = wb.createCellStyle();
        quoted.setDataFormat(wb.createDataFormat().getFormat("@"));
        quoted.setQuotePrefixed(true);
        number = wb.createCellStyle();
        number.setDataFormat(wb.createDataFormat().getFormat("0"));
    }

    /** A new sheet with a frozen, styled header row; {@code widths} in characters. */
    public Sheet sheet(String name, String[] headers, int[] widths) {
        return new Sheet(name, headers, widths);
    }

    /**
     * Writes the workbook to {@code target} (through a temporary file beside it) with {@code fixedTime}
     * as every date in the package.
     */
    public void write(Path target, Instant fixedTime, String creator, String title) throws IOException {
        Date fixed = Date.from(fixedTime);
        var core = wb.getXSSFWorkbook().getProperties().getCoreProperties();
        core.setCreated(Optional.of(fixed));
        core.setModified(Optional.of(fixed));
        core.setCreator(creator);
        core.setTitle(title);
        Path raw = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(raw)) {
                wb.write(out);
            }
            ZipNormalizer.normalize(raw, target, LocalDateTime.ofInstant(fixedTime, ZoneOffset.UTC));
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    /** Also removes SXSSF's temporary sheet files. */
    @Override
    public void close() throws IOException {
        wb.close();
    }

    /** True when a spreadsheet would treat the text as a formula or DDE payload if typed in. */
    public static boolean formulaLike(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** One sheet being streamed: header row frozen, typed cells, autofilter over the written range. */
    public final class Sheet {
        private final SXSSFSheet sheet;
        private final int columns;
        private int next;

        private Sheet(String name, String[] headers, int[] widths) {
            this.sheet = wb.createSheet(name);
            this.columns = headers.length;
            Row h = sheet.createRow(next++);
            for (int c = 0; c < headers.length; c++) {
                Cell cell = h.createCell(c);
                cell.setCellValue(headers[c]);
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 1);
        }

        /**
         * The Summary rows that say which run made the workbook and whether it can be trusted, the same in
         * every workbook: engine, config and rule pack, completeness (with each problem), signature.
         */
        public void provenance(RunInfo i) {
            row("Engine version", i.engineVersion());
            row("Config sha256", i.configSha256());
            row("Rule pack sha256", i.rulePackSha256());
            row("Evidence complete", i.complete() ? "yes" : "NO");
            i.problems().forEach(p -> row("Problem", p));
            row("Signed", i.signed() ? "yes" : "no");
        }

        /** One row: {@link Instant} → date cell, {@link Number} → numeric cell, null → no cell, else text. */
        public void row(Object... values) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < values.length; c++) {
                Object v = values[c];
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (v instanceof Instant t) {
                    cell.setCellValue(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
                    cell.setCellStyle(date);
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                    // an explicit style: without one SXSSF looks up the column's default style per cell (slow)
                    cell.setCellStyle(number);
                } else {
                    String s = v.toString();
                    if (s.length() > MAX_CELL_CHARS) {
                        s = s.substring(0, MAX_CELL_CHARS - 1) + "…";
                    }
                    cell.setCellValue(s);
                    cell.setCellStyle(formulaLike(s) ? quoted : text);
                }
            }
        }

        public void finish() {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, columns - 1));
        }
    }
}
