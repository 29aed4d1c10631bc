package io.tenure.ingest;

import com.sun.management.OperatingSystemMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;

/**
 * Times {@link FeedLoader#loadAll} on a synthetic province: random but valid rows for every feed
 * (6 months of bills and usage, about 20 daily usage rows per subscriber), written as CSV by DuckDB.
 *
 * <p>Usage: {@code IngestBench [subscribers=1000000] [folder]}. An existing folder with
 * {@code subscribers.csv} is reused as is; otherwise the data is generated there (default: a
 * temporary folder, deleted afterwards). {@code -Dtrace=true} prints every statement with its time ({@code -Dtrace=full}: not shortened);
 * {@code -Dmemory=2GB} caps DuckDB's memory, spilling to a temporary folder; {@code -Dthreads=N} sets the engine's threads (2);
 * {@code -Ddb=file} loads into a
 * compressed database file instead of memory.
 */
public final class IngestBench {
    private static final String[] SURNAMES = {"张", "王", "李", "赵", "陈", "刘", "杨", "黄", "吴", "林"};

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("trace") != null) {
            traceStatements("full".equals(System.getProperty("trace")) ? Level.ALL : Level.FINE);
        }
        long subscribers = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        boolean temporary = args.length < 2;
        Path dir = temporary ? Files.createTempDirectory("tenure-bench") : Path.of(args[1]);
        try {
            if (!Files.exists(dir.resolve("subscribers.csv"))) {
                long t0 = System.nanoTime();
                generate(dir, subscribers);
                System.out.printf(Locale.ROOT, "generated %,d subscribers in %.1f s into %s (%,d MB)%n", subscribers,
                        seconds(t0), dir, size(dir) >> 20);
            }
            Path work = Files.createTempDirectory("tenure-bench-work");
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + (System.getProperty("db") == null ? ""
                    : work.resolve("feeds.duckdb"))); Statement st = db.createStatement()) {
                st.execute("SET threads = " + Integer.getInteger("threads", 2));
                String flush = System.getProperty("flush");
                if (flush != null) {
                    st.execute("SET allocator_flush_threshold = '" + flush + "'");
                    st.execute("SET allocator_bulk_deallocation_flush_threshold = '" + flush + "'");
                }
                String memory = System.getProperty("memory");
                if (memory != null) {
                    st.execute("SET memory_limit = '" + memory + "'");
                    st.execute("SET temp_directory = '" + work.resolve("spill") + "'");
                }
                OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                IngestResult result = new FeedLoader(db, IngestOptions.defaults(work)).loadAll(dir);
                double s = seconds(t0);
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                long rows = 0;
                for (FeedReport f : result.feeds()) {
                    rows += f.read();
                    System.out.printf(Locale.ROOT, "%-12s read %,12d  loaded %,12d  rejected %,d%n", f.feed(), f.read(),
                            f.loaded(), f.rejected());
                }
                System.out.printf(Locale.ROOT, "loaded %,d rows (%,d MB of CSV) in %.2f s: %,.0f rows/s;"
                        + " %.1f s of CPU (%.1f cores busy on average)%n", rows, size(dir) >> 20, s, rows / s, cpu, cpu / s);
            } finally {
                delete(work);
            }
        } finally {
            if (temporary) {
                delete(dir);
            }
        }
    }

    /** Prints each SQL statement of the load with its duration. */
    private static void traceStatements(Level level) {
        Logger log = Logger.getLogger("io.tenure.ingest");
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(level);
        handler.setFormatter(new SimpleFormatter() {
            @Override
            public String format(LogRecord r) {
                return r.getMessage() + System.lineSeparator();
            }
        });
        log.addHandler(handler);
        log.setLevel(level);
    }

    static void generate(Path dir, long n) throws SQLException, IOException {
        Files.createDirectories(dir);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET threads = 2");
            st.execute("SET TimeZone = 'Asia/Shanghai'");
            // hash(i, salt) gives reproducible pseudo-random numbers per row
            st.execute("CREATE MACRO rnd(i, salt, m) AS CAST(hash(i, salt) % m AS BIGINT)");
            st.execute("CREATE MACRO money(i, salt, m) AS CAST(rnd(i, salt, m * 100) / 100.0 AS DECIMAL(18,2))");
            copy(st, dir, "plans", "SELECT 'P' || i AS plan_id, '畅享' || (18 + i * 10) || '元套餐' AS name,"
                    + " CAST(18 + i * 10 AS DECIMAL(18,2)) AS monthly_fee, 50 * i AS voice_min, 1024 * i AS data_mb,"
                    + " 10 * i AS sms, 0.19 AS voice_rate, 5.00 AS data_rate_per_gb, 0.10 AS sms_rate,"
                    + " CASE WHEN i % 3 = 0 THEN '5G' ELSE '4G' END AS network, CASE WHEN i < 28 THEN 'Y' ELSE 'N' END"
                    + " AS published FROM range(1, 31) t(i)");
            copy(st, dir, "addons", "SELECT 'A' || i AS addon_id, CASE WHEN i % 2 = 0 THEN '流量包' ELSE '语音包' END || i"
                    + " AS name, CASE WHEN i % 2 = 0 THEN 'DATA' ELSE 'VOICE' END AS kind, CAST(5 * i AS DECIMAL(18,2))"
                    + " AS monthly_fee, CASE WHEN i % 2 = 1 THEN 100 * i END AS voice_min, CASE WHEN i % 2 = 0"
                    + " THEN 1024 * i END AS data_mb, 'Y' AS published FROM range(1, 11) t(i)");
            String first17 = "('35' || lpad(CAST(rnd(i, 1, 10000) AS VARCHAR), 4, '0') || strftime(DATE '1950-01-01'"
                    + " + CAST(rnd(i, 2, 20000) AS INTEGER), '%Y%m%d') || lpad(CAST(rnd(i, 3, 1000) AS VARCHAR), 3, '0'))";
            StringBuilder names = new StringBuilder("[");
            for (String s : SURNAMES) {
                names.append(names.length() > 1 ? ", " : "").append('\'').append(s).append('\'');
            }
            names.append(']');
            copy(st, dir, "subscribers", "SELECT 'S' || lpad(CAST(i AS VARCHAR), 9, '0') AS subscriber_id,"
                    + " CAST(13000000000 + i AS VARCHAR) AS msisdn, 'C' || (i // 2) AS customer_id,"
                    + " " + names + "[rnd(i, 4, 10) + 1] || '某' || (i % 1000) AS customer_name,"
                    + " " + first17 + " || " + Checks.idCheckChar(first17) + " AS id_number,"
                    + " CASE WHEN i % 2 = 0 THEN 'M' ELSE 'F' END AS gender, DATE '1950-01-01' + CAST(rnd(i, 2, 20000)"
                    + " AS INTEGER) AS birth_date, '三明市' AS city, ['永安市', '沙县区', '三元区', '明溪县'][rnd(i, 5, 4) + 1]"
                    + " AS county, DATE '2005-01-01' + CAST(rnd(i, 6, 7000) AS INTEGER) AS activation_date,"
                    + " 'P' || (1 + rnd(i, 7, 27)) AS plan_id, CASE rnd(i, 8, 4) WHEN 0 THEN 'A1;A2' WHEN 1 THEN 'A3'"
                    + " END AS addon_ids, ['ACTIVE', 'ACTIVE', 'ACTIVE', 'SUSPENDED', 'CANCELLED'][rnd(i, 9, 5) + 1] AS"
                    + " status, 'Y' AS real_name, CASE WHEN i % 50 = 0 THEN 'ENTERPRISE' ELSE 'PERSON' END AS owner_type,"
                    + " ['NONE', 'SILVER', 'GOLD', 'DIAMOND'][rnd(i, 10, 4) + 1] AS vip_level,"
                    + " CASE rnd(i, 11, 6) WHEN 0 THEN 'MIN_SPEND' WHEN 1 THEN 'HANDSET' END AS contract_kind,"
                    + " CASE WHEN rnd(i, 11, 6) < 2 THEN DATE '2026-01-01' + CAST(rnd(i, 12, 900) AS INTEGER) END AS"
                    + " contract_end_date, CASE WHEN rnd(i, 11, 6) = 0 THEN 58.00 END AS min_spend,"
                    + " CASE WHEN i % 7 = 0 THEN 'F' || (i // 7) END AS family_id, NULL AS group_id,"
                    + " CASE WHEN i % 3 = 0 THEN 'Y' ELSE 'N' END AS broadband_bundle, 'Y' AS handset_5g, 'N' AS dual_sim,"
                    + " CASE WHEN i % 4 = 0 THEN 'N' ELSE 'Y' END AS marketing_consent, 'N' AS dnd,"
                    + " CASE WHEN i % 20 = 0 THEN money(i, 13, 200) ELSE 0.00 END AS arrears, NULL AS last_port_in_date,"
                    + " NULL AS account_manager_id FROM range(" + n + ") t(i)");
            String sub = "'S' || lpad(CAST(i // 6 AS VARCHAR), 9, '0')";
            String month = "'2026-0' || (1 + i % 6)";
            copy(st, dir, "bills", "SELECT subscriber_id, month, plan_fee, addon_fee, voice_overage_fee,"
                    + " data_overage_fee, sms_fee, intl_roaming_fee, idd_fee, vas_fee, min_spend_topup, discount,"
                    + " plan_fee + addon_fee + voice_overage_fee + data_overage_fee + sms_fee + intl_roaming_fee"
                    + " + idd_fee + vas_fee + min_spend_topup - discount AS total_fee FROM (SELECT " + sub
                    + " AS subscriber_id, " + month + " AS month, CAST(18 + 10 * rnd(i, 20, 27) AS DECIMAL(18,2)) AS"
                    + " plan_fee, money(i, 21, 30) AS addon_fee, money(i, 22, 40) AS voice_overage_fee,"
                    + " money(i, 23, 30) AS data_overage_fee, money(i, 24, 5) AS sms_fee, CASE WHEN i % 50 = 0"
                    + " THEN money(i, 25, 200) ELSE 0.00 END AS intl_roaming_fee, money(i, 26, 3) AS idd_fee,"
                    + " money(i, 27, 20) AS vas_fee, 0.00 AS min_spend_topup, money(i, 28, 10) AS discount"
                    + " FROM range(" + (n * 6) + ") t(i))");
            copy(st, dir, "usage", "SELECT " + sub + " AS subscriber_id, " + month + " AS month, rnd(i, 30, 1500)"
                    + " AS voice_min, CAST(rnd(i, 31, 4000000) / 100.0 AS DECIMAL(18,2)) AS data_mb, rnd(i, 32, 200) AS sms,"
                    + " rnd(i, 33, 300) AS offnet_voice_min, rnd(i, 34, 3) AS intl_roaming_min, rnd(i, 35, 5) AS idd_min,"
                    + " rnd(i, 36, 32) AS active_days, rnd(i, 37, 2) AS rival_hotline_calls, rnd(i, 38, 3) AS"
                    + " own_hotline_calls FROM range(" + (n * 6) + ") t(i)");
            copy(st, dir, "usage_daily", "SELECT 'S' || lpad(CAST(i // 20 AS VARCHAR), 9, '0') AS subscriber_id,"
                    + " DATE '2026-07-01' + CAST(i % 20 AS INTEGER) AS date, rnd(i, 40, 60) AS voice_min,"
                    + " CAST(rnd(i, 41, 200000) / 100.0 AS DECIMAL(18,2)) AS data_mb, rnd(i, 42, 10) AS sms"
                    + " FROM range(" + (n * 20) + ") t(i)");
            copy(st, dir, "vas", "SELECT 'S' || lpad(CAST(i * 2 AS VARCHAR), 9, '0') AS subscriber_id, 'V' || rnd(i, 50, 40)"
                    + " AS service_id, '彩铃' AS name, money(i, 51, 10) AS monthly_fee, DATE '2024-01-01' + CAST(rnd(i, 52, 600)"
                    + " AS INTEGER) AS subscribed_on, CASE WHEN i % 3 > 0 THEN DATE '2026-06-01' + CAST(rnd(i, 53, 30) AS"
                    + " INTEGER) END AS last_used_on, rnd(i, 54, 30) AS uses_30d FROM range(" + (n / 2) + ") t(i)");
            copy(st, dir, "complaints", "SELECT 'K' || i AS complaint_id, 'S' || lpad(CAST(i * 20 AS VARCHAR), 9, '0')"
                    + " AS subscriber_id, TIMESTAMP '2026-06-01 08:00:00' + to_seconds(rnd(i, 60, 5000000)) AS created_at,"
                    + " ['HOTLINE', 'APP', 'STORE', 'REGULATOR'][rnd(i, 61, 4) + 1] AS channel, 'BILLING' AS category,"
                    + " '话费太高, 要求解释' AS text, NULL AS closed_at, 'N' AS resolved FROM range(" + (n / 20) + ") t(i)");
            copy(st, dir, "surveys", "SELECT 'Q' || i AS survey_id, 'S' || lpad(CAST(i * 10 AS VARCHAR), 9, '0') AS"
                    + " subscriber_id, DATE '2026-06-01' + CAST(rnd(i, 70, 50) AS INTEGER) AS survey_date,"
                    + " 1 + rnd(i, 71, 10) AS overall, 1 + rnd(i, 72, 10) AS network, NULL AS tariff, NULL AS service,"
                    + " NULL AS billing FROM range(" + (n / 10) + ") t(i)");
            copy(st, dir, "mnp_events", "SELECT 'E' || i AS event_id, CAST(13000000000 + i * 50 AS VARCHAR) AS msisdn,"
                    + " TIMESTAMP '2026-06-01 08:00:00' + to_seconds(rnd(i, 80, 5000000)) AS event_time,"
                    + " ['QUERY', 'AUTH_CODE', 'PORT_OUT'][rnd(i, 81, 3) + 1] AS type, 'CMCC' AS counterpart, 'SMS' AS"
                    + " channel, NULL AS reason FROM range(" + (n / 50) + ") t(i)");
            copy(st, dir, "contacts", "SELECT 'S' || lpad(CAST(i AS VARCHAR), 9, '0') AS subscriber_id,"
                    + " TIMESTAMP '2026-06-01 09:00:00' + to_seconds(rnd(i, 90, 5000000)) AS contact_time,"
                    + " ['SMS', 'CALL', 'APP'][rnd(i, 91, 3) + 1] AS channel, 'MARKETING' AS purpose, 'CMP1' AS campaign_id,"
                    + " 'ACT1' AS action_id, 'DELIVERED' AS outcome FROM range(" + n + ") t(i)");
        }
    }

    private static void copy(Statement st, Path dir, String feed, String select) throws SQLException {
        st.execute("COPY (" + select + ") TO '" + dir.resolve(feed + ".csv") + "' (FORMAT csv, HEADER)");
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
