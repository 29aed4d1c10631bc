package io.tenure.engine.run;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * All-or-nothing publishing of one as-of date. A run writes into a staging folder beside the outputs
 * and publishes by rename: the previous outputs are moved aside, the staging folder takes their
 * name, then the previous ones are deleted. A run killed at any point leaves either the previous
 * or the new outputs; a kill between the two renames is repaired by the next run (or {@link #recover}).
 * A lock file keeps two runs of the same date from publishing over each other.
 */
public final class Publisher implements AutoCloseable {
    private final Path out;
    private final String date;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path staging;

    public Publisher(Path out, LocalDate asOf) {
        this.out = out;
        this.date = asOf.toString();
        try {
            Files.createDirectories(out);
            lockChannel = FileChannel.open(out.resolve(".lock-" + date), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = tryLock(lockChannel);
            if (lock == null) {
                lockChannel.close();
                throw new TenureException(ErrorCode.OUTPUT_LOCKED, "another run of " + date + " is publishing into " + out
                        + "; wait for it to finish");
            }
            recover();
            staging = out.resolve(".staging-" + date + "-" + ProcessHandle.current().pid());
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot prepare the output folder " + out + ": " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null; // held by this very process
        }
    }

    public Path staging() {
        return staging;
    }

    public Path target() {
        return out.resolve(date);
    }

    /** Puts back outputs left aside by a run killed mid-publish and clears stale staging folders. */
    private void recover() throws IOException {
        Path target = target();
        Path previous = out.resolve(".previous-" + date);
        if (Files.isDirectory(previous)) {
            if (Files.exists(target)) {
                deleteTree(previous);
            } else {
                Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out, ".staging-" + date + "-*")) {
            for (Path stale : ds) {
                deleteTree(stale); // we hold the date's lock: no live run owns them
            }
        }
    }

    /** Makes the staging folder the published outputs of the date. */
    public Path publish() {
        Path target = target();
        Path previous = out.resolve(".previous-" + date);
        try {
            if (Files.exists(target)) {
                Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(previous);
            return target;
        } catch (IOException e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot publish " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            deleteTree(staging);
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot clean up " + staging + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
