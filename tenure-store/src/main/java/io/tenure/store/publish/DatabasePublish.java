package io.tenure.store.publish;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.engine.duck.Duck;
import io.tenure.engine.run.RunSink;
import io.tenure.store.Dialect;
import io.tenure.store.Store;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Publishes a daily run into the operations database. Every published table has two slots and a view reading one
 * of them. A table whose rows changed (by a fingerprint of its rows) is exported by the engine to CSV and
 * bulk-loaded (COPY on PostgreSQL, CSVREAD on H2) into the slot its view does not read; one short transaction then
 * records the run and its counts and points those views at their new slots. An unchanged table is not loaded at
 * all, so a rerun of the same day changes nothing and a day with the same bills loads none of them. A failure
 * leaves every view where it was and fails the run, so its files are not published either. A date older than the
 * one on show only records its counts.
 */
public final class DatabasePublish implements RunSink {
    /** PostgreSQL advisory lock key: one publish at a time. */
    private static final long LOCK_KEY = 0x7465_6e75_7265L;
    private static final int LOADERS = 2;


    private final Store store;
    private final Map<String, Long> tableMillis = new ConcurrentHashMap<>();
    private final Map<String, Long> tableRows = new ConcurrentHashMap<>();

    /**
     * Milliseconds each table loaded by the last publish took (index builds included), for the benchmark; tables
     * left as they were are absent.
     */
    public Map<String, Long> tableMillis() {
        return Map.copyOf(tableMillis);
    }

    public DatabasePublish(Store store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "database";
    }

    /** What the publish did, for the run's summary and the benchmark. */
    public record Outcome(LocalDate asOf, boolean shown, int tablesLoaded, long rows, long millis) {
    }

    @Override
    public void publish(Context ctx) {
        run(ctx);
    }

