package io.tenure.ingest;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams a GB18030 file into a UTF-8 copy, since DuckDB's CSV reader has no GBK codec. Bytes keep
 * their lines (GB18030 never uses the newline byte inside a character), so line numbers are unchanged.
 * A byte sequence GB18030 cannot decode becomes the byte {@code 0xFF}, invalid in UTF-8, so DuckDB
 * rejects exactly that row as badly encoded instead of the copy silently altering it.
 */
final class Transcoder {
    private static final int CHUNK = 1 << 20;
    private static final byte INVALID = (byte) 0xFF;

    private Transcoder() {
    }

    static void gb18030ToUtf8(Path source, Path target, String name) {
        CharsetDecoder decoder = CharsetSniffer.GB18030.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            Files.createDirectories(target.getParent());
            try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                         StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytesIn = ByteBuffer.allocate(CHUNK);
                CharBuffer chars = CharBuffer.allocate(CHUNK);
                ByteBuffer bytesOut = ByteBuffer.allocate(CHUNK * 3 + 16);
                boolean eof = false;
                while (true) {
                    eof = eof || in.read(bytesIn) < 0;
                    bytesIn.flip();
                    while (true) {
                        CoderResult r = decoder.decode(bytesIn, chars, eof);
                        drain(chars, encoder, bytesOut, out);
                        if (r.isError()) {
                            for (int i = 0; i < r.length(); i++) {
                                byte b = bytesIn.get();
                                // keep line breaks so the bad row stays on its line
                                bytesOut.put(b == '\n' || b == '\r' ? b : INVALID);
                            }
                        } else if (!r.isOverflow()) {
                            break;
                        }
                    }
                    if (eof) {
                        break;
                    }
                    bytesIn.compact();
                }
                decoder.flush(chars);
                drain(chars, encoder, bytesOut, out);
                write(bytesOut, out);
            }
        } catch (IOException e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot transcode " + name + " from GB18030 to UTF-8 into "
                    + target + ": " + e + "; check free space and permissions of the ingest work directory", e);
        }
    }

    /** Encodes the decoded characters and writes them out, keeping a half surrogate pair for the next round. */
    private static void drain(CharBuffer chars, CharsetEncoder encoder, ByteBuffer bytesOut, FileChannel out)
            throws IOException {
        chars.flip();
        encoder.encode(chars, bytesOut, false);
        chars.compact();
        write(bytesOut, out);
    }

    private static void write(ByteBuffer bytes, FileChannel out) throws IOException {
        bytes.flip();
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
        bytes.clear();
    }
}
