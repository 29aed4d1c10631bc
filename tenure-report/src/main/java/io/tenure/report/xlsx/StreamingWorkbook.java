package io.tenure.report.xlsx;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.OutputStream;
import java.util.zip.Deflater;

/**
 * POI's streaming workbook with no shared-strings table (it would grow in memory with every distinct
 * text), plain temporary sheet files, and the workbook zipped at the fastest level. Compression was
 * most of the writer's time: temporary files are written and read once, and a county list is small.
 */
final class StreamingWorkbook extends SXSSFWorkbook {
    StreamingWorkbook(int rowWindow) {
        super(new XSSFWorkbook(), rowWindow, false, false);
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        return zip;
    }
}
