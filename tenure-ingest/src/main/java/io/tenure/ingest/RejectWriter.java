package io.tenure.ingest;

import static io.tenure.ingest.Scratch.BAD;
import static io.tenure.ingest.Scratch.BADL;
import static io.tenure.ingest.Scratch.CHK;
import static io.tenure.ingest.Scratch.FILES;
import static io.tenure.ingest.Scratch.FSTART;
import static io.tenure.ingest.Scratch.LINES;
import static io.tenure.ingest.Scratch.RAW;
import static io.tenure.ingest.Scratch.REREAD_ERR;
import static io.tenure.ingest.Scratch.REREAD_SCAN;
import static io.tenure.ingest.Scratch.STRUCT;
import static io.tenure.ingest.Scratch.ULINES;
import static io.tenure.ingest.Sql.str;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the rejected rows of a feed into rows of the {@code rejects} table: file, physical line,
 * column, reason code, reason text and the original row re-joined as CSV. Runs only when a feed has
 * rejects, so its extra reads cost nothing on clean data: each affected file is scanned once in Java
 * for line numbers ({@link LineScanner}) and once by DuckDB to fetch the rejected rows' raw text.
 */
final class RejectWriter {
    /** Longest raw row kept; an unterminated quote can swallow the rest of a file. */
    private static final int RAW_LIMIT = 10_000;

    private final Connection db;
    private final Feed feed;
    private final List<Input> inputs;
    private final List<Layout> layouts;

    RejectWriter(Connection db, Feed feed, List<Input> inputs, List<Layout> layouts) {
        this.db = db;
        this.feed = feed;
        this.inputs = List.copyOf(inputs);
        this.layouts = List.copyOf(layouts);
    }

    /** Writes every rejected row of the feed to the {@code rejects} table. */
    void write() {
        Sql.exec(db, "CREATE OR REPLACE TEMP TABLE " + FSTART + " AS SELECT _f, min(_r) AS start FROM " + CHK
                + " GROUP BY _f");
        Sql.exec(db, "CREATE OR REPLACE TEMP TABLE " + LINES + " (_f INTEGER, k BIGINT, off BIGINT)");
        Sql.exec(db, "CREATE OR REPLACE TEMP TABLE " + ULINES + " (_f INTEGER, unit BIGINT, line BIGINT)");
        mapLines(files("SELECT DISTINCT _f FROM " + BAD + " UNION SELECT DISTINCT first_f FROM " + BAD
                + " WHERE first_f IS NOT NULL UNION SELECT DISTINCT _f FROM " + STRUCT));
        writeStructural();
        numberBadRows();
        Set<Integer> withBadRows = files("SELECT DISTINCT _f FROM " + BAD);
        for (Layout layout : layouts) {
            List<Input> affected = layout.inputs().stream().filter(in -> withBadRows.contains(in.index())).toList();
            if (!affected.isEmpty()) {
                quoteRejectedRows(layout, affected);
            }
        }
    }

    private Set<Integer> files(String sql) {
        Set<Integer> out = new LinkedHashSet<>();
        for (List<String> row : Sql.rows(db, sql + " ORDER BY 1")) {
            out.add(Integer.parseInt(row.get(0)));
        }
        return out;
    }

    /** Rows DuckDB could not parse: its message, the column from the header, the line as read. */
    private void writeStructural() {
        Sql.exec(db, "INSERT INTO rejects SELECT " + str(feed.name()) + ", f.name, coalesce(u.line, s.unit + 1),"
                + " CASE WHEN s.col IS NULL THEN NULL ELSE f.header[CAST(substr(s.col, 2) AS INTEGER) + 1] END,"
                + " 'STRUCTURE', 'malformed CSV row (' || lower(s.etype) || '): ' || s.msg || CASE WHEN s.etype"
                + " NOT LIKE '%ENCODING%' THEN '' WHEN f.transcoded THEN ' (bytes that are not valid GB18030)' ELSE"
                + " ' (if the file is GBK/GB18030, force it with --encoding GBK)' END, " + cut("s.csv_line")
                + " FROM " + STRUCT + " s JOIN " + FILES + " f ON f._f = s._f LEFT JOIN " + ULINES
                + " u ON u._f = s._f AND u.unit = s.unit ORDER BY s._f, s.unit");
    }

