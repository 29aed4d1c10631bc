package io.tenure.ingest;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.PrimitiveIterator;

/**
 * Maps DuckDB's view of a CSV file back to physical line numbers. DuckDB numbers "lines" as records
 * (a quoted field spanning lines counts once) plus blank lines, skips blank lines without a row
 * (unless the file has a single column) and skips malformed records it stores as rejects. A row's
 * position in the loaded table therefore drifts from its line wherever one of these occurs.
 *
 * <p>The scanner walks the bytes once (RFC 4180 quoting, LF or CRLF) and reports: for the k-th loaded
 * row (0-based), breakpoints {@code (k, offset)} such that its line is {@code k + offset} of the last
 * breakpoint at or before k; and for each rejected record ("unit", the DuckDB line minus one) its line.
 * Only irregularities emit breakpoints, so the output is tiny for ordinary files.
 */
final class LineScanner {
    private static final int CHUNK = 1 << 20;

    /** Receives the mapping. */
    interface Sink {
        void breakpoint(long k, long offset);

        void rejectedUnit(long unit, long line);
    }

    private final int columns;
    private final PrimitiveIterator.OfLong rejectedUnits;
    private final long lastK;
    private final Sink sink;

    private long nextRejected;
    private long unit;
    private long k;
    private long lastOffset = Long.MIN_VALUE;
    private long stopUnit;

    /**
     * @param columns       columns of the file; with one column a blank line is a row
     * @param rejectedUnits DuckDB reject lines minus one, ascending
     * @param lastK         highest loaded row index anyone asks about
     * @param lastUnit      highest rejected unit
     */
    private LineScanner(int columns, PrimitiveIterator.OfLong rejectedUnits, long lastK, long lastUnit, Sink sink) {
        this.columns = columns;
        this.rejectedUnits = rejectedUnits;
        this.lastK = lastK;
        this.stopUnit = lastUnit;
        this.sink = sink;
        this.nextRejected = rejectedUnits.hasNext() ? rejectedUnits.nextLong() : Long.MAX_VALUE;
    }

    static void scan(Path file, String name, int columns, PrimitiveIterator.OfLong rejectedUnits, long lastK,
                     long lastUnit, Sink sink) {
        LineScanner s = new LineScanner(columns, rejectedUnits, lastK, lastUnit, sink);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            s.run(ch);
        } catch (IOException e) {
            throw new TenureException(ErrorCode.FEED_UNREADABLE, "cannot read " + name + " again to number its lines: "
                    + e, e);
        }
    }

    private void run(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        byte[] a = buf.array();
        long line = 1;          // physical line at the current position
        long unitLine = 1;      // line where the current record started
        boolean quoted = false;
        boolean quoteSeen = false; // a quote inside a quoted field: closing, or the first of an escaped pair
        boolean content = false;
        while (true) {
            buf.clear();
            int n = ch.read(buf);
            if (n < 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                byte b = a[i];
                if (quoted) {
                    if (quoteSeen) {
                        quoteSeen = false;
                        if (b == '"') {
                            continue; // escaped quote, still inside the field
                        }
                        quoted = false; // the previous quote closed the field; handle b below
                    } else {
                        if (b == '"') {
                            quoteSeen = true;
                        } else if (b == '\n') {
                            line++;
                        }
                        continue;
                    }
                }
                if (b == '\n') {
                    if (!unitEnd(unitLine, content)) {
                        return;
                    }
                    line++;
                    unitLine = line;
                    content = false;
                } else if (b == '"') {
                    quoted = true;
                    content = true;
                } else if (b != '\r') {
                    content = true;
                }
            }
        }
        if (content || quoted) {
            unitEnd(unitLine, true);
        }
    }

    /** Accounts one record; false once nothing further is needed. */
    private boolean unitEnd(long startLine, boolean content) {
        long u = unit++;
        if (u == 0) {
            return true; // header
        }
        if (!content && columns > 1) {
            return true; // DuckDB skips blank lines
        }
        while (nextRejected < u) {
            nextRejected = rejectedUnits.hasNext() ? rejectedUnits.nextLong() : Long.MAX_VALUE;
        }
        if (nextRejected == u) {
            sink.rejectedUnit(u, startLine);
        } else {
            long offset = startLine - k;
            if (offset != lastOffset) {
                sink.breakpoint(k, offset);
                lastOffset = offset;
            }
            k++;
        }
        return k <= lastK || u < stopUnit;
    }
}
