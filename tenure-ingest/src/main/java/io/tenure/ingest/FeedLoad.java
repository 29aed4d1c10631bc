package io.tenure.ingest;

import static io.tenure.ingest.Scratch.BAD;
import static io.tenure.ingest.Scratch.CHK;
import static io.tenure.ingest.Scratch.DUPKEYS;
import static io.tenure.ingest.Scratch.FILES;
import static io.tenure.ingest.Scratch.REJ_ERR;
import static io.tenure.ingest.Scratch.REJ_SCAN;
import static io.tenure.ingest.Scratch.STRUCT;
import static io.tenure.ingest.Sql.id;
import static io.tenure.ingest.Sql.str;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Loads one feed. The work is done by DuckDB in a few set-based passes:
 * <ol>
 *   <li>each group of files sharing a header is scanned once as VARCHAR and checked row by row in
 *       SQL (types, required values, codes, ranges, checksums, row rules) into a typed scratch table
 *       whose row order is file order; DuckDB keeps rows it cannot parse aside as structural rejects;</li>
 *   <li>the typed table is built from the good rows, joined to subscribers for {@code sub_idx}
 *       and sorted as the engine needs; anti-joins find unknown references, and duplicate keys are
 *       found as neighbours in key order, keeping the first occurrence in file order;</li>
 *   <li>only when rows were rejected, {@link RejectWriter} explains them.</li>
 * </ol>
 */
final class FeedLoad {
    private static final System.Logger LOG = System.getLogger(FeedLoad.class.getName());

    private final Connection db;
    private final IngestOptions options;
    private final Path dataDir;
    private final Feed feed;
    private final Supplier<SubscriberIndex> subscribers;
    private final List<String> warnings = new ArrayList<>();
    private final List<Path> scratch = new ArrayList<>();
    private final List<String> chkParts = new ArrayList<>();

    FeedLoad(Connection db, IngestOptions options, Path dataDir, Feed feed, Supplier<SubscriberIndex> subscribers) {
        this.db = db;
        this.subscribers = subscribers;
        this.options = options;
        this.dataDir = dataDir;
        this.feed = feed;
    }

    FeedReport run() {
        FeedLocator.Found found = FeedLocator.locate(dataDir, feed.name());
        warnings.addAll(found.warnings());
        if (found.files().isEmpty()) {
            return missing(found);
        }
        String fingerprint = Fingerprint.of(found.files());
        try {
            List<Input> inputs = prepare(found.files());
            List<Layout> layouts = Layout.of(feed, inputs, warnings);
            long read = load(inputs, layouts);
            long loaded = Sql.queryLong(db, "SELECT count(*) FROM " + id(feed.name()));
            Map<String, Long> byReason = new TreeMap<>();
            for (List<String> row : Sql.rows(db, "SELECT reason_code, count(*) FROM rejects WHERE feed = "
                    + str(feed.name()) + " GROUP BY reason_code")) {
                byReason.put(row.get(0), Long.parseLong(row.get(1)));
            }
            FeedReport report = new FeedReport(feed.name(), inputs.stream().map(Input::name).toList(),
                    inputs.stream().map(Input::encoding).distinct().collect(Collectors.joining(", ")),
                    fingerprint, read, loaded, byReason, warnings);
            if (loaded + report.rejected() != read) {
                throw new TenureException(ErrorCode.INTERNAL, "feed " + feed.name() + ": " + read + " rows read but "
                        + loaded + " loaded and " + report.rejected() + " rejected; please report this defect");
            }
            checkRejectLimit(report);
            return report;
        } finally {
            Scratch.drop(db, chkParts.size());
            deleteScratch();
        }
    }

    // ---------------------------------------------------------------- files

