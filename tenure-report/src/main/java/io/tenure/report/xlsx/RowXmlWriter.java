package io.tenure.report.xlsx;

import org.apache.poi.xssf.streaming.SheetDataWriter;

import java.io.IOException;
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

    private final StringBuilder line = new StringBuilder(1024);

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
        // one write per row: the writer's encoder costs more per call than per character
        StringBuilder out = line;
        out.setLength(0);
        String r = Integer.toString(rowIndex + 1);
        out.append("<row r=\"").append(r).append("\">");
        for (int i = 0; i < values.length; i++) {
            out.append("<c r=\"").append(columns[i]).append(r).append("\" s=\"").append(styles[i]);
            Object v = values[i];
            if (v == null) {
                out.append("\"/>");
            } else if (kinds[i] == CellKind.TEXT) {
                String s = (String) v;
                boolean preserve = !s.isEmpty() && (Character.isWhitespace(s.charAt(0))
                        || Character.isWhitespace(s.charAt(s.length() - 1)));
                out.append(preserve ? "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" : "\" t=\"inlineStr\"><is><t>");
                escape(out, s);
                out.append("</t></is></c>");
            } else {
                out.append("\" t=\"n\"><v>");
                if (v instanceof LocalDate d) {
                    out.append((double) ChronoUnit.DAYS.between(EXCEL_EPOCH, d));
                } else {
                    out.append((double) (Double) v);
                }
                out.append("</v></c>");
            }
        }
        out.append("</row>\n");
        _out.append(out);
    }

    /** XML text: markup characters as entities, characters XML 1.0 cannot carry as '?', as POI does. */
    static void escape(StringBuilder out, String s) {
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
            out.append(s, last, i).append(rep);
            last = i + 1;
        }
        out.append(s, last, n);
    }
}
