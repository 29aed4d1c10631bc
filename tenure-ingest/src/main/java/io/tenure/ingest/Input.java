package io.tenure.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A file ready for DuckDB.
 *
 * @param index    position among the feed's files, stored with every row to tell files apart
 * @param source   the file as found
 * @param readPath what DuckDB reads: the file itself, or its UTF-8 copy when it was GB18030
 * @param encoding label for the report
 * @param header   column names, trimmed and lower-cased, in file order
 * @param original column names as written (Parquet: as DuckDB must quote them)
 */
record Input(int index, SourceFile source, Path readPath, String encoding, List<String> header, List<String> original) {

    Input {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(readPath, "readPath");
        header = List.copyOf(header);
        original = List.copyOf(original);
    }

    boolean csv() {
        return source.format() == SourceFile.Format.CSV;
    }

    boolean transcoded() {
        return !readPath.equals(source.path());
    }

    String name() {
        return source.name();
    }
}
