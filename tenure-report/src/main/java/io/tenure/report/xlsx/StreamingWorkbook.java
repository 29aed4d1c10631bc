package io.tenure.report.xlsx;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;

/**
 * POI's streaming workbook with no shared-strings table (it would grow in memory with every distinct
 * text), sheet data kept in memory unless large, and the workbook zipped at the fastest level. Compression was
 * most of the writer's time, and a county list is small.
 * Each sheet's data writer is a {@link RowXmlWriter}, so data rows can bypass POI's cell objects.
 */
final class StreamingWorkbook extends SXSSFWorkbook {
    private RowXmlWriter lastWriter;

    StreamingWorkbook(int rowWindow) {
        super(new XSSFWorkbook(), rowWindow, false, false);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        lastWriter = RowXmlWriter.create();
        return lastWriter;
    }

    /** The data writer of the sheet created last. */
    RowXmlWriter lastWriter() {
        return lastWriter;
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        return zip;
    }
}