    private FeedReport missing(FeedLocator.Found found) {
        if (feed.required()) {
            throw new TenureException(ErrorCode.FEED_MISSING, "required feed " + feed.name() + " is missing: looked for "
                    + String.join(", ", found.lookedAt()) + (found.warnings().isEmpty() ? ""
                    : " (" + String.join("; ", found.warnings()) + ")")
                    + "; export it into the data folder as " + feed.name() + ".csv, " + feed.name()
                    + ".parquet or a folder " + feed.name() + "/ of part files");
        }
        Sql.exec(db, "CREATE OR REPLACE TABLE " + id(feed.name()) + " (" + feed.output().stream()
                .map(c -> id(c) + " " + feed.sqlType(c)).collect(Collectors.joining(", ")) + ")");
        warnings.add("optional feed " + feed.name() + " is absent (looked for " + String.join(", ", found.lookedAt())
                + "); its table is empty");
        return new FeedReport(feed.name(), List.of(), "none", Fingerprint.of(List.of()), 0, 0, Map.of(), warnings);
    }

    private List<Input> prepare(List<SourceFile> files) {
        List<Input> inputs = new ArrayList<>();
        for (SourceFile f : files) {
            int index = inputs.size();
            if (f.format() == SourceFile.Format.PARQUET) {
                List<String> names = parquetColumns(f);
                inputs.add(new Input(index, f, f.path(), "Parquet",
                        names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList(), names));
                continue;
            }
            CharsetSniffer.Result sniffed = CharsetSniffer.detect(f.path(), f.name(), options.encoding());
            CharsetSniffer.Detected enc = sniffed.detected();
            if (sniffed.warning() != null) {
                warnings.add(sniffed.warning());
            }
            Path readPath = f.path();
            if (enc == CharsetSniffer.Detected.GB18030) {
                readPath = options.workDir().resolve(feed.name()).resolve(index + "-"
                        + f.path().getFileName() + ".utf8.csv");
                scratch.add(readPath);
                Transcoder.gb18030ToUtf8(f.path(), readPath, f.name());
            }
            CsvHeader header = CsvHeader.read(readPath, f.name());
            inputs.add(new Input(index, f, readPath, enc.label, header.names(), header.original()));
        }
        return inputs;
    }

    private List<String> parquetColumns(SourceFile f) {
        try {
            return Sql.rows(db, "SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet("
                    + str(f.path().toString()) + "))").stream().map(r -> r.get(0)).toList();
        } catch (TenureException e) {
            throw new TenureException(ErrorCode.FEED_UNREADABLE, f.name() + " is not a readable Parquet file: "
                    + e.getCause().getMessage() + "; re-export it", e);
        }
    }

    // ---------------------------------------------------------------- loading

    /** Loads the typed table and fills the rejects; returns the rows read. */
    private long load(List<Input> inputs, List<Layout> layouts) {
        createFiles(inputs);
        if (layouts.size() == 1 && JavaReader.applies(feed, layouts.get(0).inputs())) {
            long read = loadInJava(layouts.get(0).inputs().get(0));
            if (read >= 0) {
                return read;
            }
        }
        if (feed.link() == Feed.Link.SUBSCRIBER && layouts.size() == 1) {
            long read = loadDirect(layouts.get(0));
            if (read >= 0) {
                return read;
            }
        }
        boolean anyCsv = false;
        long checked = 0;
        StringBuilder view = new StringBuilder();
        for (int i = 0; i < layouts.size(); i++) {
            String part = Scratch.part(i);
            chkParts.add(part);
            check(layouts.get(i), part);
            anyCsv |= layouts.get(i).csv();
            // _r numbers rows across all parts in file order: the part's rowid plus the rows before it
            view.append(i == 0 ? "" : " UNION ALL ").append("SELECT *, rowid + ").append(checked)
                    .append(" AS _r FROM ").append(part);
            checked += Sql.queryLong(db, "SELECT count(*) FROM " + part);
        }
        Sql.exec(db, "CREATE OR REPLACE TEMP VIEW " + CHK + " AS " + view);
        long struct = collectStructural(anyCsv);
        buildTable(layouts.size() > 1);
        Sql.exec(db, "CREATE OR REPLACE TEMP TABLE " + BAD + " AS SELECT _r, _f, CAST(_e AS INTEGER) AS chk,"
                + " CAST(NULL AS VARCHAR) AS detail, CAST(NULL AS BIGINT) AS first_r, CAST(NULL AS INTEGER) AS first_f"
                + " FROM " + CHK + " WHERE _e IS NOT NULL");
        findUnknownReferences();
        findDuplicates();
        long bad = Sql.queryLong(db, "SELECT count(*) FROM " + BAD);
        if (bad > 0 || struct > 0) {
            new RejectWriter(db, feed, inputs, layouts).write();
        }
        Sql.exec(db, "ALTER TABLE " + id(feed.name()) + " DROP COLUMN _f");
        Sql.exec(db, "ALTER TABLE " + id(feed.name()) + " DROP COLUMN _r");
        return checked + struct;
    }

