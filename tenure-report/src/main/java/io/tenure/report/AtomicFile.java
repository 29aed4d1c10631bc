package io.tenure.report;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes a file so that it appears only once complete: into a hidden sibling, then moved over the target. */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** The content a caller writes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * @param what names the file in the error message, e.g. "bulletin"
     * @throws TenureException {@link ErrorCode#IO_FAILURE} when the file cannot be written
     */
    public static void write(Path file, String what, Content content) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            // A hidden sibling so the final move is a rename; default permissions, unlike a temp-file API.
            tmp = target.getParent().resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + System.nanoTime() + ".part");
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | RuntimeException e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot write " + what + " " + target + ": " + e.getMessage()
                    + " (check free disk space and that the file is not open in another program)", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is what matters
                }
            }
        }
    }
}
