package io.tenure.report.xlsx;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

import java.util.EnumMap;
import java.util.Map;

/** The cell styles of a list workbook, created once: styles are a workbook-wide, limited resource. */
final class ListStyles {
    private static final byte[] NAVY = {(byte) 0x1F, (byte) 0x3A, (byte) 0x5F};
    private static final byte[] GRID = {(byte) 0xD0, (byte) 0xD7, (byte) 0xE1};
    private static final byte[] WARN = {(byte) 0xA6, (byte) 0x1B, (byte) 0x1B};
    private static final byte[] WARN_FILL = {(byte) 0xFD, (byte) 0xEC, (byte) 0xEC};
    private static final byte[] MUTED = {(byte) 0x6B, (byte) 0x72, (byte) 0x80};

    private final CellStyle title;
    private final CellStyle notice;
    private final CellStyle header;
    private final CellStyle empty;
    private final Map<CellKind, CellStyle> data = new EnumMap<>(CellKind.class);

    ListStyles(SXSSFWorkbook wb) {
        XSSFFont titleFont = font(wb);
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        titleFont.setColor(new XSSFColor(NAVY));
        title = wb.createCellStyle();
        title.setFont(titleFont);
        title.setVerticalAlignment(VerticalAlignment.CENTER);

        XSSFFont noticeFont = font(wb);
        noticeFont.setBold(true);
        noticeFont.setColor(new XSSFColor(WARN));
        XSSFCellStyle n = (XSSFCellStyle) wb.createCellStyle();
        n.setFont(noticeFont);
        n.setWrapText(true);
        n.setVerticalAlignment(VerticalAlignment.CENTER);
        n.setFillForegroundColor(new XSSFColor(WARN_FILL));
        n.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        notice = n;

        XSSFFont headerFont = font(wb);
        headerFont.setBold(true);
        headerFont.setColor(new XSSFColor(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}));
        XSSFCellStyle h = (XSSFCellStyle) wb.createCellStyle();
        h.setFont(headerFont);
        h.setFillForegroundColor(new XSSFColor(NAVY));
        h.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        h.setAlignment(HorizontalAlignment.CENTER);
        h.setVerticalAlignment(VerticalAlignment.CENTER);
        h.setWrapText(true);
        borders(h);
        header = h;

        XSSFFont emptyFont = font(wb);
        emptyFont.setItalic(true);
        emptyFont.setColor(new XSSFColor(MUTED));
        empty = wb.createCellStyle();
        empty.setFont(emptyFont);

        short text = wb.createDataFormat().getFormat("@");
        for (CellKind kind : CellKind.values()) {
            XSSFCellStyle s = (XSSFCellStyle) wb.createCellStyle();
            s.setDataFormat(kind == CellKind.TEXT ? text : wb.createDataFormat().getFormat(format(kind)));
            s.setAlignment(kind == CellKind.TEXT ? HorizontalAlignment.LEFT
                    : kind == CellKind.DATE ? HorizontalAlignment.CENTER : HorizontalAlignment.RIGHT);
            borders(s);
            data.put(kind, s);
        }
    }

    /** Excel number format of a kind. */
    static String format(CellKind kind) {
        return switch (kind) {
            case TEXT -> "@";
            case MONEY -> "0.00";
            case INTEGER -> "0";
            case DECIMAL -> "0.0";
            case PERCENT -> "0.0%";
            case DATE -> "yyyy-mm-dd";
        };
    }

    CellStyle title() {
        return title;
    }

    CellStyle notice() {
        return notice;
    }

    CellStyle header() {
        return header;
    }

    CellStyle empty() {
        return empty;
    }

    CellStyle data(CellKind kind) {
        return data.get(kind);
    }

    private static XSSFFont font(SXSSFWorkbook wb) {
        Font f = wb.createFont();
        return (XSSFFont) f;
    }

    private static void borders(XSSFCellStyle s) {
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        XSSFColor grid = new XSSFColor(GRID);
        s.setTopBorderColor(grid);
        s.setBottomBorderColor(grid);
        s.setLeftBorderColor(grid);
        s.setRightBorderColor(grid);
    }
}
