package io.tenure.engine.publish;

import io.tenure.core.care.CareAction;
import io.tenure.core.care.Channel;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.core.fourhigh.Level;
import io.tenure.core.fourhigh.Movement;
import io.tenure.core.fourhigh.Tag;
import io.tenure.core.subscriber.Masking;
import io.tenure.engine.duck.Duck;
import io.tenure.engine.run.Progress;
import io.tenure.report.Lang;
import io.tenure.report.Messages;
import io.tenure.report.xlsx.CellKind;
import io.tenure.report.xlsx.ColumnSpec;
import io.tenure.report.xlsx.CountyListWriter;
import io.tenure.report.xlsx.SheetSpec;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The county lists: one workbook per county, written by as many threads as the engine has. The rows
 * are sorted once into two tables, then each county's rows are read by range and streamed into its
 * workbook.
 *
 * <p>Reading text through JDBC costs about a microsecond per value, numbers a few nanoseconds; so
 * the list tables carry only the columns the sheets show, repeated texts (plan, VIP level, tag, level,
 * movement) as small codes resolved from dictionaries read once, and the per-subscriber texts joined
 * into one value per row.
 */
final class CountyLists {
    /** Separates the per-subscriber texts in the {@code ids} column; marks a null text. */
    private static final String SEP = "\u001f";
    private static final String NULL = "\u001e";

    private final DuckDBConnection conn;
    private final Path dir;
    private final Lang lang;
    private final Messages messages;
    private final LocalDate asOf;
    private final YearMonth month;
    private final LocalDate trackedThrough;
    private final int threads;
    private final Progress progress;
    private final List<String> commonScript;
    /** Whether the subscribers were scored: the lists then have a high-risk sheet. */
    private final boolean risk;
    private List<String> plans;
    private List<String> vips;

    CountyLists(DuckDBConnection conn, Path dir, Lang lang, LocalDate asOf, YearMonth month, LocalDate trackedThrough,
                int threads, Progress progress, List<String> commonScript, boolean risk) {
        this.commonScript = List.copyOf(commonScript);
        this.risk = risk;
        this.conn = conn;
        this.dir = dir;
        this.lang = lang;
        this.messages = Messages.of(lang);
        this.asOf = asOf;
        this.month = month;
        this.trackedThrough = trackedThrough;
        this.threads = Math.max(1, threads);
        this.progress = progress;
    }

