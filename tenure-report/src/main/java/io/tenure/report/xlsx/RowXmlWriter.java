package io.tenure.report.xlsx;

import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SheetDataWriter;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A sheet's data writer that also takes whole data rows as values, writing their SpreadsheetML
 * directly after the rows POI has flushed. POI's per-cell objects cost several times the XML itself
 * on a list of a million rows; the markup is the same as POI's (inline strings, styled cells,
 * {@code r} references), text escaped by POI's own {@link #outputEscapedString}.
 *
 * <p>The sheet's XML is kept in memory up to {@link #IN_MEMORY} bytes (32 MB, less in a heap under 512 MB)
 * and only a larger sheet goes to a temporary file: a county list is usually a few megabytes, and writing,
 * reading back and deleting a file per sheet cost more than the XML itself.
 */
final class RowXmlWriter extends SheetDataWriter {
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    static final int IN_MEMORY = (int) Math.min(32 << 20, Runtime.getRuntime().maxMemory() / 16);
    private final Spill spill;

    private RowXmlWriter(Spill spill) throws IOException {
        super(new BufferedWriter(new OutputStreamWriter(spill, StandardCharsets.UTF_8), 1 << 16));
        this.spill = spill;
    }

    static RowXmlWriter create() throws IOException {
        return new RowXmlWriter(new Spill());
    }

    @Override
    public InputStream getWorksheetXMLInputStream() throws IOException {
        return spill.read(); // POI closes the writer first, which flushes it
    }

    /** Bytes in memory until they pass {@link #IN_MEMORY}, then in a temporary file deleted after reading. */
    private static final class Spill extends OutputStream {
        private ByteArrayOutputStream memory = new ByteArrayOutputStream(1 << 16);
        private OutputStream file;
        private File path;

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (file == null && memory.size() + len > IN_MEMORY) {
                path = TempFile.createTempFile("poi-sxssf-sheet", ".xml");
                file = new FileOutputStream(path);
                memory.writeTo(file);
                memory = null;
            }
            if (file != null) {
                file.write(b, off, len);
            } else {
                memory.write(b, off, len);
            }
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                file.close();
            }
        }

        InputStream read() throws IOException {
            if (file == null) {
                return new ByteArrayInputStream(memory.toByteArray());
            }
            file.flush();
            return new FileInputStream(path) {
                @Override
                public void close() throws IOException {
                    super.close();
                    Files.deleteIfExists(path.toPath());
                }
            };
        }
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
