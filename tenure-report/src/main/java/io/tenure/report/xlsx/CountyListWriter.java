package io.tenure.report.xlsx;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.report.AtomicFile;
import io.tenure.report.Lang;
import io.tenure.report.Messages;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;

/**
 * Writes a county list workbook (清单) row by row without holding it in memory: POI's streaming
 * workbook keeps a small window of rows and spills the rest to compressed temporary files.
 *
 * <p>Each sheet starts with a title row (sheet title, city, county, billing month, as-of date), a
 * personal-information notice and a bold, filled header row with a frozen pane and an autofilter
 * below it. Data rows follow with the number format of each {@link CellKind}; a sheet without rows
 * shows "无记录" / "No records" under its headers. Nothing depends on the clock: the workbook's
 * created and modified dates are the as-of date.
 *
 * <p>Use in try-with-resources: {@link #close()} writes the file (to a temporary sibling, then
 * moved into place) and deletes the temporary files. Call {@link #abort()} first to discard a
 * half-written workbook instead. Not thread-safe.
 */
public final class CountyListWriter implements AutoCloseable {
    // Rows kept in memory per sheet; everything older is flushed to the temporary file.
    private static final int ROW_WINDOW = 100;
    private static final int TITLE_ROW = 0;
    private static final int NOTICE_ROW = 1;
    private static final int HEADER_ROW = 2;
    private static final int FIRST_DATA_ROW = 3;
    private static final int LAST_ROW_INDEX = SpreadsheetVersion.EXCEL2007.getLastRowIndex();

    private final Path file;
    private final Messages messages;
    private final String city;
    private final String county;
    private final LocalDate asOf;
    private final YearMonth month;
    private final SXSSFWorkbook workbook;
    private final ListStyles styles;

    private SheetSpec spec;
    private SXSSFSheet sheet;
    private RowXmlWriter rows;
    private String[] letters;
    private short[] cellStyles;
    private CellKind[] kinds;
    private int nextRow;
    private long sheetRows;
    private long totalRows;
    private int sheets;
    private boolean aborted;
    private boolean closed;

    /**
     * Opens a workbook that will be written to {@code file} on {@link #close()}.
     *
     * @param file   target {@code .xlsx}; its directory is created when missing
     * @param lang   language of the title, notice and "no records" texts
     * @param city   city (地市), not empty
     * @param county county (区县); may be empty for a city-wide list
     * @param asOf   as-of date of the run; also the workbook's created date
     * @param month  billing month evaluated
     */
    public CountyListWriter(Path file, Lang lang, String city, String county, LocalDate asOf, YearMonth month) {
        TenureException.require(file != null, "list file must not be null");
        TenureException.require(lang != null, "lang must not be null");
        TenureException.require(city != null && !city.isBlank(), "city must not be empty");
        TenureException.require(county != null, "county must not be null (use \"\" for a city-wide list)");
        TenureException.require(asOf != null, "as-of date must not be null");
        TenureException.require(month != null, "month must not be null");
        this.file = file.toAbsolutePath();
        this.messages = Messages.of(lang);
        this.city = city.strip();
        this.county = county.strip();
        this.asOf = asOf;
        this.month = month;
        this.workbook = new StreamingWorkbook(ROW_WINDOW);
        this.styles = new ListStyles(workbook);
    }

    /** Begins a new sheet, ending the previous one. Sheet names must be unique within the workbook. */
    public void startSheet(SheetSpec spec) {
        ensureOpen();
        TenureException.require(spec != null, "sheet spec must not be null");
        TenureException.require(workbook.getSheet(spec.name()) == null,
                "sheet '" + spec.name() + "' already exists in " + file.getFileName());
        finishSheet();
        this.spec = spec;
        this.sheet = workbook.createSheet(spec.name());
        this.rows = ((StreamingWorkbook) workbook).lastWriter();
        this.sheetRows = 0;
        this.sheets++;
        int lastCol = spec.columns().size() - 1;
        for (int i = 0; i <= lastCol; i++) {
            sheet.setColumnWidth(i, spec.columns().get(i).widthChars() * 256);
        }

        Row title = sheet.createRow(TITLE_ROW);
        title.setHeightInPoints(24);
        String place = county.isEmpty() ? city : messages.get("xlsx.place", city, county);
        text(title, 0, messages.get("xlsx.title", spec.title(), place, month.toString(), asOf.toString()), styles.title());
        mergeAcross(TITLE_ROW, lastCol);

        Row notice = sheet.createRow(NOTICE_ROW);
        notice.setHeightInPoints(30);
        text(notice, 0, messages.get("xlsx.notice"), styles.notice());
        for (int i = 1; i <= lastCol; i++) {
            notice.createCell(i).setCellStyle(styles.notice());
        }
        mergeAcross(NOTICE_ROW, lastCol);

        Row header = sheet.createRow(HEADER_ROW);
        header.setHeightInPoints(30);
        for (int i = 0; i <= lastCol; i++) {
            text(header, i, spec.columns().get(i).header(), styles.header());
        }
        sheet.createFreezePane(0, FIRST_DATA_ROW);
        sheet.setRepeatingRows(new CellRangeAddress(TITLE_ROW, HEADER_ROW, -1, -1));
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setFitToPage(true);
        nextRow = FIRST_DATA_ROW;
        int n = spec.columns().size();
        letters = new String[n];
        cellStyles = new short[n];
        kinds = new CellKind[n];
        for (int i = 0; i < n; i++) {
            letters[i] = CellReference.convertNumToColString(i);
            kinds[i] = spec.columns().get(i).kind();
            cellStyles[i] = styles.data(kinds[i]).getIndex();
        }
        // title, notice and headers go to the sheet file first; data rows follow as XML
        flush();
    }

