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
 * Publishes a daily run into the operations database. Each table is exported by the engine to CSV and bulk-loaded
 * (COPY on PostgreSQL, CSVREAD on H2) into the slot the server is not reading; one short transaction then points
 * the views at that slot and records the run and its counts. A rerun of the same as-of date replaces what it
 * published; a failure leaves the server on the previous slot and fails the run, so its files are not published
 * either. A date older than the one on show only records its counts.
 */
public final class DatabasePublish implements RunSink {
    /** PostgreSQL advisory lock key: one publish at a time. */
    private static final long LOCK_KEY = 0x7465_6e75_7265L;
    private static final int LOADERS = 2;


    private final Store store;
    private final Map<String, Long> tableMillis = new ConcurrentHashMap<>();

    /** Milliseconds each table of the last publish took to load (index builds included), for the benchmark. */
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
    public record Outcome(LocalDate asOf, String slot, boolean shown, long rows, long millis) {
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
            String live = liveSlot(c);
            LocalDate shown = latestAsOf(c);
            boolean show = shown == null || !ctx.asOf().isBefore(shown);
            String next = show ? ("a".equals(live) ? "b" : "a") : live;
            long rows = 0;
            if (show) {
                rows = load(ctx, tables, next, live);
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (show) {
                    for (PublishedTable t : tables) {
                        s.execute("CREATE OR REPLACE VIEW " + t.name() + " AS SELECT * FROM " + t.name() + "_" + next);
                    }
                }
                recordRun(c, ctx, next, (System.nanoTime() - t0) / 1_000_000);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            ctx.progress().done();
            return new Outcome(ctx.asOf(), next, show, rows, (System.nanoTime() - t0) / 1_000_000);
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

    private static String liveSlot(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT slot FROM published_run ORDER BY published_at DESC LIMIT 1")) {
            return r.next() ? r.getString(1) : "a"; // the views start on slot a
        }
    }

    private static LocalDate latestAsOf(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT max(as_of) FROM published_run")) {
            return r.next() && r.getDate(1) != null ? r.getDate(1).toLocalDate() : null;
        }
    }

    /**
     * Exports each table (engine, one at a time) while loaders fill the slot; a table whose fingerprint equals the
     * live slot's is copied inside the database instead.
     */
    private long load(Context ctx, List<PublishedTable> tables, String slot, String live) throws SQLException {
        Map<String, String> liveFingerprints = fingerprints(live);
        ExecutorService loaders = Executors.newFixedThreadPool(LOADERS, r -> {
            Thread t = new Thread(r, "tenure-db-load");
            t.setDaemon(true);
            return t;
        });
        List<Future<Long>> loads = new ArrayList<>();
        try {
            for (PublishedTable t : tables) {
                String fingerprint = Duck.scalarString(ctx.conn(), "SELECT count(*) || ':' || coalesce(bit_xor(hash(x)), 0) FROM ("
                        + t.select() + ") x");
                String target = t.name() + "_" + slot;
                Source source;
                if (!slot.equals(live) && fingerprint.equals(liveFingerprints.get(t.name()))) {
                    source = new Source(null, t.name() + "_" + live);
                } else {
                    Path csv = ctx.work().resolve("db-" + t.name() + ".csv");
                    Duck.exec(ctx.conn(), "COPY (" + t.select() + ") TO " + Duck.lit(csv.toString()) + " (FORMAT csv, HEADER false)");
                    source = new Source(csv, null);
                }
                loads.add(loaders.submit(() -> {
                    long n = loadTable(t, target, source);
                    recordTable(slot, t.name(), fingerprint, n);
                    if (source.csv() != null) {
                        Files.deleteIfExists(source.csv());
                    }
                    ctx.progress().step(1);
                    return n;
                }));
            }
            long rows = 0;
            for (Future<Long> f : loads) {
                rows += f.get();
            }
            return rows;
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

    /** Where a table's rows come from: the engine's CSV export, or the same table of the live slot. */
    private record Source(Path csv, String table) {
    }

    private Map<String, String> fingerprints(String slot) throws SQLException {
        Map<String, String> m = new java.util.HashMap<>();
        try (Connection c = store.connect(); PreparedStatement p = c.prepareStatement(
                "SELECT name, fingerprint FROM published_table WHERE slot = ?")) {
            p.setString(1, slot);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    m.put(r.getString(1), r.getString(2));
                }
            }
        }
        return m;
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

    private long loadTable(PublishedTable t, String table, Source source) throws SQLException, IOException {
        long t0 = System.nanoTime();
        String cols = String.join(", ", t.columns());
        long n;
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            if (store.dialect() == Dialect.POSTGRESQL) {
                n = copyIntoPostgres(c, s, table, cols, source);
            } else if (source.table() != null) {
                s.execute("TRUNCATE TABLE " + table);
                n = s.executeUpdate("INSERT INTO " + table + " (" + cols + ") SELECT " + cols + " FROM " + source.table());
                c.commit();
            } else {
                s.execute("TRUNCATE TABLE " + table);
                n = s.executeUpdate("INSERT INTO " + table + " (" + cols + ") SELECT * FROM CSVREAD("
                        + quote(source.csv().toString()) + ", " + quote(String.join(",", t.columns()))
                        + ", 'charset=UTF-8 fieldSeparator=, fieldDelimiter=\" escape=\" null=')");
                c.commit();
                s.execute("ANALYZE TABLE " + table);
            }
        }
        tableMillis.put(t.name(), (System.nanoTime() - t0) / 1_000_000);
        return n;
    }

    /**
     * TRUNCATE and COPY (or the copy from the live slot) in one transaction (so COPY may FREEZE the rows), with the table's indexes and primary key
     * dropped before and built again after: one sort per index instead of a tree insert per row. A failure rolls all
     * of it back, indexes included.
     */
    private static long copyIntoPostgres(Connection c, Statement s, String table, String cols, Source source)
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
        if (source.table() != null) {
            n = s.executeUpdate("INSERT INTO " + table + " (" + cols + ") SELECT " + cols + " FROM " + source.table());
        } else {
            try (Reader in = Files.newBufferedReader(source.csv(), StandardCharsets.UTF_8)) {
                n = c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + table + " (" + cols + ") FROM STDIN WITH (FORMAT csv, FREEZE true)", in);
            }
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
    private static void recordRun(Connection c, Context ctx, String slot, long millis) throws SQLException {
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
             PreparedStatement run = c.prepareStatement("INSERT INTO published_run (as_of, month, slot, published_at, "
                     + "subscribers, four_high_rows, risk_rows, warning_rows, millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
            run.setString(3, slot);
            run.setTimestamp(4, Timestamp.from(Instant.now()));
            run.setLong(5, subs);
            run.setLong(6, fh);
            run.setLong(7, risk);
            run.setLong(8, ew);
            run.setLong(9, millis);
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