    public Outcome run(Context ctx) {
        long t0 = System.nanoTime();
        store.migrate();
        List<PublishedTable> tables = PublishedTable.all(ctx.asOf(), ctx.month());
        ctx.progress().stage("publish to database", tables.size());
        try (Connection c = store.connect()) {
            lock(c);
            LocalDate shown = latestAsOf(c);
            boolean show = shown == null || !ctx.asOf().isBefore(shown);
            Map<String, String> switched = show ? load(ctx, tables, liveSlots(c)) : Map.of();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // the rows first: H2 commits at a view's DDL, and a failed record must switch nothing
                recordRun(c, ctx, (System.nanoTime() - t0) / 1_000_000);
                for (var e : switched.entrySet()) {
                    s.execute("CREATE OR REPLACE VIEW " + e.getKey() + " AS SELECT * FROM " + e.getKey() + "_" + e.getValue());
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            ctx.progress().done();
            long rows = tableRows.values().stream().mapToLong(Long::longValue).sum();
            return new Outcome(ctx.asOf(), show, switched.size(), rows, (System.nanoTime() - t0) / 1_000_000);
        } catch (SQLException e) {
            throw new TenureException(ErrorCode.DATABASE_FAILURE, "publishing " + ctx.asOf() + " into " + store.safeUrl()
                    + " failed: " + e.getMessage() + "; the server keeps the previous day and no files were published", e);
        }
    }

    private void lock(Connection c) throws SQLException {
        if (store.dialect() == Dialect.POSTGRESQL) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")"); // released when the connection closes
            }
        }
    }

    /**
     * The slot ({@code a} or {@code b}) each published view reads now, from the views' own definitions (the one
     * source of truth); a view missing from the answer has never been switched and reads {@code a}.
     */
    public static Map<String, String> liveSlots(Connection c) throws SQLException {
        Map<String, String> live = new java.util.HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT lower(table_name), lower(view_definition) FROM information_schema.views "
                        + "WHERE view_definition IS NOT NULL AND lower(table_schema) = 'public'")) {
            while (r.next()) {
                String view = r.getString(1);
                live.put(view, r.getString(2).matches("(?s).*\\b" + view + "_b\\b.*") ? "b" : "a");
            }
        }
        return live;
    }

    private static LocalDate latestAsOf(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT max(as_of) FROM published_run")) {
            return r.next() && r.getDate(1) != null ? r.getDate(1).toLocalDate() : null;
        }
    }

    /**
     * Loads every table whose rows changed into the slot its view does not read (the engine exports one table at a
     * time while loaders fill the database) and returns those tables with their new slot. A table whose fingerprint
     * equals its live slot's (the bills on most days, the catalogue, everything on a rerun of the day) stays as it is.
     */
    private Map<String, String> load(Context ctx, List<PublishedTable> tables, Map<String, String> live) throws SQLException {
        tableMillis.clear();
        tableRows.clear();
        Map<String, String> switched = new java.util.LinkedHashMap<>();
        ExecutorService loaders = Executors.newFixedThreadPool(LOADERS, r -> {
            Thread t = new Thread(r, "tenure-db-load");
            t.setDaemon(true);
            return t;
        });
        List<Future<Long>> loads = new ArrayList<>();
        Map<String, String> recorded = fingerprints();
        try {
            for (PublishedTable t : tables) {
                String from = live.getOrDefault(t.name(), "a");
                String fingerprint = Duck.scalarString(ctx.conn(), "SELECT count(*) || ':' || coalesce(bit_xor(hash(x)), 0) FROM ("
                        + t.select() + ") x");
                if (fingerprint.equals(recorded.get(from + "/" + t.name()))) {
                    ctx.progress().step(1);
                    continue;
                }
                String slot = "a".equals(from) ? "b" : "a";
                switched.put(t.name(), slot);
                Path csv = ctx.work().resolve("db-" + t.name() + ".csv");
                Duck.exec(ctx.conn(), "COPY (" + t.select() + ") TO " + Duck.lit(csv.toString()) + " (FORMAT csv, HEADER false)");
                loads.add(loaders.submit(() -> {
                    long n = loadTable(t, t.name() + "_" + slot, csv);
                    recordTable(slot, t.name(), fingerprint, n);
                    Files.deleteIfExists(csv);
                    ctx.progress().step(1);
                    return n;
                }));
            }
            for (Future<Long> f : loads) {
                f.get();
            }
            return switched;
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException se) {
                throw se;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new TenureException(ErrorCode.IO_FAILURE, "loading the database failed: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenureException(ErrorCode.INTERNAL, "interrupted while publishing into the database", e);
        } finally {
            // never interrupt a loader: an interrupted thread closes the embedded database's file channel
            loads.forEach(f -> f.cancel(false));
            loaders.shutdown();
            try {
                loaders.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The fingerprint recorded for each loaded slot, keyed "slot/table". */
    private Map<String, String> fingerprints() throws SQLException {
        Map<String, String> recorded = new java.util.HashMap<>();
        try (Connection c = store.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT slot, name, fingerprint FROM published_table")) {
            while (r.next()) {
                recorded.put(r.getString(1) + "/" + r.getString(2), r.getString(3));
            }
        }
        return recorded;
    }

    private void recordTable(String slot, String name, String fingerprint, long rows) throws SQLException {
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM published_table WHERE slot = ? AND name = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO published_table (slot, name, fingerprint, row_count) "
                         + "VALUES (?, ?, ?, ?)")) {
                del.setString(1, slot);
                del.setString(2, name);
                del.executeUpdate();
                ins.setString(1, slot);
                ins.setString(2, name);
                ins.setString(3, fingerprint);
                ins.setLong(4, rows);
                ins.executeUpdate();
            }
            c.commit();
        }
    }

    private long loadTable(PublishedTable t, String table, Path csv) throws SQLException, IOException {
        long t0 = System.nanoTime();
        String cols = String.join(", ", t.columns());
        long n;
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            if (store.dialect() == Dialect.POSTGRESQL) {
                n = copyIntoPostgres(c, s, table, cols, csv);
            } else {
                s.execute("TRUNCATE TABLE " + table);
                n = s.executeUpdate("INSERT INTO " + table + " (" + cols + ") SELECT * FROM CSVREAD("
                        + quote(csv.toString()) + ", " + quote(String.join(",", t.columns()))
                        + ", 'charset=UTF-8 fieldSeparator=, fieldDelimiter=\" escape=\" null=')");
                c.commit();
                s.execute("ANALYZE TABLE " + table);
            }
        }
        tableMillis.put(t.name(), (System.nanoTime() - t0) / 1_000_000);
        tableRows.put(t.name(), n);
        return n;
    }

    /**
     * TRUNCATE and COPY in one transaction (so COPY may FREEZE the rows), with the table's indexes and primary key
     * dropped before and built again after: one sort per index instead of a tree insert per row. A failure rolls all
     * of it back, indexes included.
     */
    private static long copyIntoPostgres(Connection c, Statement s, String table, String cols, Path csv)
            throws SQLException, IOException {
        s.execute("SET LOCAL maintenance_work_mem = '512MB'");
        s.execute("SET LOCAL synchronous_commit = off"); // a lost load is redone by the next run; no client waits on it
        s.execute("TRUNCATE TABLE " + table);
        List<String> rebuild = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '"
                + table + "'::regclass AND contype = 'p'")) {
            while (r.next()) {
                drop.add("ALTER TABLE " + table + " DROP CONSTRAINT " + r.getString(1));
                rebuild.add("ALTER TABLE " + table + " ADD CONSTRAINT " + r.getString(1) + " " + r.getString(2));
            }
        }
        try (ResultSet r = s.executeQuery("SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                + "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = '" + table + "'::regclass AND NOT i.indisprimary")) {
            while (r.next()) {
                drop.add("DROP INDEX " + r.getString(1));
                rebuild.add(r.getString(2));
            }
        }
        for (String sql : drop) {
            s.execute(sql);
        }
        long n;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            n = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + cols + ") FROM STDIN WITH (FORMAT csv, FREEZE true)", in);
        }
        for (String sql : rebuild) {
            s.execute(sql);
        }
        c.commit();
        c.setAutoCommit(true);
        s.execute("ANALYZE " + table);
        return n;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** The run's row and its counts per county (four-high held, entered, exited; risk bands; warnings; active). */
    private static void recordRun(Connection c, Context ctx, long millis) throws SQLException {
        String counts = """
                SELECT city, county, 'HELD' AS kind, tag AS item, count(*) AS n FROM fh_out WHERE movement <> 'EXITED' GROUP BY ALL
                UNION ALL SELECT city, county, movement, tag, count(*) FROM fh_out GROUP BY ALL
                UNION ALL SELECT s.city, s.county, 'RISK', r.band, count(*) FROM risk_rows r JOIN subscribers s ON s.sub_idx = r.sub_idx GROUP BY ALL
                UNION ALL SELECT city, county, 'WARNING', tag, count(*) FROM ew_out GROUP BY ALL
                UNION ALL SELECT city, county, 'ACTIVE', 'ALL', count(*) FROM subscribers WHERE status = 'ACTIVE' GROUP BY ALL
                """;
        long fh = Duck.scalarLong(ctx.conn(), "SELECT count(*) FROM fh_out");
        long risk = Duck.scalarLong(ctx.conn(), "SELECT count(*) FROM risk_rows");
        long ew = Duck.scalarLong(ctx.conn(), "SELECT count(*) FROM ew_out");
        long subs = Duck.scalarLong(ctx.conn(), "SELECT count(*) FROM subscribers");
        Date asOf = Date.valueOf(ctx.asOf());
        try (PreparedStatement del = c.prepareStatement("DELETE FROM daily_count WHERE as_of = ?");
             PreparedStatement delRun = c.prepareStatement("DELETE FROM published_run WHERE as_of = ?");
             PreparedStatement run = c.prepareStatement("INSERT INTO published_run (as_of, month, published_at, "
                     + "subscribers, four_high_rows, risk_rows, warning_rows, millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement ins = c.prepareStatement("INSERT INTO daily_count (as_of, city, county, kind, item, n) "
                     + "VALUES (?, ?, ?, ?, ?, ?)");
             Statement q = ctx.conn().createStatement();
             ResultSet r = q.executeQuery(counts)) {
            del.setDate(1, asOf);
            del.executeUpdate();
            delRun.setDate(1, asOf);
            delRun.executeUpdate();
            run.setDate(1, asOf);
            run.setString(2, ctx.month().toString());
            run.setTimestamp(3, Timestamp.from(Instant.now()));
            run.setLong(4, subs);
            run.setLong(5, fh);
            run.setLong(6, risk);
            run.setLong(7, ew);
            run.setLong(8, millis);
            run.executeUpdate();
            while (r.next()) {
                ins.setDate(1, asOf);
                ins.setString(2, r.getString(1));
                ins.setString(3, r.getString(2));
                ins.setString(4, r.getString(3));
                ins.setString(5, r.getString(4));
                ins.setLong(6, r.getLong(5));
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }
}