    private void createFiles(List<Input> inputs) {
        Sql.exec(db, "CREATE OR REPLACE TEMP TABLE " + FILES
                + " (_f INTEGER, path VARCHAR, name VARCHAR, header VARCHAR[], transcoded BOOLEAN)");
        StringBuilder values = new StringBuilder();
        for (Input in : inputs) {
            values.append(values.length() == 0 ? "" : ", ").append('(').append(in.index()).append(", ")
                    .append(str(in.readPath().toString())).append(", ").append(str(in.name())).append(", ")
                    .append(Sql.strList(in.original().stream().map(String::strip).toList())).append(", ")
                    .append(in.transcoded()).append(')');
        }
        Sql.exec(db, "INSERT INTO " + FILES + " VALUES " + values);
    }

    /**
     * Pass 1: scans a layout and checks every row into a scratch table whose row order is file order.
     * CREATE TABLE AS, since DuckDB runs an INSERT into an existing temporary table on one thread.
     */
    private void check(Layout layout, String part) {
        String sql = "CREATE OR REPLACE TEMP TABLE " + part + " AS " + checkSelect(layout);
        try {
            Sql.update(db, sql);
        } catch (SQLException e) {
            throw unreadable(layout, e);
        }
    }

    /**
     * The scan of a layout with every value typed and the id of the first check each row fails in {@code _e}
     * (NULL when it passes); {@code _f} is the file index. Rows DuckDB cannot parse go to its reject tables.
     */
    private String checkSelect(Layout layout) {
        Values refs = new Values() {
            @Override
            public String raw(String column) {
                return id("r_" + column);
            }

            @Override
            public String typed(String column) {
                return id("t_" + column);
            }
        };
        List<Check> checks = Checks.of(feed, refs);
        StringBuilder scan = new StringBuilder("SELECT ").append(Layout.fileIndex(layout.inputs())).append(" AS _f");
        StringBuilder typed = new StringBuilder("SELECT _f");
        StringBuilder stored = new StringBuilder("SELECT _f");
        for (Column c : feed.columns()) {
            scan.append(", ").append(layout.contractColumn(c.name())).append(" AS ").append(refs.raw(c.name()));
            typed.append(", ").append(refs.raw(c.name())).append(", ").append(Checks.typed(c, refs.raw(c.name())))
                    .append(" AS ").append(refs.typed(c.name()));
            stored.append(", ").append(Checks.stored(c, refs.typed(c.name()))).append(" AS ").append(id(c.name()));
        }
        stored.append(", CAST(CASE");
        for (Check ch : checks) {
            stored.append(" WHEN ").append(ch.condition()).append(" THEN ").append(ch.id());
        }
        stored.append(" END AS USMALLINT) AS _e");
        scan.append(" FROM ").append(layout.scan(layout.inputs(), REJ_ERR, REJ_SCAN));
        return stored + " FROM (" + typed + " FROM (" + scan + "))";
    }

    private TenureException unreadable(Layout layout, SQLException e) {
        return new TenureException(ErrorCode.FEED_UNREADABLE, "feed " + feed.name() + ": DuckDB cannot read "
                + layout.describe() + ": " + e.getMessage() + "; check that the file is RFC 4180 CSV with one kind"
                + " of line ending (LF or CRLF) and balanced quotes, or valid Parquet", e);
    }

