package io.tenure.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

class LineScannerTest {
    @TempDir
    Path dir;

    private final List<long[]> breakpoints = new ArrayList<>();
    private final List<long[]> units = new ArrayList<>();

    private void scan(String text, int columns, long... rejectedUnits) {
        Path file = TestData.writeFile(dir.resolve("f.csv"), text, StandardCharsets.UTF_8);
        LineScanner.scan(file, "f.csv", columns, LongStream.of(rejectedUnits).iterator(), Long.MAX_VALUE, Long.MAX_VALUE,
                new LineScanner.Sink() {
                    @Override
                    public void breakpoint(long k, long offset) {
                        breakpoints.add(new long[] {k, offset});
                    }

                    @Override
                    public void rejectedUnit(long unit, long line) {
                        units.add(new long[] {unit, line});
                    }
                });
    }

    /** Line of loaded row k from the breakpoints. */
    private long line(long k) {
        long offset = 0;
        for (long[] b : breakpoints) {
            if (b[0] <= k) {
                offset = b[1];
            }
        }
        return k + offset;
    }

    @Test
    void ordinaryFileNeedsOneBreakpoint() {
        scan("a,b\n1,2\n3,4\n5,6", 2);

        assertThat(breakpoints).containsExactly(new long[] {0, 2});
        assertThat(line(2)).isEqualTo(4);
    }

    @Test
    void quotedLineBreaksBlankLinesAndSkippedRecordsShiftLaterRows() {
        scan("a,b\r\n\"x\r\ny\",1\r\n\r\n2,2\r\nbad\r\n3,\"q\"\"\n\"\r\n4,4\r\n", 2, 4);

        assertThat(line(0)).isEqualTo(2);
        assertThat(line(1)).isEqualTo(5);
        assertThat(line(2)).isEqualTo(7);
        assertThat(line(3)).isEqualTo(9);
        assertThat(units).containsExactly(new long[] {4, 6});
    }

    @Test
    void blankLineIsARowOfASingleColumnFile() {
        scan("a\n1\n\n2\n", 1);

        assertThat(line(1)).isEqualTo(3);
        assertThat(line(2)).isEqualTo(4);
    }
}