    /** Each bad row's position k in its file and its line, and the line of a duplicate's first occurrence. */
    private void numberBadRows() {
        Sql.exec(db, "CREATE OR REPLACE TEMP TABLE " + BADL + " AS SELECT b._r, b._f, b.chk, b.detail, b.first_f,"
                + " b.k, b.k + ln.off AS line, b.first_k, CAST(NULL AS BIGINT) AS first_line FROM (SELECT b.*,"
                + " b._r - fs.start AS k, b.first_r - ff.start AS first_k FROM " + BAD + " b JOIN " + FSTART
                + " fs ON fs._f = b._f LEFT JOIN " + FSTART + " ff ON ff._f = b.first_f) b ASOF LEFT JOIN " + LINES
                + " ln ON ln._f = b._f AND b.k >= ln.k");
        Sql.exec(db, "UPDATE " + BADL + " SET first_line = x.line FROM (SELECT b._r, b.first_k + ln.off AS line FROM "
                + BADL + " b ASOF JOIN " + LINES + " ln ON ln._f = b.first_f AND b.first_k >= ln.k"
                + " WHERE b.first_f IS NOT NULL) x WHERE x._r = " + BADL + "._r");
    }

    /** Numbers the lines of every file with rejects. */
    private void mapLines(Set<Integer> needed) {
        Map<Integer, Integer> width = new HashMap<>();
        for (Layout l : layouts) {
            l.inputs().forEach(in -> width.put(in.index(), l.width()));
        }
        try (DuckDBAppender lines = db.unwrap(DuckDBConnection.class).createAppender("temp", "main", LINES);
             DuckDBAppender units = db.unwrap(DuckDBConnection.class).createAppender("temp", "main", ULINES)) {
            for (int f : needed) {
                Input in = inputs.get(f);
                if (!in.csv()) {
                    lines.beginRow().append(f).append(0L).append(1L).endRow();
                    continue;
                }
                long lastK = Sql.queryLong(db, "SELECT coalesce(max(k), -1) FROM (SELECT b._r - s.start AS k FROM "
                        + BAD + " b JOIN " + FSTART + " s ON s._f = b._f WHERE b._f = " + f
                        + " UNION ALL SELECT b.first_r - s.start FROM " + BAD + " b JOIN " + FSTART
                        + " s ON s._f = b.first_f WHERE b.first_f = " + f + ")");
                long[] rejected = Sql.longs(db, "SELECT unit FROM " + STRUCT + " WHERE _f = " + f + " ORDER BY unit");
                long lastUnit = rejected.length == 0 ? -1 : rejected[rejected.length - 1];
                long t0 = System.nanoTime();
                LineScanner.scan(in.readPath(), in.name(), width.get(f), Arrays.stream(rejected).iterator(), lastK,
                        lastUnit, new LineScanner.Sink() {
                            @Override
                            public void breakpoint(long k, long offset) {
                                append(lines, f, k, offset);
                            }

                            @Override
                            public void rejectedUnit(long unit, long line) {
                                append(units, f, unit, line);
                            }
                        });
                Sql.trace("number the lines of " + in.name(), t0);
            }
        } catch (SQLException e) {
            throw Sql.engineFailure("append line numbers", e);
        }
    }

    private static void append(DuckDBAppender appender, int f, long a, long b) {
        try {
            appender.beginRow().append(f).append(a).append(b).endRow();
        } catch (SQLException e) {
            throw Sql.engineFailure("append line numbers", e);
        }
    }

    /**
     * Reads the affected files of a layout again (same options, so the same rows in the same order),
     * keeps only their rejected rows, and writes those with reason text and the original row as CSV.
     * A streaming row number over the scan gives each row's position without storing the whole file.
     */
    private void quoteRejectedRows(Layout layout, List<Input> affected) {
        StringBuilder cols = new StringBuilder();
        StringBuilder defs = new StringBuilder();
        for (int i = 0; i < layout.width(); i++) {
            cols.append(", ").append(layout.fileColumn(i)).append(" AS c").append(i);
            defs.append(", c").append(i).append(" VARCHAR");
        }
        Sql.exec(db, "CREATE OR REPLACE TEMP TABLE " + RAW + " (_f INTEGER, k BIGINT" + defs + ")");
        // DuckDB guesses a few dozen rows for a CSV scan and would hash the whole file rather than the
        // few rejected positions: keep the written join order for these statements
        String optimizers = Sql.queryString(db, "SELECT current_setting('disabled_optimizers')");
        Sql.exec(db, "SET disabled_optimizers = " + str((optimizers == null || optimizers.isBlank() ? ""
                : optimizers + ",") + "join_order,build_side_probe_side"));
        try {
            for (Input in : affected) {
                String position = layout.csv() ? "row_number() OVER () - 1" : "file_row_number";
                String scan = layout.csv() ? layout.scan(List.of(in), REREAD_ERR, REREAD_SCAN)
                        : "read_parquet(" + str(in.readPath().toString()) + ", file_row_number = true)";
                Sql.exec(db, "INSERT INTO " + RAW + " SELECT " + in.index() + ", k, * EXCLUDE (k) FROM (SELECT "
                        + position + " AS k" + cols + " FROM " + scan + ") WHERE k IN (SELECT k FROM " + BADL
                        + " WHERE _f = " + in.index() + ")");
            }
        } finally {
            Sql.exec(db, "SET disabled_optimizers = " + str(optimizers == null ? "" : optimizers));
        }
        Values raw = new Values() {
            @Override
            public String raw(String column) {
                Integer i = layout.position().get(column);
                return i == null ? "CAST(NULL AS VARCHAR)" : "x.c" + i;
            }

            @Override
            public String typed(String column) {
                return Checks.typed(feed.column(column).orElseThrow(), raw(column));
            }
        };
        List<Check> checks = new ArrayList<>(Checks.of(feed, raw));
        checks.addAll(lateChecks(raw));
        String code = checks.stream().map(c -> " WHEN " + c.id() + " THEN " + str(c.code()))
                .collect(Collectors.joining("", "CASE b.chk", " END"));
        String column = checks.stream().map(c -> " WHEN " + c.id() + " THEN " + str(c.column()))
                .collect(Collectors.joining("", "CASE b.chk", " END"));
        String message = checks.stream().map(c -> " WHEN " + c.id() + " THEN " + c.message())
                .collect(Collectors.joining("", "CASE b.chk", " END"));
        String files = affected.stream().map(in -> String.valueOf(in.index())).collect(Collectors.joining(", "));
        Sql.exec(db, "INSERT INTO rejects SELECT " + str(feed.name()) + ", f.name, b.line, " + column + ", " + code
                + ", " + message + ", " + cut(csvLine(layout.width())) + " FROM " + BADL + " b JOIN " + FILES
                + " f ON f._f = b._f LEFT JOIN " + FILES + " ff ON ff._f = b.first_f JOIN " + RAW
                + " x ON x._f = b._f AND x.k = b.k"
                + " WHERE b._f IN (" + files + ") ORDER BY b._f, b.line");
    }