    /** Writes lists/&lt;city&gt;/&lt;county&gt;.xlsx for every county with active subscribers. */
    void write() throws IOException, SQLException {
        Duck.exec(conn, "CREATE OR REPLACE TEMP TABLE list_plans AS SELECT plan_id, name,"
                + " CAST(row_number() OVER (ORDER BY plan_id) - 1 AS INTEGER) AS no FROM plans");
        Duck.exec(conn, "CREATE OR REPLACE TEMP TABLE list_vips AS SELECT vip_level,"
                + " CAST(row_number() OVER (ORDER BY vip_level) - 1 AS INTEGER) AS no"
                + " FROM (SELECT DISTINCT vip_level FROM subscribers WHERE vip_level IS NOT NULL)");
        plans = strings("SELECT name FROM list_plans ORDER BY no");
        vips = strings("SELECT vip_level FROM list_vips ORDER BY no");
        Duck.exec(conn, "CREATE OR REPLACE TABLE list_rows AS SELECT f.city, f.county,"
                + " CAST(CASE WHEN f.level IS NULL THEN " + ListSheet.EXITED.ordinal() + " ELSE f.tag_order END AS INTEGER) AS sheet, "
                + ids("f", "f.offer", "f.reason", "f.sms", "f.call_needs", "f.contact_allowed", "f.call_offer")
                + ", v.no AS vip_no, p.no AS plan_no,"
                + " bp.no AS best_fit_plan_no, CAST(" + code("f.care_action", CareAction.values()) + " AS INTEGER) AS action_no,"
                + " CAST(" + code("f.channel", Channel.values()) + " AS INTEGER) AS channel_no, f.saving_avg,"
                + " CAST(" + code("f.tag", Tag.values()) + " AS INTEGER) AS tag_no,"
                + " CAST(" + code("f.level", Level.values()) + " AS INTEGER) AS level_no,"
                + " CAST(" + code("f.movement", Movement.values()) + " AS INTEGER) AS movement_no,"
                + " f.total_fee, f.tariff_fee, f.tariff_share, f.voice_min, f.data_overage_fee, f.data_gb, f.data_use,"
                + " f.voice_use, f.idle_vas_count, f.vas_fee, f.domestic, f.best_fit_cost, f.best_fit_saving, f.min_spend_topup"
                + " FROM fh_out f LEFT JOIN list_vips v ON v.vip_level = f.vip_level"
                + " JOIN list_plans p ON p.plan_id = f.plan_id LEFT JOIN list_plans bp ON bp.plan_id = f.best_fit_plan_id"
                + " ORDER BY f.city, f.county, sheet, f.level_rank, f.prio1 DESC NULLS LAST, f.prio2 DESC NULLS LAST,"
                + " f.subscriber_id, f.tag_order");
        Duck.exec(conn, "CREATE OR REPLACE TABLE list_warnings AS SELECT e.city, e.county, "
                + ids("e", "NULL", "NULL", "e.sms", "e.call_needs", "NULL", "e.call_offer")
                + ", v.no AS vip_no, p.no AS plan_no, CAST(" + code("e.tag", Tag.values()) + " AS INTEGER) AS tag_no,"
                + " CAST(" + code("e.care_action", CareAction.values()) + " AS INTEGER) AS action_no,"
                + " CAST(" + code("e.channel", Channel.values()) + " AS INTEGER) AS channel_no,"
                + " e.projected_fee, e.projected_data_gb, e.projected_voice_min"
                + " FROM ew_out e LEFT JOIN list_vips v ON v.vip_level = e.vip_level"
                + " JOIN list_plans p ON p.plan_id = e.plan_id ORDER BY e.city, e.county, e.projected_fee DESC,"
                + " e.subscriber_id, e.tag");
        Duck.exec(conn, "CREATE OR REPLACE TABLE list_risk AS SELECT s.city, s.county, " + ids("s")
                + ", v.no AS vip_no, p.no AS plan_no, r.probability, r.reason_1, r.reason_2, r.reason_3"
                + " FROM subscribers s"
                + " JOIN risk_rows r ON r.sub_idx = s.sub_idx AND r.band = 'HIGH'"
                + " LEFT JOIN list_vips v ON v.vip_level = s.vip_level JOIN list_plans p ON p.plan_id = s.plan_id"
                + " ORDER BY s.city, s.county, r.probability DESC, s.subscriber_id");
        // largest lists first, so that no thread is left with a big county at the end
        List<String[]> counties = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet r = s.executeQuery("SELECT c.city, c.county FROM (SELECT DISTINCT city, county FROM subscribers"
                     + " WHERE status = 'ACTIVE') c LEFT JOIN (SELECT city, county, count(*) AS n FROM list_rows GROUP BY ALL) l"
                     + " USING (city, county) ORDER BY coalesce(l.n, 0) DESC, c.city, c.county")) {
            while (r.next()) {
                counties.add(new String[]{r.getString(1), r.getString(2)});
            }
        }
        Path lists = dir.resolve("lists");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (String[] c : counties) {
                done.add(pool.submit(() -> {
                    writeCounty(lists, c[0], c[1]);
                    progress.step(1);
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot write the county lists: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenureException(ErrorCode.INTERNAL, "interrupted while writing the county lists", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void writeCounty(Path lists, String city, String county) throws IOException, SQLException {
        Path file = lists.resolve(safe(city)).resolve(safe(county) + ".xlsx");
        Files.createDirectories(file.getParent());
        String where = " WHERE city = ? AND county = ? ";
        try (DuckDBConnection c1 = conn.duplicate(); DuckDBConnection c2 = conn.duplicate(); DuckDBConnection c3 = conn.duplicate();
             PreparedStatement rq = c3.prepareStatement("SELECT * EXCLUDE (city, county) FROM list_risk" + where + "ORDER BY rowid");
             PreparedStatement fhq = c1.prepareStatement("SELECT * EXCLUDE (city, county) FROM list_rows" + where
                     + "ORDER BY rowid");
             PreparedStatement ewq = c2.prepareStatement("SELECT * EXCLUDE (city, county) FROM list_warnings" + where
                     + "ORDER BY rowid")) {
            fhq.setString(1, city);
            fhq.setString(2, county);
            ewq.setString(1, city);
            ewq.setString(2, county);
            rq.setString(1, city);
            rq.setString(2, county);
            try (ResultSet fh = fhq.executeQuery(); ResultSet ew = ewq.executeQuery(); ResultSet rk = rq.executeQuery();
                 var w = new CountyListWriter(file, lang, city, county, asOf, month)) {
                boolean fhHas = fh.next();
                Cursor fhCursor = new Cursor(fh);
                Cursor ewCursor = new Cursor(ew);
                int sheetCol = fh.findColumn("sheet");
                script(w);
                Cursor riskCursor = new Cursor(rk);
                for (ListSheet sheet : ListSheet.values()) {
                    if (sheet == ListSheet.HIGH_RISK && !risk) {
                        continue;
                    }
                    w.startSheet(spec(sheet, city, county));
                    List<ListSheet.Col> cols = sheet.columns();
                    if (sheet == ListSheet.HIGH_RISK) {
                        int[] at = riskCursor.positions(cols);
                        while (rk.next()) {
                            w.addRow(riskCursor.values(cols, at));
                        }
                    } else if (sheet == ListSheet.EARLY_WARNING) {
                        int[] at = ewCursor.positions(cols);
                        while (ew.next()) {
                            w.addRow(ewCursor.values(cols, at));
                        }
                    } else {
                        int[] at = fhCursor.positions(cols);
                        while (fhHas && fh.getInt(sheetCol) == sheet.ordinal()) {
                            w.addRow(fhCursor.values(cols, at));
                            fhHas = fh.next();
                        }
                    }
                }
            }
        }
    }

    /** The call script's parts that are the same for every customer, once, before the lists whose rows carry the rest. */
    private void script(CountyListWriter w) {
        String name = messages.get("sheet.SCRIPT");
        w.startSheet(new SheetSpec(name, name, List.of(new ColumnSpec(messages.get("list.script_part"), CellKind.TEXT, 14),
                new ColumnSpec(messages.get("list.script_text"), CellKind.TEXT, 90))));
        w.addRow(messages.get("script.opening"), commonScript.get(0));
        w.addRow(messages.get("list.call_needs"), messages.get("script.per_row"));
        w.addRow(messages.get("list.call_offer"), messages.get("script.per_row"));
        w.addRow(messages.get("script.objection"), commonScript.get(1));
        w.addRow(messages.get("script.closing"), commonScript.get(2));
    }

    private SheetSpec spec(ListSheet sheet, String city, String county) {
        List<ColumnSpec> cols = new ArrayList<>();
        for (ListSheet.Col c : sheet.columns()) {
            cols.add(new ColumnSpec(messages.get(c.messageKey()), c.kind(), width(c)));
        }
        String name = messages.get("sheet." + sheet.name());
        return new SheetSpec(name, name + " · " + city + " " + county, cols);
    }

    private static int width(ListSheet.Col c) {
        switch (c.field()) {
            case "sms", "call_needs", "call_offer" -> {
                return 60;
            }
            case "offer", "reason", "reason_1", "reason_2", "reason_3" -> {
                return 30;
            }
            default -> {
            }
        }
        return c.kind() == CellKind.TEXT && (c.field().equals("plan_name") || c.field().equals("best_fit_plan_name"))
                ? 22 : c.kind() == CellKind.TEXT ? 14 : 12;
    }

    /** Reads the cells of the current row of a list query. */
    private final class Cursor {
        private final ResultSet r;
        private final int ids;
        private String[] split;

        Cursor(ResultSet r) throws SQLException {
            this.r = r;
            this.ids = r.findColumn("ids");
        }

        /** Result column of each cell: the coded or numeric column, or the part of {@code ids}. */
        int[] positions(List<ListSheet.Col> cols) throws SQLException {
            int[] at = new int[cols.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = switch (cols.get(i).field()) {
                    case "subscriber_id" -> -1;
                    case "msisdn" -> -2;
                    case "customer_name" -> -3;
                    case "account_manager_id" -> -4;
                    case "offer" -> -5;
                    case "reason" -> -6;
                    case "sms" -> -7;
                    case "call_needs" -> -8;
                    case "call_offer" -> -10;
                    case "contact_allowed" -> -9;
                    case "care_action" -> r.findColumn("action_no");
                    case "channel" -> r.findColumn("channel_no");
                    case "tracked_through" -> 0;
                    case "vip_level" -> r.findColumn("vip_no");
                    case "plan_name" -> r.findColumn("plan_no");
                    case "best_fit_plan_name" -> r.findColumn("best_fit_plan_no");
                    case "tag_name" -> r.findColumn("tag_no");
                    case "level_name" -> r.findColumn("level_no");
                    case "movement_name" -> r.findColumn("movement_no");
                    default -> r.findColumn(cols.get(i).field());
                };
            }
            return at;
        }

        Object[] values(List<ListSheet.Col> cols, int[] at) throws SQLException {
            split = r.getString(ids).split(SEP, -1);
            Object[] v = new Object[at.length];
            for (int i = 0; i < v.length; i++) {
                ListSheet.Col c = cols.get(i);
                v[i] = switch (c.field()) {
                    case "subscriber_id", "msisdn", "account_manager_id", "offer", "reason", "sms", "call_needs", "call_offer" ->
                            text(-at[i] - 1);
                    case "reason_1", "reason_2", "reason_3" -> r.getString(at[i]);
                    case "probability" -> {
                        double p = r.getDouble(at[i]);
                        yield r.wasNull() ? null : p;
                    }
                    case "contact_allowed" -> {
                        String flag = text(-at[i] - 1);
                        yield flag == null ? null : messages.get("flag." + flag);
                    }
                    case "care_action" -> {
                        int k = r.getInt(at[i]);
                        yield r.wasNull() ? null : messages.get("care." + CareAction.values()[k].name());
                    }
                    case "channel" -> {
                        int k = r.getInt(at[i]);
                        yield r.wasNull() ? null : messages.get("channel." + Channel.values()[k].name());
                    }
                    case "customer_name" -> Masking.name(text(2));
                    case "tracked_through" -> trackedThrough;
                    case "vip_level" -> {
                        int k = r.getInt(at[i]);
                        if (r.wasNull()) {
                            yield null;
                        }
                        String vip = vips.get(k);
                        yield messages.has("vip." + vip) ? messages.get("vip." + vip) : vip;
                    }
                    case "plan_name", "best_fit_plan_name" -> {
                        int k = r.getInt(at[i]);
                        yield r.wasNull() ? null : plans.get(k);
                    }
                    case "tag_name" -> messages.tag(Tag.values()[r.getInt(at[i])]);
                    case "level_name" -> {
                        int k = r.getInt(at[i]);
                        yield r.wasNull() ? null : messages.level(Level.values()[k]);
                    }
                    case "movement_name" -> messages.movement(Movement.values()[r.getInt(at[i])]);
                    default -> switch (c.kind()) {
                        case INTEGER -> {
                            long x = r.getLong(at[i]);
                            yield r.wasNull() ? null : x;
                        }
                        default -> r.getBigDecimal(at[i]);
                    };
                };
            }
            return v;
        }

        private String text(int part) {
            String s = split[part];
            return s.equals(NULL) ? null : s;
        }
    }

    /**
     * SQL: the per-subscriber texts of a row as one value: the identity of {@code alias}, then the care texts in the
     * order the cursor reads them (offer, reason, SMS, call needs, marketing allowed, call offer; "NULL" where a
     * list has none).
     */
    private static String ids(String alias, String... care) {
        StringBuilder sql = new StringBuilder("concat_ws(chr(31), " + alias + ".subscriber_id, " + alias + ".msisdn, coalesce("
                + alias + ".customer_name, chr(30)), coalesce(" + alias + ".account_manager_id, chr(30))");
        for (String c : care) {
            sql.append(", coalesce(").append(c).append(", chr(30))");
        }
        return sql.append(") AS ids").toString();
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return List.copyOf(out);
    }

    /** SQL: the ordinal of an enum constant named by a text column, NULL for NULL. */
    private static String code(String column, Enum<?>[] values) {
        StringBuilder sql = new StringBuilder("CASE ").append(column);
        for (Enum<?> v : values) {
            sql.append(" WHEN '").append(v.name()).append("' THEN ").append(v.ordinal());
        }
        return sql.append(" END").toString();
    }

    static String safe(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\x00-\\x1f]", "_");
    }
}
