package io.tenure.server.lists;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.server.ServerSettings;
import io.tenure.server.security.Region;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A filtered list as XLSX. Rows stream from the database cursor into a streaming workbook that keeps a small
 * window in memory and spools the rest to a temporary file, so a province-wide list never sits in memory. Phones
 * and names are masked as on the pages; at most {@link ServerSettings#exportMaxRows()} rows.
 */
@Component
class ListExport {
    /** Rows of the sheet kept in memory before they are flushed to the temporary file. */
    private static final int WINDOW = 200;

    private final ListRepository lists;
    private final ServerSettings settings;
    private final MessageSource messages;

    ListExport(ListRepository lists, ServerSettings settings, MessageSource messages) {
        this.lists = lists;
        this.settings = settings;
        this.messages = messages;
    }

    /** Writes the list of the region and filter; returns the number of rows written. */
    <T> long write(Listing<T> list, Region region, ListFilter filter, Locale locale, OutputStream out) {
        Listing.Labels labels = (prefix, code) -> code == null ? null : messages.getMessage(prefix + code, null, code, locale);
        return write(msg(list.title(), locale), list.headers(), locale, out, sheet ->
                lists.stream(list, region, filter, settings.exportMaxRows(), r -> sheet.row(list.cells().of(r, labels))));
    }

    /** Fills the sheet from a stream of rows; returns how many. */
    private interface Filler {
        long fill(Sheet sheet);
    }

    /** The sheet being written, one row after another. */
    private static final class Sheet {
        private final SXSSFSheet sheet;
        private final CellStyle money;
        private int next = 1;

        Sheet(SXSSFSheet sheet, CellStyle money) {
            this.sheet = sheet;
            this.money = money;
        }

        void row(Object... values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v instanceof BigDecimal b) {
                    var cell = row.createCell(i);
                    cell.setCellValue(b.doubleValue()); // a spreadsheet number; the exact yuan stay in the database
                    cell.setCellStyle(money);
                } else if (v instanceof Double d) {
                    row.createCell(i).setCellValue(d);
                } else if (v != null) {
                    row.createCell(i).setCellValue(v.toString());
                }
            }
        }
    }

    private long write(String sheetName, List<String> headers, Locale locale, OutputStream out, Filler filler) {
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        wb.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = wb.createSheet(sheetName);
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            Row top = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                var cell = top.createCell(i);
                cell.setCellValue(msg("lists.col." + headers.get(i), locale));
                cell.setCellStyle(head);
            }
            sheet.createFreezePane(0, 1);
            long n = filler.fill(new Sheet(sheet, money));
            wb.write(out);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("the export could not be written to the client", e);
        } catch (DataAccessException e) {
            throw new TenureException(ErrorCode.DATABASE_FAILURE, "the export stopped reading the list; try again, "
                    + "or narrow the filter: " + e.getMostSpecificCause().getMessage(), e);
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException ignored) {
                // the temporary file is already removed; nothing else to release
            }
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
