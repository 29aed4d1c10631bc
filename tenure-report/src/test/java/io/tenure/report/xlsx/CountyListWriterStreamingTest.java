package io.tenure.report.xlsx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200,000 rows of 14 columns written in a JVM capped at 64 MB of heap: a workbook held in memory
 * would need several hundred MB, so finishing proves the rows are streamed out.
 */
class CountyListWriterStreamingTest {
    static final int ROWS = 200_000;
    static final String HEAP = "-Xmx64m";

    @TempDir
    Path dir;

    @Test
    void writes_200k_rows_with_a_small_heap() throws Exception {
        Path file = dir.resolve("big.xlsx");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, HEAP, "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + dir,
                "-cp", System.getProperty("java.class.path"), StreamingProbe.class.getName(), file.toString(),
                String.valueOf(ROWS))
                .redirectErrorStream(true).start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("probe finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();

        Matcher m = Pattern.compile("rows=(\\d+) millis=(\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        long millis = Math.max(1, Long.parseLong(m.group(2)));
        System.out.printf("CountyListWriter: %,d rows x 14 columns in %,d ms with %s = %,d rows/s, file %,d bytes%n",
                ROWS, millis, HEAP, ROWS * 1000L / millis, file.toFile().length());

        assertThat(dataRows(file)).isEqualTo(ROWS);
        // the temporary sheet files went with the writer
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().contains("poi-sxssf"))).isEmpty();
        }
    }

    /** Data rows of the first sheet, counted with a streaming parser (title, notice and header rows excluded). */
    static long dataRows(Path file) throws Exception {
        try (ZipFile zip = new ZipFile(file.toFile());
             InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
            XMLStreamReader r = XMLInputFactory.newFactory().createXMLStreamReader(in);
            long rows = 0;
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("row")) {
                    rows++;
                }
            }
            return rows - List.of("title", "notice", "header").size();
        }
    }
}
