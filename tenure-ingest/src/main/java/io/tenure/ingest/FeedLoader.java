package io.tenure.ingest;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Loads the feeds of the data contract from a data folder into typed DuckDB tables.
 *
 * <p>Each feed is found as {@code <feed>.csv}, {@code <feed>.parquet} or a folder {@code <feed>/}
 * of part files; CSV is UTF-8 (with or without BOM) or GBK/GB18030, transcoded to UTF-8 in the work
 * directory first. DuckDB scans, checks and types every row in SQL; a row breaking the contract is not
 * loaded but written to the {@code rejects} table with feed, file, line, column, reason code, reason
 * text and the original row. Feeds load in dependency order: plans, addons, subscribers, then the
 * feeds referring to subscribers.
 *
 * <p>Tables created (replaced) in the connection: {@code plans}, {@code addons}, {@code subscribers},
 * {@code bills}, {@code usage}, {@code usage_daily}, {@code vas}, {@code complaints}, {@code surveys},
 * {@code mnp_events}, {@code contacts} and {@code rejects}. {@code subscribers} carries {@code sub_idx},
 * the subscriber's row position in the snapshot, and the feeds of subscribers carry the same
 * {@code sub_idx} in place of {@code subscriber_id} (join {@code subscribers} for the id). Physical
 * order, so that reading a range of subscribers touches few row groups:
 * {@code subscribers} by {@code sub_idx}, {@code bills} and {@code usage} by {@code (sub_idx, month)},
 * {@code vas} by {@code sub_idx}; the other tables have no particular order.
 *
 * <p>Reason codes of rejects: {@code REQUIRED}, {@code TYPE_MONEY} (at most 2 decimals; trailing zeros
 * beyond are fine), {@code TYPE_INT} ({@code 12.0} is accepted as 12), {@code TYPE_DECIMAL},
 * {@code TYPE_DATE} ({@code YYYY-MM-DD}), {@code TYPE_MONTH} ({@code YYYY-MM}), {@code TYPE_TIMESTAMP},
 * {@code TYPE_FLAG}, {@code ENUM} (codes match in any case and are stored upper case), {@code RANGE},
 * {@code MSISDN}, {@code ID_CHECKSUM} (GB 11643), {@code BILL_TOTAL} (±0.01), {@code REFERENCE},
 * {@code DUPLICATE_KEY} (the first row in file order stays) and {@code STRUCTURE} (rows the CSV parser
 * cannot split or decode). A row is rejected once, for the first rule it breaks in column order.
 * Values are trimmed of surrounding blanks; an empty cell is null.
 *
 * <p>Line numbers: a CSV reject names the physical line where its record starts (the header is
 * line 1), counting lines inside quoted fields and blank lines; a Parquet reject names the 1-based
 * row number in its file.
 *
 * <p>The connection's {@code preserve_insertion_order} (needed to keep file order) and
 * {@code TimeZone} (Asia/Shanghai while reading timestamps without offset) are set for the load and
 * restored afterwards. Memory and spilling follow the connection's {@code memory_limit} and
 * {@code temp_directory}. Not thread-safe: one load per connection at a time.
 */
public final class FeedLoader {
    /** Local time zone of timestamps written without an offset. */
    public static final String TIME_ZONE = "Asia/Shanghai";

    private final Connection db;
    private final IngestOptions options;

    public FeedLoader(Connection duckdb, IngestOptions options) {
        this.db = Objects.requireNonNull(duckdb, "duckdb");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Loads every feed of the contract from the folder.
     *
     * @throws TenureException {@code FEED_MISSING} for an absent required feed or folder,
     *                         {@code FEED_HEADER} for a missing required column, {@code FEED_ENCODING},
     *                         {@code FEED_UNREADABLE}, or {@code REJECT_LIMIT_EXCEEDED} when a feed
     *                         rejects more than the limit (the rejects table then already holds its rows)
     */
    public IngestResult loadAll(Path dataDir) {
        return load(dataDir, Contract.FEEDS);
    }

    /** Loads the tariff catalogue only: the plans and addons feeds, with the same checks and rejects. */
    public IngestResult loadCatalog(Path dataDir) {
        return load(dataDir, List.of(Contract.feed(Contract.PLANS), Contract.feed(Contract.ADDONS)));
    }

    private IngestResult load(Path dataDir, List<Feed> feeds) {
        Objects.requireNonNull(dataDir, "dataDir");
        if (!Files.isDirectory(dataDir)) {
            throw new TenureException(ErrorCode.FEED_MISSING, "the data folder " + dataDir.toAbsolutePath()
                    + " does not exist or is not a folder; point the run at the folder holding the feeds");
        }
        String order = Sql.queryString(db, "SELECT current_setting('preserve_insertion_order')");
        String zone = Sql.queryString(db, "SELECT current_setting('TimeZone')");
        Sql.exec(db, "SET preserve_insertion_order = true");
        Sql.exec(db, "SET TimeZone = " + Sql.str(TIME_ZONE));
        try {
            Sql.exec(db, "CREATE OR REPLACE TABLE rejects (feed VARCHAR, file VARCHAR, line BIGINT,"
                    + " column_name VARCHAR, reason_code VARCHAR, reason VARCHAR, raw VARCHAR)");
            List<FeedReport> reports = new ArrayList<>();
            Supplier<SubscriberIndex> index = new SubscriberIndexOnce();
            for (Feed feed : feeds) {
                reports.add(new FeedLoad(db, options, dataDir, feed, index).run());
            }
            return new IngestResult(reports);
        } finally {
            Sql.exec(db, "SET preserve_insertion_order = " + order);
            Sql.exec(db, "SET TimeZone = " + Sql.str(zone));
        }
    }

    /** The subscriber index for the Java reader, made once the subscribers are loaded; null when it cannot be. */
    private final class SubscriberIndexOnce implements Supplier<SubscriberIndex> {
        private SubscriberIndex index;
        private boolean tried;

        @Override
        public SubscriberIndex get() {
            if (!tried) {
                tried = true;
                try {
                    index = SubscriberIndex.of(db);
                } catch (SQLException | IOException e) {
                    System.getLogger(FeedLoader.class.getName()).log(System.Logger.Level.DEBUG,
                            "no subscriber index, the feeds take the SQL checks: " + e.getMessage());
                }
            }
            return index;
        }
    }
}
