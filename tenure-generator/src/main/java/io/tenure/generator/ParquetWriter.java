package io.tenure.generator;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Converts the UTF-8 CSV written to a scratch folder into typed Parquet with DuckDB: every column is
 * read as text and cast to the type of {@link Feed}, so a value that does not fit fails loudly
 * instead of being guessed.
 */
final class ParquetWriter {
    private ParquetWriter() {
    }

    /**
     * @param parts 0 for single files, else the big feeds are folders of part files
     */
    static void convert(Path csvDir, Path out, int parts) {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new TenureException(ErrorCode.ENGINE_FAILURE, "DuckDB JDBC driver not on the class path", e);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement()) {
            s.execute("SET threads TO " + Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
            s.execute("SET preserve_insertion_order = true");
            s.execute("SET memory_limit = '1GB'"); // bounded, spilling to the scratch folder on big runs
            s.execute("SET temp_directory = " + lit(csvDir.resolve("duckdb-tmp")));
            for (Feed feed : Feed.values()) {
                if (parts > 0 && feed.big()) {
                    Path dir = csvDir.resolve(feed.fileName());
                    Path target = out.resolve(feed.fileName());
                    Files.createDirectories(target);
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path csv : files.sorted().toList()) {
                            String name = csv.getFileName().toString().replace(".csv", ".parquet");
                            copy(s, feed, csv, target.resolve(name));
                        }
                    }
                } else {
                    copy(s, feed, csvDir.resolve(feed.fileName() + ".csv"), out.resolve(feed.fileName() + ".parquet"));
                }
            }
        } catch (SQLException | IOException e) {
            throw new TenureException(ErrorCode.ENGINE_FAILURE, "Parquet conversion failed: " + e.getMessage(), e);
        }
    }

    private static void copy(Statement s, Feed feed, Path csv, Path parquet) throws SQLException {
        List<Feed.Column> cols = feed.columns();
        String select = cols.stream().map(col -> col.sqlType().equals("VARCHAR") ? q(col.name())
                        : "CAST(" + q(col.name()) + " AS " + col.sqlType() + ") AS " + q(col.name()))
                .collect(Collectors.joining(", "));
        s.execute("COPY (SELECT " + select + " FROM read_csv(" + lit(csv) + ", header = true, all_varchar = true, "
                + "delim = ',', quote = '\"', escape = '\"')) TO " + lit(parquet) + " (FORMAT parquet, COMPRESSION zstd)");
    }

    private static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String lit(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
