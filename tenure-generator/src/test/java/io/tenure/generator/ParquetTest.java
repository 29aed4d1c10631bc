package io.tenure.generator;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Parquet output loads with DuckDB, typed, with the rows of the CSV output. */
class ParquetTest {

    @Test
    void parquetFilesLoadWithDuckDbWithTheSameRowCountsAsCsv() throws SQLException {
        Path csv = Fixtures.newFolder("csv");
        Path parquet = Fixtures.newFolder("parquet");
        GenerationReport c = new ProvinceGenerator(Fixtures.options(700).withOut(csv)).generate();
        GenerationReport p = new ProvinceGenerator(Fixtures.options(700).withFormat(OutputFormat.PARQUET).withOut(parquet)).generate();
        assertThat(p.rowsPerFeed()).isEqualTo(c.rowsPerFeed());
        assertThat(parquet.resolve(".tenure-scratch")).doesNotExist();
        try (Connection con = DriverManager.getConnection("jdbc:duckdb:"); Statement s = con.createStatement()) {
            for (var e : c.rowsPerFeed().entrySet()) {
                Path file = parquet.resolve(e.getKey() + ".parquet");
                assertThat(file).exists();
                assertThat(parquet.resolve(e.getKey() + ".csv")).doesNotExist();
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet('" + file + "')")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(e.getKey()).isEqualTo(e.getValue());
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT typeof(total_fee), typeof(month), sum(total_fee) FROM read_parquet('"
                    + parquet.resolve("bills.parquet") + "') GROUP BY ALL")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("DECIMAL(12,2)");
                assertThat(rs.getString(2)).isEqualTo("VARCHAR");
                assertThat(rs.getBigDecimal(3)).isPositive();
            }
            try (ResultSet rs = s.executeQuery("SELECT typeof(created_at), max(text) FROM read_parquet('"
                    + parquet.resolve("complaints.parquet") + "') GROUP BY ALL")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("TIMESTAMP");
                assertThat(rs.getString(2)).containsPattern("\\p{IsHan}");
            }
        }
    }

    @Test
    void parquetPartFilesLoadAsOneFeed() throws SQLException {
        Path dir = Fixtures.newFolder("parquet-parts");
        GenerationReport r = new ProvinceGenerator(Fixtures.options(600).withParts(2).withFormat(OutputFormat.PARQUET)
                .withOut(dir)).generate();
        try (Connection con = DriverManager.getConnection("jdbc:duckdb:"); Statement s = con.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet('" + dir.resolve("usage_daily") + "/*.parquet')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(r.rowsPerFeed().get("usage_daily"));
        }
        assertThat(dir.resolve("usage_daily").resolve("part-00001.parquet")).exists();
        assertThat(dir.resolve("plans.parquet")).exists();
    }
}
