package io.tenure.engine.duck;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The embedded DuckDB engine: opening it with the run's limits, and small helpers around JDBC. */
public final class Duck {
    private Duck() {
    }

    /** An in-memory database that spills to {@code tempDir} beyond {@code memoryLimit} (e.g. "8GB"). */
    public static DuckDBConnection open(Path tempDir, int threads, String memoryLimit) {
        return open(null, tempDir, threads, memoryLimit);
    }

    /**
     * A database in {@code file} (a new file, compressed: for inputs larger than memory), or in memory when
     * {@code file} is null; spills to {@code tempDir} beyond {@code memoryLimit}.
     */
    public static DuckDBConnection open(Path file, Path tempDir, int threads, String memoryLimit) {
        try {
            // Results are materialised, not streamed: concurrent streaming queries do not keep the scan order
            // the engine's merge joins rely on; callers bound result sizes by querying in ranges.
            var conn = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:"
                    + (file == null ? "" : file.toAbsolutePath()));
            exec(conn, "SET threads = " + Math.max(1, threads));
            exec(conn, "SET memory_limit = '" + memoryLimit.replace("'", "") + "'");
            exec(conn, "SET temp_directory = '" + tempDir.toAbsolutePath().toString().replace("'", "''") + "'");
            exec(conn, "SET TimeZone = 'Asia/Shanghai'");
            exec(conn, "SET enable_progress_bar = false");
            if (file == null) {
                // an in-memory database lives for one run: a checkpoint would only rewrite every table (1.5 s at 1M)
                exec(conn, "SET checkpoint_threshold = '1000TB'");
            }
            return conn;
        } catch (SQLException e) {
            throw new TenureException(ErrorCode.ENGINE_FAILURE, "cannot start the embedded engine: " + e.getMessage(), e);
        }
    }

    public static void exec(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    public static long scalarLong(Connection c, String sql) {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    public static String scalarString(Connection c, String sql) {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** SQL: the local (Asia/Shanghai) calendar day of a timestamp expression, whatever the session's time zone. */
    public static String localDate(String timestamp) {
        return "CAST(timezone('Asia/Shanghai', " + timestamp + ") AS DATE)";
    }

    /** SQL string literal. */
    public static String lit(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    public static TenureException failure(String sql, SQLException e) {
        String first = sql.strip().lines().findFirst().orElse("");
        return new TenureException(ErrorCode.ENGINE_FAILURE,
                "embedded engine failed on [" + first + "...]: " + e.getMessage(), e);
    }
}