    /**
     * Appends a data row to the current sheet. There must be one value per column, of the column's
     * {@link CellKind}; {@code null} leaves the cell empty. The row is checked before anything is
     * written, so a rejected row leaves the sheet unchanged.
     */
    public void addRow(Object... values) {
        ensureOpen();
        if (sheet == null) {
            throw new TenureException(ErrorCode.INTERNAL, "addRow before startSheet in " + file.getFileName());
        }
        Object[] row = values == null ? new Object[] {null} : values;
        TenureException.require(row.length == spec.columns().size(), "sheet '" + spec.name() + "' has "
                + spec.columns().size() + " columns, got " + row.length + " values");
        if (nextRow > LAST_ROW_INDEX) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "sheet '" + spec.name()
                    + "' is full: Excel allows at most " + (LAST_ROW_INDEX + 1) + " rows per sheet");
        }
        Object[] cells = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            cells[i] = CellValues.convert(spec.columns().get(i), row[i], this::where);
        }
        try {
            rows.row(nextRow, letters, cellStyles, kinds, cells);
        } catch (IOException e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot write " + where() + " of " + file.getFileName()
                    + " to the temporary sheet file: " + e.getMessage() + "; check the free space of the temporary folder", e);
        }
        nextRow++;
        sheetRows++;
        totalRows++;
    }

    /** Data rows written so far over all sheets (title, notice and header rows not counted). */
    public long rowsWritten() {
        return totalRows;
    }

    /** Discards the workbook: {@link #close()} will then only delete the temporary files. */
    public void abort() {
        aborted = true;
    }

    /**
     * Writes the workbook to the file and deletes the temporary files. The file appears only once
     * complete (written beside it, then moved over it). Does nothing the second time, and writes
     * nothing after {@link #abort()}.
     *
     * @throws TenureException {@link ErrorCode#IO_FAILURE} when the file cannot be written
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!aborted) {
                if (sheets == 0) {
                    throw new TenureException(ErrorCode.INTERNAL,
                            "no sheet was started; " + file.getFileName() + " not written");
                }
                finishSheet();
                setProperties();
                writeFile();
            }
        } finally {
            dispose();
        }
    }

    private void finishSheet() {
        if (sheet == null) {
            return;
        }
        int lastCol = spec.columns().size() - 1;
        if (sheetRows == 0) {
            Row empty = sheet.createRow(nextRow++);
            text(empty, 0, messages.get("xlsx.empty"), styles.empty());
            mergeAcross(empty.getRowNum(), lastCol);
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, HEADER_ROW, 0, lastCol));
        } else {
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, nextRow - 1, 0, lastCol));
        }
        sheet = null;
    }

    private void setProperties() {
        POIXMLProperties.CoreProperties core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        Date day = Date.from(asOf.atStartOfDay(ZoneOffset.UTC).toInstant());
        core.setTitle(messages.get("xlsx.doc.title",
                county.isEmpty() ? city : messages.get("xlsx.place", city, county), month.toString()));
        core.setSubjectProperty(messages.get("xlsx.doc.subject"));
        core.setKeywords(messages.get("xlsx.doc.keywords"));
        core.setCreator("Tenure");
        core.setLastModifiedByUser("Tenure");
        core.setCreated(Optional.of(day));
        core.setModified(Optional.of(day));
    }

    private void writeFile() {
        AtomicFile.write(file, "county list", workbook::write);
    }

    private void dispose() {
        try {
            workbook.close();
        } catch (IOException ignored) {
            // nothing was opened from a file; close only releases memory
        } finally {
            workbook.dispose();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new TenureException(ErrorCode.INTERNAL, "list writer for " + file.getFileName() + " is closed");
        }
    }

    private String where() {
        return "sheet '" + spec.name() + "' row " + (nextRow + 1);
    }

    private void flush() {
        try {
            sheet.flushRows();
        } catch (IOException e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot write sheet '" + spec.name() + "' of "
                    + file.getFileName() + " to its temporary file: " + e.getMessage()
                    + "; check the free space of the temporary folder", e);
        }
    }

    private void mergeAcross(int row, int lastCol) {
        if (lastCol > 0) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, 0, lastCol));
        }
    }

    private static void text(Row row, int col, String value, org.apache.poi.ss.usermodel.CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }
}
