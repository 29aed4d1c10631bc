package io.tenure.ingest;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the files of a feed: {@code <dir>/<feed>.csv}, {@code <dir>/<feed>.parquet} or a folder
 * {@code <dir>/<feed>/} of {@code *.csv} / {@code *.parquet} part files as Spark and Hive write them.
 * Names match case-insensitively. In a folder, names starting with {@code .} or {@code _}
 * ({@code _SUCCESS}, {@code .part-0.crc}) and empty part files are skipped.
 */
final class FeedLocator {

    /** Files found, sorted by name, and warnings about what was skipped. */
    record Found(List<SourceFile> files, List<String> warnings, List<String> lookedAt) {
        Found {
            files = List.copyOf(files);
            warnings = List.copyOf(warnings);
            lookedAt = List.copyOf(lookedAt);
        }
    }

    private FeedLocator() {
    }

    static Found locate(Path dataDir, String feed) {
        List<Path> entries = list(dataDir);
        Path csv = match(entries, feed + ".csv", false);
        Path parquet = match(entries, feed + ".parquet", false);
        Path folder = match(entries, feed, true);
        List<String> lookedAt = List.of(dataDir.resolve(feed + ".csv").toString(),
                dataDir.resolve(feed + ".parquet").toString(), dataDir.resolve(feed) + "/");
        List<Path> present = Stream.of(csv, parquet, folder).filter(p -> p != null).toList();
        if (present.size() > 1) {
            throw new TenureException(ErrorCode.FEED_UNREADABLE, "feed " + feed + " is given more than once: "
                    + present.stream().map(p -> p.getFileName().toString()).toList()
                    + " in " + dataDir + "; keep exactly one of them");
        }
        List<String> warnings = new ArrayList<>();
        List<SourceFile> files = new ArrayList<>();
        if (csv != null) {
            files.add(new SourceFile(csv, csv.getFileName().toString(), SourceFile.Format.CSV, size(csv)));
        } else if (parquet != null) {
            files.add(new SourceFile(parquet, parquet.getFileName().toString(), SourceFile.Format.PARQUET, size(parquet)));
        } else if (folder != null) {
            String prefix = folder.getFileName().toString() + "/";
            for (Path p : list(folder)) {
                String name = p.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (name.startsWith(".") || name.startsWith("_")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    warnings.add("ignored sub-folder " + prefix + name + " (only part files directly in "
                            + prefix + " are read)");
                } else if (lower.endsWith(".csv") || lower.endsWith(".parquet")) {
                    long size = size(p);
                    if (size > 0) {
                        files.add(new SourceFile(p, prefix + name, lower.endsWith(".csv")
                                ? SourceFile.Format.CSV : SourceFile.Format.PARQUET, size));
                    }
                } else {
                    warnings.add("ignored file " + prefix + name + " (not .csv or .parquet)");
                }
            }
        }
        files.sort(Comparator.comparing(SourceFile::name));
        return new Found(files, warnings, lookedAt);
    }

    private static Path match(List<Path> entries, String wanted, boolean directory) {
        for (Path p : entries) {
            if (p.getFileName().toString().equalsIgnoreCase(wanted) && Files.isDirectory(p) == directory) {
                return p;
            }
        }
        return null;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new TenureException(ErrorCode.FEED_UNREADABLE, "cannot list the data folder " + dir + ": " + e
                    + "; check that it exists and is readable", e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new TenureException(ErrorCode.FEED_UNREADABLE, "cannot read the size of " + p + ": " + e, e);
        }
    }
}
