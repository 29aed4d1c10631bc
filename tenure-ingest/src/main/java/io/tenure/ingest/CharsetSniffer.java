package io.tenure.ingest;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Decides how a CSV file is encoded without reading all of it: a UTF-8 byte order mark wins;
 * otherwise the first 4 MiB (and, while that is plain ASCII, a few windows spread over the rest of a
 * larger file) are checked as strict UTF-8. Mostly valid UTF-8 (a stray bad byte among many good
 * multi-byte characters) stays UTF-8, so only the bad rows are rejected rather than the whole file
 * misread; otherwise the file is GB18030 if the sample decodes as such, and else it is read as UTF-8
 * with a warning, its undecodable rows rejected. UTF-16 text, spreadsheets and other binary files
 * saved under a .csv name are refused outright.
 */
final class CharsetSniffer {
    static final Charset GB18030 = Charset.forName("GB18030");

    /** Detected encoding; the label is what the feed report shows. */
    enum Detected {
        UTF8("UTF-8"), UTF8_BOM("UTF-8 BOM"), GB18030("GB18030");

        final String label;

        Detected(String label) {
            this.label = label;
        }
    }

    private static final int HEAD = 4 << 20;
    private static final int WINDOW = 256 << 10;
    private static final int WINDOWS = 8;

    private CharsetSniffer() {
    }

    /** The decision and, when the file is neither clean UTF-8 nor GB18030, a warning for the report. */
    record Result(Detected detected, String warning) {
    }

    static Result detect(Path file, String name, Encoding forced) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer head = read(ch, 0, (int) Math.min(size, HEAD));
            refuseBinary(head, name);
            boolean bom = head.remaining() >= 3 && (head.get(0) & 0xFF) == 0xEF && (head.get(1) & 0xFF) == 0xBB
                    && (head.get(2) & 0xFF) == 0xBF;
            if (forced == Encoding.UTF8 || (forced == Encoding.AUTO && bom)) {
                return new Result(bom ? Detected.UTF8_BOM : Detected.UTF8, null);
            }
            if (forced == Encoding.GBK) {
                return new Result(Detected.GB18030, null);
            }
            Utf8Stats stats = new Utf8Stats();
            stats.scan(head, true, size <= HEAD);
            if (stats.invalid == 0 && stats.multiByte == 0 && size > HEAD) {
                // ASCII so far: look further, Chinese text may start late in the file
                long step = (size - HEAD) / WINDOWS;
                for (int i = 0; i < WINDOWS && stats.invalid == 0 && stats.multiByte == 0; i++) {
                    long at = HEAD + step * i;
                    stats.scan(read(ch, at, (int) Math.min(WINDOW, size - at)), false, false);
                }
            }
            if (stats.invalid == 0 || stats.multiByte >= 10L * stats.invalid) {
                return new Result(Detected.UTF8, null);
            }
            long bad = firstMalformed(head, size <= HEAD);
            if (bad < 0) {
                return new Result(Detected.GB18030, null);
            }
            return new Result(Detected.UTF8, name + " is neither clean UTF-8 nor GBK/GB18030 (e.g. byte " + bad
                    + " is invalid in both); it is read as UTF-8 and rows with invalid bytes are rejected. If most of"
                    + " its text is Chinese in GBK, force --encoding GBK");
        } catch (IOException e) {
            throw new TenureException(ErrorCode.FEED_UNREADABLE, "cannot read " + name + ": " + e, e);
        }
    }

    /** Spreadsheets saved with a .csv name and UTF-16 text cannot be read as CSV at all. */
    private static void refuseBinary(ByteBuffer head, String name) {
        int n = head.remaining();
        int b0 = n > 0 ? head.get(0) & 0xFF : -1;
        int b1 = n > 1 ? head.get(1) & 0xFF : -1;
        if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
            throw new TenureException(ErrorCode.FEED_ENCODING, name + " is UTF-16 text; save it as UTF-8 (or GBK) CSV");
        }
        if (b0 == 'P' && b1 == 'K') {
            throw new TenureException(ErrorCode.FEED_ENCODING, name + " is a zip archive (an Excel workbook?), not CSV;"
                    + " save it as CSV (comma-separated)");
        }
        for (int i = 0; i < Math.min(n, 64 << 10); i++) {
            if (head.get(i) == 0) {
                throw new TenureException(ErrorCode.FEED_ENCODING, name + " contains NUL bytes (binary or UTF-16 data at"
                        + " byte " + i + "), not CSV text; export it as UTF-8 or GBK CSV");
            }
        }
    }

    private static ByteBuffer read(FileChannel ch, long at, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, at + buf.position()) < 0) {
                break;
            }
        }
        buf.flip();
        return buf;
    }

    /** Offset of the first byte GB18030 cannot decode, or -1; a character cut by the sample end is fine. */
    private static long firstMalformed(ByteBuffer sample, boolean wholeFile) {
        CharsetDecoder decoder = GB18030.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = sample.duplicate();
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, out, wholeFile);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    /** Counts valid multi-byte UTF-8 characters and invalid sequences. */
    static final class Utf8Stats {
        long multiByte;
        long invalid;

        /**
         * @param atStart  whether the window starts at a character boundary (else leading continuation bytes are skipped)
         * @param atEnd    whether the window ends the file (else a character cut at the end is not an error)
         */
        void scan(ByteBuffer buf, boolean atStart, boolean atEnd) {
            int i = buf.position();
            int end = buf.limit();
            if (!atStart) {
                while (i < end && (buf.get(i) & 0xC0) == 0x80) {
                    i++;
                }
            }
            while (i < end) {
                int b = buf.get(i) & 0xFF;
                if (b < 0x80) {
                    i++;
                    continue;
                }
                int len;
                int min;
                if (b >= 0xC2 && b <= 0xDF) {
                    len = 2;
                    min = 0x80;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    len = 3;
                    min = 0x800;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    len = 4;
                    min = 0x10000;
                } else {
                    invalid++;
                    i++;
                    continue;
                }
                if (i + len > end) {
                    if (atEnd) {
                        invalid++;
                    }
                    return;
                }
                int cp = b & (0xFF >> (len + 1));
                boolean ok = true;
                for (int k = 1; k < len; k++) {
                    int c = buf.get(i + k) & 0xFF;
                    if ((c & 0xC0) != 0x80) {
                        ok = false;
                        break;
                    }
                    cp = (cp << 6) | (c & 0x3F);
                }
                if (ok && cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
                    multiByte++;
                    i += len;
                } else {
                    invalid++;
                    i++;
                }
            }
        }
    }
}