    /**
     * Checks made once the typed table exists, by joins rather than per row (hence the condition
     * {@code false}); their message SQL reads the raw row and the bad-row details.
     */
    private List<Check> lateChecks(Values raw) {
        List<Check> out = new ArrayList<>();
        String sub = Checks.shown("trim(" + raw.raw("subscriber_id") + ")");
        if (feed.link() == Feed.Link.SUBSCRIBER) {
            out.add(new Check(Checks.REF_SUBSCRIBER, "REFERENCE", "subscriber_id", "false",
                    "'subscriber_id ' || " + sub + " || ' is not in subscribers (unknown or rejected there)'"));
        }
        if (feed.link() == Feed.Link.SNAPSHOT) {
            out.add(new Check(Checks.REF_PLAN, "REFERENCE", "plan_id", "false", "'plan_id ' || "
                    + Checks.shown("trim(" + raw.raw("plan_id") + ")") + " || ' is not in plans (unknown or rejected there)'"));
            out.add(new Check(Checks.REF_ADDON, "REFERENCE", "addon_ids", "false", "'addon_ids ' || "
                    + Checks.shown("trim(" + raw.raw("addon_ids") + ")") + " || ': ' || b.detail"
                    + " || ' is not in addons (unknown or rejected there)'"));
        }
        if (!feed.key().isEmpty()) {
            List<String> key = feed.key().stream().map(k -> k.equals(Feed.SUB_IDX) ? "subscriber_id" : k).toList();
            String values = key.stream().map(k -> "coalesce(trim(" + raw.raw(k) + "), '')")
                    .collect(Collectors.joining(" || ', ' || "));
            out.add(new Check(Checks.DUPLICATE, "DUPLICATE_KEY", String.join(",", key), "false",
                    "'duplicate " + (key.size() > 1 ? "(" + String.join(", ", key) + ") (" : key.get(0) + " ")
                            + "' || " + values + " || '" + (key.size() > 1 ? ")" : "") + ": first seen at line ' || "
                            + "b.first_line || CASE WHEN b.first_f = b._f THEN '' ELSE ' of ' || ff.name END"));
        }
        return out;
    }

    /** SQL re-joining the raw columns {@code x.c0..} as one RFC 4180 CSV line. */
    private static String csvLine(int width) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            String v = "x.c" + i;
            fields.add("CASE WHEN " + v + " IS NULL THEN '' WHEN contains(" + v + ", ',') OR contains(" + v
                    + ", '\"') OR contains(" + v + ", chr(10)) OR contains(" + v + ", chr(13)) THEN '\"' || replace("
                    + v + ", '\"', '\"\"') || '\"' ELSE " + v + " END");
        }
        return "(" + String.join(" || ',' || ", fields) + ")";
    }

    private static String cut(String text) {
        return "CASE WHEN length(" + text + ") > " + RAW_LIMIT + " THEN left(" + text + ", " + RAW_LIMIT
                + ") || '…' ELSE " + text + " END";
    }
}
