package io.tenure.ingest;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tenure.core.error.TenureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A fresh in-memory DuckDB and data folder per test. */
abstract class IngestTestSupport {
    @TempDir
    Path dir;
    @TempDir
    Path work;
    Connection db;

    /** One row of the rejects table. */
    record Reject(String feed, String file, long line, String column, String code, String reason, String raw) {
    }

    @BeforeEach
    void openDatabase() throws SQLException {
        db = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        db.close();
    }

    Path data() {
        return dir.resolve("data");
    }

    IngestResult load() {
        return load(IngestOptions.defaults(work));
    }

    IngestResult load(IngestOptions options) {
        return new FeedLoader(db, options).loadAll(data());
    }

    TenureException loadFails() {
        return loadFails(IngestOptions.defaults(work));
    }

    TenureException loadFails(IngestOptions options) {
        return catchThrowableOfType(TenureException.class, () -> load(options));
    }

    List<Reject> rejects(String feed) {
        List<Reject> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT feed, file, line, column_name, reason_code, reason, raw FROM rejects WHERE feed = '" + feed
                        + "' ORDER BY file, line")) {
            while (rs.next()) {
                out.add(new Reject(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The query's rows, each column read as text (null stays null). */
    List<List<String>> query(String sql) {
        List<List<String>> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return out;
    }

    String scalar(String sql) {
        List<List<String>> rows = query(sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }
}
