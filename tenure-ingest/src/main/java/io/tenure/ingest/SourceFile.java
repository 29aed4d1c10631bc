package io.tenure.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One input file of a feed.
 *
 * @param path   the file as found
 * @param name   path relative to the data folder with {@code /} separators, as reported to operators
 * @param format how the file is read
 * @param size   size in bytes
 */
record SourceFile(Path path, String name, Format format, long size) {
    enum Format { CSV, PARQUET }

    SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
    }
}
