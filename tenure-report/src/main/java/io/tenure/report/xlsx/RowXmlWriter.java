package io.tenure.report.xlsx;

import org.apache.poi.xssf.streaming.SheetDataWriter;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A sheet's data writer that also takes whole data rows as values, writing their SpreadsheetML
 * directly after the rows POI has flushed. POI's per-cell objects cost several times the XML itself
 * on a list of a million rows; the markup is the same as POI's (inline strings, styled cells,
 * {@code r} references), text escaped by POI's own {@link #outputEscapedString}.
 */
final class RowXmlWriter extends SheetDataWriter {
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    RowXmlWriter() throws IOException {
        super();
    }

    /**
     * Writes one row of converted values ({@link CellValues#convert}): String, Double or LocalDate,
     * null for an empty styled cell.
     *
     * @param rowIndex 0-based row index, above every row written before
     * @param columns  column letters, A, B, ...
     * @param styles   style index of each column's cells
     * @param kinds    kind of each column
     */
    void row(int rowIndex, String[] columns, short[] styles, CellKind[] kinds, Object[] values) throws IOException {
        Writer out = _out;
        String r = Integer.toString(rowIndex + 1);
        out.write("<row r=\"");
        out.write(r);
        out.write("\">");
        for (int i = 0; i < values.length; i++) {
            out.write("<c r=\"");
            out.write(columns[i]);
            out.write(r);
            out.write("\" s=\"");
            out.write(Short.toString(styles[i]));
            Object v = values[i];
            if (v == null) {
                out.write("\"/>");
            } else if (kinds[i] == CellKind.TEXT) {
                String s = (String) v;
                // as POI's own cell writer does: blanks at either end are kept with xml:space
                boolean preserve = !s.isEmpty() && (Character.isWhitespace(s.charAt(0))
                        || Character.isWhitespace(s.charAt(s.length() - 1)));
                out.write(preserve ? "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" : "\" t=\"inlineStr\"><is><t>");
                outputEscapedString(s);
                out.write("</t></is></c>");
            } else {
                out.write("\" t=\"n\"><v>");
                out.write(Double.toString(v instanceof LocalDate d ? ChronoUnit.DAYS.between(EXCEL_EPOCH, d) : (Double) v));
                out.write("</v></c>");
            }
        }
        out.write("</row>\n");
    }
}
