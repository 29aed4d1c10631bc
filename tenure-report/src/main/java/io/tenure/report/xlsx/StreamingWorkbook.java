package io.tenure.report.xlsx;

import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * POI's streaming workbook with compressed temporary sheet files and no shared-strings table
 * (it would grow in memory with every distinct text). The temporary files are gzipped at the
 * fastest level: they are read once, and the default level roughly halves the writer's throughput.
 */
final class StreamingWorkbook extends SXSSFWorkbook {
    StreamingWorkbook(int rowWindow) {
        super(new XSSFWorkbook(), rowWindow, true, false);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new GZIPSheetDataWriter() {
            @Override
            protected OutputStream decorateOutputStream(FileOutputStream fos) throws IOException {
                return new GZIPOutputStream(fos, 1 << 16) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                };
            }
        };
    }
}