    /**
     * The direct path for a feed of subscribers read in one scan: checked, joined to the subscribers and
     * ordered in a single statement, so its rows are written once instead of twice. It gives the exact
     * path's table only when nothing is wrong: no row fails a check, names an unknown subscriber, breaks
     * the CSV structure or repeats a key. Otherwise everything it made is dropped and the caller takes the
     * exact path, which needs file order to name lines and keep the first of repeated keys.
     *
     * @return the rows read, or -1 when the exact path must run
     */
    private long loadDirect(Layout layout) {
        String table = id(feed.name());
        String cols = feed.output().stream().map(c -> c.equals(Feed.SUB_IDX) ? "s.sub_idx" : "c." + id(c))
                .collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("CREATE OR REPLACE TABLE " + table + " AS SELECT " + cols + ", c._e FROM ("
                + checkSelect(layout) + ") c LEFT JOIN (SELECT subscriber_id, sub_idx FROM " + id(Contract.SUBSCRIBERS)
                + ") s ON s.subscriber_id = c.subscriber_id");
        if (!feed.order().isEmpty()) {
            sql.append(" ORDER BY ").append(orderBy());
        } else {
            Sql.exec(db, "SET preserve_insertion_order = false");
        }
        try {
            Sql.update(db, sql.toString());
        } catch (SQLException e) {
            throw unreadable(layout, e);
        } finally {
            Sql.exec(db, "SET preserve_insertion_order = true");
        }
        long read = Sql.queryLong(db, "SELECT count(*) FROM " + table);
        boolean clean = collectStructural(layout.csv()) == 0
                && Sql.queryLong(db, "SELECT count(*) FROM " + table + " WHERE _e IS NOT NULL OR sub_idx IS NULL") == 0
                && !repeatsKey(table);

        if (!clean) {
            Sql.exec(db, "DROP TABLE " + table);
            Sql.exec(db, "DROP TABLE IF EXISTS temp.main." + REJ_ERR);
            Sql.exec(db, "DROP TABLE IF EXISTS temp.main." + REJ_SCAN);
            Sql.exec(db, "DROP TABLE IF EXISTS temp.main." + STRUCT);
            return -1;
        }
        Sql.exec(db, "ALTER TABLE " + table + " DROP COLUMN _e");
        return read;
    }

    private String orderBy() {
        return feed.order().stream().map(Sql::id).collect(Collectors.joining(", "));
    }

