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
 * {@code r} references), text escaped the way POI escapes it.
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
                boolean preserve = !s.isEmpty() && (Character.isWhitespace(s.charAt(0))
                        || Character.isWhitespace(s.charAt(s.length() - 1)));
                out.write(preserve ? "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" : "\" t=\"inlineStr\"><is><t>");
                escape(out, s);
                out.write("</t></is></c>");
            } else {
                out.write("\" t=\"n\"><v>");
                if (v instanceof LocalDate d) {
                    out.write(Double.toString(ChronoUnit.DAYS.between(EXCEL_EPOCH, d)));
                } else {
                    out.write(Double.toString((Double) v));
                }
                out.write("</v></c>");
            }
        }
        out.write("</row>\n");
    }

    /** XML text: markup characters as entities, characters XML 1.0 cannot carry as '?', as POI does. */
    static void escape(Writer out, String s) throws IOException {
        int last = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String rep;
            if (c == '<') {
                rep = "&lt;";
            } else if (c == '>') {
                rep = "&gt;";
            } else if (c == '&') {
                rep = "&amp;";
            } else if (c == '"') {
                rep = "&quot;";
            } else if (c == '\n') {
                rep = "&#xa;";
            } else if (c == '\r') {
                rep = "&#xd;";
            } else if (c == '\t') {
                rep = "&#x9;";
            } else if (c < ' ' || c == '\uFFFE' || c == '\uFFFF') {
                rep = "?";
            } else {
                continue;
            }
            if (i > last) {
                out.write(s, last, i - last);
            }
            out.write(rep);
            last = i + 1;
        }
        if (last < n) {
            out.write(s, last, n - last);
        }
    }
}
