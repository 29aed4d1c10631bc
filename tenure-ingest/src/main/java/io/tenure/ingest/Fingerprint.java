package io.tenure.ingest;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Identifies the input of a feed cheaply. SHA-256 over, for each file in name order: its name
 * relative to the data folder (UTF-8) and a zero byte, its size as 8 bytes big-endian, its first
 * 64 KiB and its last 64 KiB (the bytes after the first 64 KiB when the file is shorter than 128 KiB).
 * Hashing whole multi-gigabyte files would cost seconds; head, tail and exact size catch re-exports,
 * truncation and appended data, though not an in-place edit in the middle of a large file.
 * A feed without files hashes nothing (the SHA-256 of empty input).
 */
final class Fingerprint {
    static final int EDGE = 64 << 10;

    private Fingerprint() {
    }

    static String of(List<SourceFile> files) {
        MessageDigest sha = sha256();
        ByteBuffer buf = ByteBuffer.allocate(EDGE);
        for (SourceFile f : files) {
            sha.update(f.name().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(f.size()).array());
            try (FileChannel ch = FileChannel.open(f.path(), StandardOpenOption.READ)) {
                long size = ch.size();
                long headEnd = Math.min(size, EDGE);
                digest(ch, 0, headEnd, buf, sha);
                digest(ch, Math.max(headEnd, size - EDGE), size, buf, sha);
            } catch (IOException e) {
                throw new TenureException(ErrorCode.FEED_UNREADABLE, "cannot read " + f.name() + ": " + e, e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void digest(FileChannel ch, long from, long to, ByteBuffer buf, MessageDigest sha)
            throws IOException {
        long at = from;
        while (at < to) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), to - at));
            int n = ch.read(buf, at);
            if (n < 0) {
                break;
            }
            buf.flip();
            sha.update(buf);
            at += n;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new TenureException(ErrorCode.INTERNAL, "SHA-256 is not available in this Java runtime", e);
        }
    }
}
