package io.tenure.ingest;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** SQL text helpers and statement execution against the DuckDB connection. */
final class Sql {
    /** Statement timings at DEBUG level (full SQL at TRACE), to see where a slow load spends its time. */
    private static final System.Logger LOG = System.getLogger(Sql.class.getName());

    private Sql() {
    }

    /** Quoted identifier. */
    static String id(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** String literal. */
    static String str(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** List literal of strings, e.g. {@code ['a', 'b']}. */
    static String strList(Collection<String> values) {
        return values.stream().map(Sql::str).collect(Collectors.joining(", ", "[", "]"));
    }

    static void exec(Connection db, String sql) {
        long t0 = System.nanoTime();
        try (Statement st = db.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw engineFailure(sql, e);
        }
        trace(sql, t0);
    }

    /** Runs an INSERT or UPDATE and returns the number of rows it changed. */
    static long update(Connection db, String sql) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement st = db.createStatement()) {
            return st.executeLargeUpdate(sql);
        } finally {
            trace(sql, t0);
        }
    }

    static long queryLong(Connection db, String sql) {
        long t0 = System.nanoTime();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0L;
        } catch (SQLException e) {
            throw engineFailure(sql, e);
        } finally {
            trace(sql, t0);
        }
    }

    /** Logs the time since t0 for the statement or step: at DEBUG shortened, at TRACE in full. */
    static void trace(String sql, long t0) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            String text = LOG.isLoggable(System.Logger.Level.TRACE) || sql.length() <= 160 ? sql
                    : sql.substring(0, 160) + "…";
            LOG.log(System.Logger.Level.DEBUG, String.format(Locale.ROOT, "%7.3f s  %s",
                    (System.nanoTime() - t0) / 1e9, text));
        }
    }

    static String queryString(Connection db, String sql) {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw engineFailure(sql, e);
        }
    }

    /** All rows, each as its columns read as text; for small results only. */
    static List<List<String>> rows(Connection db, String sql) {
        long t0 = System.nanoTime();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<List<String>> out = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw engineFailure(sql, e);
        } finally {
            trace(sql, t0);
        }
    }

    /** The first column of every row as longs, read without boxing (e.g. millions of reject positions). */
    static long[] longs(Connection db, String sql) {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            long[] out = new long[64];
            int n = 0;
            while (rs.next()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = rs.getLong(1);
            }
            return Arrays.copyOf(out, n);
        } catch (SQLException e) {
            throw engineFailure(sql, e);
        }
    }

    static TenureException engineFailure(String sql, SQLException e) {
        String head = sql.length() > 300 ? sql.substring(0, 300) + "…" : sql;
        return new TenureException(ErrorCode.ENGINE_FAILURE, "the embedded DuckDB engine failed while loading feeds: "
                + e.getMessage() + " (statement: " + head + "); check memory_limit and temp_directory, then rerun", e);
    }
}
