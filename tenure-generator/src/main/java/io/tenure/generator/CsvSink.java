package io.tenure.generator;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file written field by field into a reusable byte buffer (RFC 4180: comma separator, CRLF
 * line ends, quoted fields pre-quoted by {@link Encoder}). Numbers, money and dates are formatted by
 * hand: no String, no BigDecimal, no allocation per row.
 */
final class CsvSink implements Closeable {
    private static final int CAPACITY = 1 << 18;
    /** Largest single field or fragment ever appended; the buffer is flushed before it could overflow. */
    private static final int MAX_FIELD = 1024;

    private final Path path;
    private final OutputStream out;
    private final DateText dates;
    private final byte[] buf = new byte[CAPACITY];
    private int pos;
    private boolean lineStart = true;
    private long rows;

    CsvSink(Path path, List<String> header, Encoder encoder, DateText dates) {
        this.path = path;
        this.dates = dates;
        try {
            Files.createDirectories(path.getParent());
            this.out = Files.newOutputStream(path);
        } catch (IOException e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot create " + path + ": " + e.getMessage(), e);
        }
        for (String column : header) {
            bytes(encoder.field(column));
        }
        endHeader();
    }

    Path path() {
        return path;
    }

    /** Data rows written so far (the header excluded). */
    long rows() {
        return rows;
    }

    private void field() {
        if (pos > CAPACITY - MAX_FIELD) {
            flush();
        }
        if (!lineStart) {
            buf[pos++] = ',';
        }
        lineStart = false;
    }

    CsvSink bytes(byte[] b) {
        field();
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    /** Writes the bytes, or an empty field when null. */
    CsvSink bytesOrEmpty(byte[] b) {
        return b == null ? empty() : bytes(b);
    }

    CsvSink empty() {
        field();
        return this;
    }

    /** Starts a field made of fragments appended with the {@code and…} methods. */
    CsvSink begin() {
        field();
        return this;
    }

    CsvSink and(byte[] b) {
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    /** Appends ASCII characters (ids, digits). */
    CsvSink andAscii(CharSequence cs) {
        for (int i = 0; i < cs.length(); i++) {
            buf[pos++] = (byte) cs.charAt(i);
        }
        return this;
    }

    CsvSink andChar(char c) {
        buf[pos++] = (byte) c;
        return this;
    }

    CsvSink andNum(long v) {
        writeLong(v);
        return this;
    }

    /** Appends v left-padded with zeros to the given width. */
    CsvSink andPadded(long v, int width) {
        int len = digits(v);
        for (int i = len; i < width; i++) {
            buf[pos++] = '0';
        }
        writeLong(v);
        return this;
    }

    CsvSink num(long v) {
        field();
        writeLong(v);
        return this;
    }

    /** An id such as S000000042: a one-letter prefix and a zero-padded number. */
    CsvSink id(char prefix, long v, int width) {
        field();
        buf[pos++] = (byte) prefix;
        return andPadded(v, width);
    }

    /** Yuan with exactly two decimals, from cents. */
    CsvSink money(long cents) {
        field();
        if (cents < 0) {
            buf[pos++] = '-';
            cents = -cents;
        }
        writeLong(cents / 100);
        int c = (int) (cents % 100);
        buf[pos++] = '.';
        buf[pos++] = (byte) ('0' + c / 10);
        buf[pos++] = (byte) ('0' + c % 10);
        return this;
    }

    /** Money, or an empty field (null = 0 in the contract) when zero. */
    CsvSink moneyOrEmpty(long cents) {
        return cents == 0 ? empty() : money(cents);
    }

    /** MB with up to three decimals, from millionths of a MB that are whole thousandths. */
    CsvSink megabytes(long microMb) {
        field();
        long thousandths = microMb / 1000;
        writeLong(thousandths / 1000);
        int frac = (int) (thousandths % 1000);
        if (frac != 0) {
            buf[pos++] = '.';
            buf[pos++] = (byte) ('0' + frac / 100);
            if (frac % 100 != 0) {
                buf[pos++] = (byte) ('0' + frac / 10 % 10);
                if (frac % 10 != 0) {
                    buf[pos++] = (byte) ('0' + frac % 10);
                }
            }
        }
        return this;
    }

    CsvSink date(long epochDay) {
        field();
        dates.write(epochDay, buf, pos);
        pos += 10;
        return this;
    }

    /** A date, or an empty field when the day is {@link Long#MIN_VALUE}. */
    CsvSink dateOrEmpty(long epochDay) {
        return epochDay == Long.MIN_VALUE ? empty() : date(epochDay);
    }

    /** ISO-8601 local timestamp without offset, e.g. 2026-10-03T14:22:05. */
    CsvSink timestamp(long epochSecond) {
        field();
        long day = Math.floorDiv(epochSecond, 86_400L);
        int sec = (int) Math.floorMod(epochSecond, 86_400L);
        dates.write(day, buf, pos);
        pos += 10;
        buf[pos++] = 'T';
        two(sec / 3600);
        buf[pos++] = ':';
        two(sec / 60 % 60);
        buf[pos++] = ':';
        two(sec % 60);
        return this;
    }

    CsvSink timestampOrEmpty(long epochSecond) {
        return epochSecond == Long.MIN_VALUE ? empty() : timestamp(epochSecond);
    }

    CsvSink flag(boolean b) {
        field();
        buf[pos++] = (byte) (b ? 'Y' : 'N');
        return this;
    }

    void end() {
        endHeader();
        rows++;
    }

    private void endHeader() {
        buf[pos++] = '\r';
        buf[pos++] = '\n';
        lineStart = true;
    }

    private void two(int v) {
        buf[pos++] = (byte) ('0' + v / 10);
        buf[pos++] = (byte) ('0' + v % 10);
    }

    private static int digits(long v) {
        if (v < 10_000L) {
            return v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : 4;
        }
        if (v < 100_000_000L) {
            return v < 100_000L ? 5 : v < 1_000_000L ? 6 : v < 10_000_000L ? 7 : 8;
        }
        int n = 9;
        for (long p = 1_000_000_000L; n < 19 && v >= p; p *= 10) {
            n++;
        }
        return n;
    }

    private void writeLong(long v) {
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        if (v < 10) {
            buf[pos++] = (byte) ('0' + v);
            return;
        }
        int end = pos + digits(v);
        int i = end;
        while (v >= 100) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            buf[--i] = (byte) ('0' + r % 10);
            buf[--i] = (byte) ('0' + r / 10);
            v = q;
        }
        if (v >= 10) {
            buf[--i] = (byte) ('0' + v % 10);
            buf[--i] = (byte) ('0' + v / 10);
        } else {
            buf[--i] = (byte) ('0' + v);
        }
        pos = end;
    }

    private void flush() {
        try {
            out.write(buf, 0, pos);
            pos = 0;
        } catch (IOException e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (out) {
            flush();
        } catch (IOException e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot close " + path + ": " + e.getMessage(), e);
        }
    }
}