    /**
     * The typed table read by {@link JavaReader}, sorted and checked for repeated keys only when the file's
     * own order did not already settle it, and for the snapshot's references to plans and addons; -1 when the
     * reader gave up or a check found something, with nothing left behind.
     */
    private long loadInJava(Input in) {
        String table = id(feed.name());
        try {
            SubscriberIndex index = null;
            if (feed.link() == Feed.Link.SUBSCRIBER) {
                index = subscribers.get();
                if (index == null) {
                    return -1;
                }
            }
            JavaReader.Outcome read = JavaReader.load(db, table, feed, in, index,
                    Runtime.getRuntime().availableProcessors());
            if (!read.ordered()) {
                Sql.exec(db, "CREATE OR REPLACE TABLE " + table + " AS SELECT * FROM " + table + " ORDER BY " + orderBy());
            }
            if ((!read.keyUnique() && repeatsKey(table)) || (feed.link() == Feed.Link.SNAPSHOT && refersToUnknown(table))) {
                LOG.log(System.Logger.Level.DEBUG, "feed " + feed.name() + " repeats a key or refers to something"
                        + " unknown: the exact path names the rows");
                Sql.exec(db, "DROP TABLE " + table);
                return -1;
            }
            return read.rows();
        } catch (IOException | SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "feed " + feed.name() + " takes the SQL checks: " + e.getMessage());
            Sql.exec(db, "DROP TABLE IF EXISTS " + table);
            return -1;
        }
    }

    /**
     * Whether a key repeats in the direct path's table: as neighbours when the table is sorted by the key;
     * for a subscriber and a date or month, by a bit per day or month in buckets of 64 (a repeated key sets
     * one bit for two rows), one pass grouping by subscriber, far cheaper than grouping millions of keys;
     * otherwise by grouping.
     */
    private boolean repeatsKey(String table) {
        List<String> key = feed.key().stream().map(Sql::id).toList();
        if (key.isEmpty()) {
            return false;
        }
        if (feed.keyLeadsOrder()) {
            return Sql.queryLong(db, "SELECT count(*) FROM (" + repeatedNeighbours(table, "OVER ()") + ")") > 0;
        }
        ColumnType second = key.size() == 2 && feed.key().get(0).equals(Feed.SUB_IDX)
                ? feed.column(feed.key().get(1)).map(Column::type).orElse(null) : null;
        if (second == ColumnType.DATE || second == ColumnType.MONTH) {
            String days = second == ColumnType.DATE ? "(" + key.get(1) + " - DATE '2000-01-01')"
                    : "(CAST(substr(" + key.get(1) + ", 1, 4) AS INTEGER) * 12 + CAST(substr(" + key.get(1)
                    + ", 6, 2) AS INTEGER))";
            String bit = "((" + days + " % 64 + 64) % 64)";
            return Sql.queryLong(db, "SELECT count(*) FROM (SELECT count(*) AS n, bit_count(bit_or(CAST(1 AS UBIGINT) << "
                    + "CAST(" + bit + " AS INTEGER))) AS d FROM " + table + " GROUP BY " + key.get(0) + ", (" + days + " - "
                    + bit + ") // 64) WHERE n <> d") > 0;
        }
        return Sql.queryLong(db, "SELECT count(*) FROM (SELECT " + String.join(", ", key) + " FROM " + table
                + " GROUP BY ALL HAVING count(*) > 1)") > 0;
    }

    /** Rows DuckDB could not parse, one per record, with the file they came from. */
    private long collectStructural(boolean anyCsv) {
        if (!anyCsv) {
            Sql.exec(db, "CREATE OR REPLACE TEMP TABLE " + STRUCT + " (_f INTEGER, unit BIGINT, col VARCHAR,"
                    + " etype VARCHAR, msg VARCHAR, csv_line VARCHAR)");
            return 0;
        }
        Sql.exec(db, "CREATE OR REPLACE TEMP TABLE " + STRUCT + " AS SELECT f._f, e.line - 1 AS unit,"
                + " arg_min(e.column_name, e.byte_position) AS col, arg_min(CAST(e.error_type AS VARCHAR),"
                + " e.byte_position) AS etype, arg_min(e.error_message, e.byte_position) AS msg,"
                + " arg_min(e.csv_line, e.byte_position) AS csv_line FROM " + REJ_ERR + " e JOIN " + REJ_SCAN
                + " s ON s.scan_id = e.scan_id AND s.file_id = e.file_id JOIN " + FILES + " f ON f.path = s.file_path"
                + " GROUP BY f._f, e.line");
        return Sql.queryLong(db, "SELECT count(*) FROM " + STRUCT);
    }

    /**
     * Pass 2: the typed table from the rows that passed, with helper columns _f and _r dropped at the end.
     *
     * @param parts whether the scratch rows come from several scans, so only an explicit sort keeps file order
     */
    private void buildTable(boolean parts) {
        String cols = feed.output().stream().map(c -> c.equals(Feed.SUB_IDX)
                ? (feed.link() == Feed.Link.SNAPSHOT ? "c._r AS sub_idx" : "s.sub_idx")
                : "c." + id(c)).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("CREATE OR REPLACE TABLE " + id(feed.name()) + " AS SELECT " + cols
                + ", c._f, c._r FROM " + CHK + " c");
        if (feed.link() == Feed.Link.SUBSCRIBER) {
            sql.append(" LEFT JOIN (SELECT subscriber_id, sub_idx FROM ").append(id(Contract.SUBSCRIBERS))
                    .append(") s ON s.subscriber_id = c.subscriber_id");
        }
        sql.append(" WHERE c._e IS NULL");
        if (!feed.order().isEmpty()) {
            // nulls last: rows of unknown subscribers end up at the tail, removed below
            sql.append(" ORDER BY ").append(feed.order().stream().map(Sql::id).collect(Collectors.joining(", ")))
                    .append(", _r");
        } else if (feed.link() == Feed.Link.SNAPSHOT && parts) {
            sql.append(" ORDER BY _r");
        }
        boolean anyOrder = feed.order().isEmpty() && feed.link() != Feed.Link.SNAPSHOT;
        if (anyOrder) {
            // no physical order is promised, so DuckDB may write the rows as its threads produce them
            Sql.exec(db, "SET preserve_insertion_order = false");
        }
        try {
            Sql.exec(db, sql.toString());
        } finally {
            if (anyOrder) {
                Sql.exec(db, "SET preserve_insertion_order = true");
            }
        }
    }

    private void findUnknownReferences() {
        String table = id(feed.name());
        long found = 0;
        if (feed.link() == Feed.Link.SUBSCRIBER) {
            found += update("INSERT INTO " + BAD + " SELECT _r, _f, " + Checks.REF_SUBSCRIBER + ", NULL, NULL, NULL FROM "
                    + table + " WHERE sub_idx IS NULL");
        } else if (feed.link() == Feed.Link.SNAPSHOT) {
            found += update("INSERT INTO " + BAD + " SELECT _r, _f, " + Checks.REF_PLAN + ", NULL, NULL, NULL"
                    + unknownPlans(table));
            found += update("INSERT INTO " + BAD + " SELECT _r, _f, " + Checks.REF_ADDON + ", min(a), NULL, NULL"
                    + unknownAddons(table, "_r, _f, ") + " AND NOT EXISTS (SELECT 1 FROM " + BAD + " b WHERE b._r = x._r)"
                    + " GROUP BY _r, _f");
        }
        if (found > 0) {
            Sql.exec(db, "DELETE FROM " + table + " WHERE _r IN (SELECT _r FROM " + BAD + " WHERE chk >= "
                    + Checks.REF_SUBSCRIBER + ")");
        }
    }

    /**
     * Later rows repeating a key are rejected; the first in file order stays. Repeats are neighbours
     * in key then file order: a streaming pass over a table already sorted that way, otherwise a
     * window sorting just the key (cheaper than grouping millions of distinct keys).
     */
    private void findDuplicates() {
        if (feed.key().isEmpty()) {
            return;
        }
        if (!feed.keyLeadsOrder() && increasingInFileOrder()) {
            return;
        }
        String table = id(feed.name());
        String keys = feed.key().stream().map(Sql::id).collect(Collectors.joining(", "));
        String over = feed.keyLeadsOrder() ? "OVER ()" : "OVER (ORDER BY " + keys + ", _r)";
        Sql.exec(db, "CREATE OR REPLACE TEMP TABLE " + DUPKEYS + " AS SELECT DISTINCT " + keys + " FROM ("
                + repeatedNeighbours(table, over) + ")");
        if (Sql.queryLong(db, "SELECT count(*) FROM " + DUPKEYS) == 0) {
            return;
        }
        String on = feed.key().stream().map(k -> "t." + id(k) + " = m." + id(k)).collect(Collectors.joining(" AND "));
        String semi = feed.key().stream().map(k -> "t." + id(k) + " = d." + id(k)).collect(Collectors.joining(" AND "));
        Sql.exec(db, "INSERT INTO " + BAD + " SELECT t._r, t._f, " + Checks.DUPLICATE + ", NULL, m.first_r, m.first_f"
                + " FROM " + table + " t JOIN (SELECT " + feed.key().stream().map(k -> "t." + id(k))
                .collect(Collectors.joining(", ")) + ", min(t._r) AS first_r, arg_min(t._f, t._r) AS first_f FROM "
                + table + " t SEMI JOIN " + DUPKEYS + " d ON " + semi + " GROUP BY ALL) m ON " + on
                + " WHERE t._r <> m.first_r");
        Sql.exec(db, "DELETE FROM " + table + " WHERE _r IN (SELECT _r FROM " + BAD + " WHERE chk = "
                + Checks.DUPLICATE + ")");
    }

    /** Whether a subscriber of the snapshot names a plan or addon the catalogue lacks. */
    private boolean refersToUnknown(String table) {
        return Sql.queryLong(db, "SELECT count(*)" + unknownPlans(table)) > 0
                || Sql.queryLong(db, "SELECT count(*)" + unknownAddons(table, "")) > 0;
    }

    /** SQL from FROM on: the snapshot's rows whose plan the catalogue lacks. */
    private static String unknownPlans(String table) {
        return " FROM " + table + " t WHERE NOT EXISTS (SELECT 1 FROM " + id(Contract.PLANS) + " p WHERE p.plan_id = t.plan_id)";
    }

    /** SQL from FROM on: each addon id {@code a} of the snapshot the catalogue lacks, with the columns given. */
    private static String unknownAddons(String table, String columns) {
        return " FROM (SELECT " + columns + "unnest(string_split(addon_ids, ';')) AS a FROM " + table
                + " WHERE addon_ids IS NOT NULL) x WHERE NOT EXISTS (SELECT 1 FROM " + id(Contract.ADDONS)
                + " d WHERE d.addon_id = x.a)";
    }

    /** SQL: the keys of the table's rows that repeat the key of the row before them in the window's order. */
    private String repeatedNeighbours(String table, String over) {
        List<String> key = feed.key().stream().map(Sql::id).toList();
        StringBuilder lag = new StringBuilder();
        StringBuilder same = new StringBuilder();
        for (int i = 0; i < key.size(); i++) {
            lag.append(", lag(").append(key.get(i)).append(") ").append(over).append(" AS _p").append(i);
            same.append(i == 0 ? "" : " AND ").append(key.get(i)).append(" = _p").append(i);
        }
        return "SELECT " + String.join(", ", key) + " FROM (SELECT " + String.join(", ", key) + lag + " FROM " + table
                + ") WHERE " + same;
    }

    /**
     * Exports are often sorted by their key. When the checked rows of a single scan strictly increase
     * by key in file order, no key repeats, and one streaming pass spares sorting millions of keys.
     */
    private boolean increasingInFileOrder() {
        if (chkParts.size() != 1) {
            return false;
        }
        List<String> key = feed.key().stream().map(k -> id(k.equals(Feed.SUB_IDX) ? "subscriber_id" : k)).toList();
        StringBuilder lag = new StringBuilder();
        for (int i = 0; i < key.size(); i++) {
            lag.append(", lag(").append(key.get(i)).append(") OVER () AS _p").append(i);
        }
        return Sql.queryLong(db, "SELECT count(*) FROM (SELECT " + String.join(", ", key) + lag + " FROM "
                + chkParts.get(0) + " WHERE _e IS NULL) WHERE _p0 IS NOT NULL AND NOT (" + after(key, 0) + ")") == 0;
    }

    /** SQL: the key from position i on sorts after the previous row's ({@code _p<i>}...). */
    private static String after(List<String> key, int i) {
        String greater = key.get(i) + " > _p" + i;
        return i == key.size() - 1 ? greater
                : greater + " OR (" + key.get(i) + " = _p" + i + " AND (" + after(key, i + 1) + "))";
    }

    // ---------------------------------------------------------------- limits and cleanup

    private void checkRejectLimit(FeedReport report) {
        long read = report.read();
        long rejected = report.rejected();
        if (read == 0 || rejected <= options.rejectLimit() * read) {
            return;
        }
        StringBuilder top = new StringBuilder();
        for (List<String> row : Sql.rows(db, "SELECT reason_code, count(*) AS n, arg_min(file || ' line ' || line"
                + " || ': ' || reason, (file, line)) FROM rejects WHERE feed = " + str(feed.name())
                + " GROUP BY reason_code ORDER BY n DESC, reason_code LIMIT 3")) {
            top.append(top.length() == 0 ? "" : "; ").append(row.get(0)).append(' ').append(row.get(1))
                    .append(" rows, e.g. ").append(row.get(2));
        }
        throw new TenureException(ErrorCode.REJECT_LIMIT_EXCEEDED, String.format(Locale.ROOT,
                "feed %s: %.2f%% of its rows were rejected (%d of %d), above the limit of %.2f%%. Top reasons: %s."
                        + " Every rejected row is listed with file, line, column and reason in the rejects output;"
                        + " fix the export, or if these rows may be dropped raise the limit with --reject-limit or"
                        + " the configuration key ingest.reject-limit",
                feed.name(), 100.0 * rejected / read, rejected, read, 100.0 * options.rejectLimit(), top));
    }

    private long update(String sql) {
        try {
            return Sql.update(db, sql);
        } catch (SQLException e) {
            throw Sql.engineFailure(sql, e);
        }
    }

    private void deleteScratch() {
        Set<Path> dirs = new HashSet<>();
        for (Path p : scratch) {
            try {
                Files.deleteIfExists(p);
                dirs.add(p.getParent());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not delete the scratch file " + p + ": " + e);
            }
        }
        for (Path d : dirs) {
            try {
                Files.deleteIfExists(d);
            } catch (IOException e) {
                // not empty or busy: leave it
            }
        }
    }
}
