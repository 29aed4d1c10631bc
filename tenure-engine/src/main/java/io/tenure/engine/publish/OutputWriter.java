package io.tenure.engine.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tenure.core.care.CareAction;
import io.tenure.core.care.Channel;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.core.fourhigh.FourHighThresholds;
import io.tenure.core.fourhigh.Level;
import io.tenure.core.fourhigh.Movement;
import io.tenure.core.fourhigh.Tag;
import io.tenure.engine.duck.Duck;
import io.tenure.engine.fourhigh.EarlyWarningStage;
import io.tenure.engine.fourhigh.FourHighResult;
import io.tenure.engine.risk.RiskStage;
import io.tenure.engine.perception.PerceptionStage;
import io.tenure.engine.run.Progress;
import io.tenure.engine.run.RunOptions;
import io.tenure.ingest.FeedReport;
import io.tenure.ingest.IngestResult;
import io.tenure.report.Messages;
import io.tenure.report.bulletin.Bulletin;
import io.tenure.report.bulletin.BulletinRenderer;
import io.tenure.report.bulletin.CareSummary;
import io.tenure.report.bulletin.RiskSummary;
import io.tenure.report.bulletin.CountyTagCount;
import io.tenure.report.bulletin.EarlyWarningCount;
import io.tenure.report.bulletin.EarlyWarningSummary;
import io.tenure.report.bulletin.FeedCount;
import io.tenure.report.bulletin.TagSummary;
import io.tenure.report.bulletin.TrendPoint;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a run's outputs into the staging folder: four_high.csv/.parquet, early_warning.csv,
 * rejects/&lt;feed&gt;.csv, the county lists, report.html and summary.json. CSVs are ordered on a
 * total key so that a rerun on the same inputs writes the same bytes.
 */
public final class OutputWriter {
    private static final String TAG_ORDER = "CASE tag WHEN 'HIGH_TARIFF' THEN 0 WHEN 'HIGH_DATA' THEN 1 "
            + "WHEN 'HIGH_SILENCE' THEN 2 ELSE 3 END";
    private final DuckDBConnection conn;
    private final Path dir;
    private final RunOptions o;
    private final YearMonth month;
    private final Map<String, Long> timings;
    private final Progress progress;
    private final Messages messages;

    public OutputWriter(DuckDBConnection conn, Path dir, RunOptions options, YearMonth month, Map<String, Long> timings,
                        Progress progress) {
        this.conn = conn;
        this.dir = dir;
        this.o = options;
        this.month = month;
        this.timings = timings;
        this.progress = progress;
        this.messages = Messages.of(options.lang());
    }

    /** Writes everything; returns the number of four-high rows. */
    public long writeAll(IngestResult ingest, FourHighResult fh, EarlyWarningStage.Result ew, RiskStage.Result risk,
                         FourHighThresholds t, List<String> commonScript) throws IOException, SQLException {
        progress.stage("write outputs", -1);
        long t0 = System.nanoTime();
        createViews(ew);
        String fhCsv = "SELECT * EXCLUDE (customer_name, tag_order, level_rank, prio1, prio2) FROM fh_out "
                + "ORDER BY city, county, tag_order, subscriber_id, movement";
        copy(fhCsv, dir.resolve("four_high.csv"), "FORMAT csv, HEADER true");
        copy(fhCsv, dir.resolve("four_high.parquet"), "FORMAT parquet, COMPRESSION zstd");
        copy("SELECT * EXCLUDE (customer_name, vip_level, account_manager_id) FROM ew_out ORDER BY city, county, tag, subscriber_id",
                dir.resolve("early_warning.csv"), "FORMAT csv, HEADER true");
        if (risk.scored() > 0) {
            copy("SELECT s.subscriber_id, s.msisdn, s.city, s.county, s.vip_level, s.plan_id, "
                    + "CAST(r.probability AS DECIMAL(6,4)) AS probability, r.band, r.reason_1, r.reason_2, r.reason_3, "
                    + "s.account_manager_id FROM risk_rows r JOIN subscribers s ON s.sub_idx = r.sub_idx "
                    + "ORDER BY s.city, s.county, r.probability DESC, s.subscriber_id", dir.resolve("risk.csv"), "FORMAT csv, HEADER true");
        }
        writeRejects(conn, dir.resolve("rejects"));
        long rows = Duck.scalarLong(conn, "SELECT count(*) FROM fh_rows");
        timings.put("write_csv_parquet", ms(t0));
        progress.done();

        long counties = Duck.scalarLong(conn, "SELECT count(*) FROM (SELECT DISTINCT city, county FROM subscribers WHERE status = 'ACTIVE')");
        progress.stage("county lists", counties);
        t0 = System.nanoTime();
        new CountyLists(conn, dir, o.lang(), o.asOf(), month, ew.trackedThrough(), o.config().engine().threads(), progress,
                commonScript, risk.scored() > 0).write();
        timings.put("write_lists", ms(t0));
        progress.done();

        t0 = System.nanoTime();
        Bulletin bulletin = bulletin(ingest, fh, ew, risk, t);
        new BulletinRenderer(o.lang()).write(bulletin, dir.resolve("report.html"));
        timings.put("write_report", ms(t0));
        writeSummary(ingest, fh, ew, t, bulletin, rows, commonScript);
        return rows;
    }

    private void createViews(EarlyWarningStage.Result ew) {
        Duck.exec(conn, "CREATE OR REPLACE VIEW fh_out AS SELECT s.subscriber_id, s.msisdn, s.customer_name, s.city, s.county, "
                + "f.tag, f.level, f.movement, " + Duck.lit(month.toString()) + " AS month, s.vip_level, s.plan_id, p.name AS plan_name, "
                + "CAST(f.total_fee / 100 AS DECIMAL(18,2)) AS total_fee, CAST(f.tariff_fee / 100 AS DECIMAL(18,2)) AS tariff_fee, "
                + "CASE WHEN f.total_fee > 0 THEN CAST(f.tariff_fee / f.total_fee AS DECIMAL(18,4)) END AS tariff_share, "
                + "CAST(f.data_overage_fee / 100 AS DECIMAL(18,2)) AS data_overage_fee, f.voice_min, "
                + "CAST(f.data_micro_mb / 1000000 AS DECIMAL(18,3)) AS data_mb, "
                + "CAST(f.data_micro_mb / 1000000 / 1024 AS DECIMAL(18,2)) AS data_gb, f.voice_allowance, f.data_allowance_mb, "
                + "CASE WHEN f.voice_allowance > 0 THEN CAST(f.voice_min / f.voice_allowance AS DECIMAL(18,4)) END AS voice_use, "
                + "CASE WHEN f.data_allowance_mb > 0 THEN CAST(f.data_micro_mb / 1000000 / f.data_allowance_mb AS DECIMAL(18,4)) END AS data_use, "
                + "CAST(f.domestic / 100 AS DECIMAL(18,2)) AS domestic, CAST(f.best_fit_cost / 100 AS DECIMAL(18,2)) AS best_fit_cost, "
                + "f.best_fit_plan_id, bp.name AS best_fit_plan_name, "
                + "CAST((f.domestic - f.best_fit_cost) / 100 AS DECIMAL(18,2)) AS best_fit_saving, "
                + "CAST(f.min_spend_topup / 100 AS DECIMAL(18,2)) AS min_spend_topup, CAST(f.vas_fee / 100 AS DECIMAL(18,2)) AS vas_fee, "
                + "f.idle_vas_count, CAST(f.idle_vas_fee / 100 AS DECIMAL(18,2)) AS idle_vas_fee, s.account_manager_id, "
                + "f.care_action, f.channel, f.contact_allowed, f.offer_kind, f.offer_plan_id, f.offer_pack_ids, f.offer, "
                + "f.saving_by_month, CAST(f.saving_avg / 100 AS DECIMAL(18,2)) AS saving_avg, "
                + "CAST(f.revenue_change / 100 AS DECIMAL(18,2)) AS revenue_change, f.contract_change, f.band_offer, "
                + "CAST(f.band_saving_avg / 100 AS DECIMAL(18,2)) AS band_saving_avg, f.reason, f.sms, f.sms_segments, "
                + "f.call_needs, f.call_offer, CAST(r.probability AS DECIMAL(6,4)) AS risk_probability, r.band AS risk_band, "
                + "nullif(concat_ws('；', r.reason_1, r.reason_2, r.reason_3), '') AS risk_reasons, "
                + TAG_ORDER.replace("tag", "f.tag") + " AS tag_order, "
                + "CASE f.level WHEN 'PERSISTENT' THEN 0 WHEN 'NEW' THEN 1 ELSE 2 END AS level_rank, "
                + "CASE f.tag WHEN 'HIGH_TARIFF' THEN f.tariff_fee WHEN 'HIGH_DATA' THEN f.data_overage_fee "
                + "WHEN 'HIGH_SILENCE' THEN f.idle_vas_fee ELSE f.domestic - coalesce(f.best_fit_cost, f.domestic) END AS prio1, "
                + "CASE f.tag WHEN 'HIGH_ARPU' THEN f.min_spend_topup + f.vas_fee ELSE f.total_fee END AS prio2 "
                + "FROM fh_rows f JOIN subscribers s ON s.sub_idx = f.sub_idx JOIN plans p ON p.plan_id = s.plan_id "
                + "LEFT JOIN risk_rows r ON r.sub_idx = f.sub_idx "
                + "LEFT JOIN plans bp ON bp.plan_id = f.best_fit_plan_id");
        String through = ew.trackedThrough() == null ? "NULL" : "DATE " + Duck.lit(ew.trackedThrough().toString());
        int day = ew.trackedThrough() == null ? 0 : ew.trackedThrough().getDayOfMonth();
        Duck.exec(conn, "CREATE OR REPLACE VIEW ew_out AS SELECT s.subscriber_id, s.msisdn, s.customer_name, s.city, s.county, s.vip_level, "
                + "e.tag, 'EARLY_WARNING' AS warning, DATE " + Duck.lit(o.asOf().toString()) + " AS as_of, "
                + through + " AS tracked_through, " + day + " AS day, " + ew.daysInMonth() + " AS days_in_month, "
                + "s.plan_id, p.name AS plan_name, e.mtd_voice_min, CAST(e.mtd_data_micro_mb / 1000000 AS DECIMAL(18,3)) AS mtd_data_mb, "
                + "CAST(e.projected_voice_min AS DECIMAL(18,1)) AS projected_voice_min, "
                + "CAST(e.projected_data_mb AS DECIMAL(18,1)) AS projected_data_mb, "
                + "CAST(e.projected_data_mb / 1024 AS DECIMAL(18,2)) AS projected_data_gb, "
                + "CAST(e.projected_fee / 100 AS DECIMAL(18,2)) AS projected_fee, s.account_manager_id, e.care_action, e.channel, "
                + "e.contact_allowed, e.sms, e.sms_segments, e.call_needs, e.call_offer "
                + "FROM ew_rows e JOIN subscribers s ON s.sub_idx = e.sub_idx JOIN plans p ON p.plan_id = s.plan_id");
    }

    private void copy(String select, Path file, String options) {
        Duck.exec(conn, "COPY (" + select + ") TO " + Duck.lit(file.toAbsolutePath().toString()) + " (" + options + ")");
    }

    /** rejects/&lt;feed&gt;.csv for every feed with rejected rows: file, line, column, reason and the raw row. */
    public static void writeRejects(Connection conn, Path rejectsDir) throws IOException {
        Files.createDirectories(rejectsDir);
        List<String> feeds = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet r = s.executeQuery("SELECT DISTINCT feed FROM rejects ORDER BY feed")) {
            while (r.next()) {
                feeds.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw Duck.failure("SELECT DISTINCT feed FROM rejects", e);
        }
        for (String feed : feeds) {
            Path file = rejectsDir.resolve(feed + ".csv");
            Duck.exec(conn, "COPY (SELECT file, line, column_name, reason_code, reason, raw FROM rejects WHERE feed = " + Duck.lit(feed)
                    + " ORDER BY file, line, column_name) TO " + Duck.lit(file.toAbsolutePath().toString()) + " (FORMAT csv, HEADER true)");
        }
    }

    private Bulletin bulletin(IngestResult ingest, FourHighResult fh, EarlyWarningStage.Result ew, RiskStage.Result risk,
                              FourHighThresholds t) throws SQLException {
        List<TagSummary> tags = new ArrayList<>();
        for (Tag tag : Tag.values()) {
            tags.add(new TagSummary(tag, fh.held(month, tag), fh.level(tag, Level.NEW), fh.level(tag, Level.PERSISTENT),
                    fh.movement(tag, Movement.ENTERED), fh.movement(tag, Movement.STAYED), fh.movement(tag, Movement.EXITED),
                    fh.heldLastMonth(tag)));
        }
        List<CountyTagCount> counties = new ArrayList<>();
        String countySql = "WITH ev AS (SELECT s.city, s.county, count(*) AS evaluated FROM subscribers s JOIN bills b "
                + "ON b.sub_idx = s.sub_idx AND b.month = " + Duck.lit(month.toString()) + " WHERE s.status = 'ACTIVE' GROUP BY ALL), "
                + "t AS (SELECT unnest(['HIGH_TARIFF', 'HIGH_DATA', 'HIGH_SILENCE', 'HIGH_ARPU']) AS tag), "
                + "c AS (SELECT s.city, s.county, f.tag, count(*) FILTER (WHERE f.level IS NOT NULL) AS held, "
                + "count(*) FILTER (WHERE f.movement = 'ENTERED') AS entered, count(*) FILTER (WHERE f.movement = 'STAYED') AS stayed, "
                + "count(*) FILTER (WHERE f.movement = 'EXITED') AS exited FROM fh_rows f JOIN subscribers s ON s.sub_idx = f.sub_idx GROUP BY ALL) "
                + "SELECT ev.city, ev.county, t.tag, coalesce(c.held, 0), coalesce(c.entered, 0), coalesce(c.stayed, 0), "
                + "coalesce(c.exited, 0), ev.evaluated FROM ev CROSS JOIN t LEFT JOIN c ON c.city = ev.city AND c.county = ev.county "
                + "AND c.tag = t.tag ORDER BY ev.city, ev.county, t.tag";
        try (Statement s = conn.createStatement(); ResultSet r = s.executeQuery(countySql)) {
            while (r.next()) {
                counties.add(new CountyTagCount(r.getString(1), r.getString(2), Tag.valueOf(r.getString(3)), r.getLong(4),
                        r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8)));
            }
        }
        List<TrendPoint> trend = new ArrayList<>();
        for (YearMonth m : fh.months()) {
            for (Tag tag : Tag.values()) {
                trend.add(new TrendPoint(m, tag, fh.held(m, tag), fh.evaluated(m)));
            }
        }
        List<EarlyWarningCount> ewCounts = new ArrayList<>();
        String ewSql = "SELECT city, county, tag, count(*), sum(projected_fee) FROM ew_out GROUP BY ALL ORDER BY city, county, tag";
        try (Statement s = conn.createStatement(); ResultSet r = s.executeQuery(ewSql)) {
            while (r.next()) {
                ewCounts.add(new EarlyWarningCount(r.getString(1), r.getString(2), Tag.valueOf(r.getString(3)), r.getLong(4),
                        r.getBigDecimal(5)));
            }
        }
        List<FeedCount> feeds = new ArrayList<>();
        for (FeedReport f : ingest.feeds()) {
            feeds.add(new FeedCount(f.feed(), f.read(), f.loaded(), f.rejected(), f.rejectedByReason()));
        }
        return new Bulletin(o.config().output().province(), o.asOf(), month, runId(ingest), tags, counties, trend,
                new EarlyWarningSummary(ew.trackedThrough(), ew.daysInMonth(), ewCounts), feeds, fh.evaluated(month),
                fh.notEvaluatedInM(), thresholdLabels(t), care(fh), risk(risk), PerceptionStage.run(conn));
    }

    private RiskSummary risk(RiskStage.Result risk) throws SQLException {
        if (risk.scored() == 0) {
            return RiskSummary.NONE;
        }
        List<RiskSummary.County> counties = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet r = s.executeQuery("SELECT s.city, s.county, "
                + "count(*) FILTER (WHERE r.band = 'HIGH'), count(*) FILTER (WHERE r.band = 'MEDIUM'), "
                + "count(*) FILTER (WHERE r.band = 'LOW') FROM risk_rows r JOIN subscribers s ON s.sub_idx = r.sub_idx "
                + "GROUP BY ALL ORDER BY 3 DESC, s.city, s.county")) {
            while (r.next()) {
                counties.add(new RiskSummary.County(r.getString(1), r.getString(2), r.getLong(3), r.getLong(4), r.getLong(5)));
            }
        }
        List<RiskSummary.Reason> reasons = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet r = s.executeQuery("SELECT f, count(*) FROM (SELECT "
                + "unnest(string_split(reason_features, ';')) AS f FROM risk_rows WHERE band = 'HIGH') GROUP BY f "
                + "ORDER BY 2 DESC, f LIMIT 10")) {
            while (r.next()) {
                String key = "risk.label." + r.getString(1);
                reasons.add(new RiskSummary.Reason(messages.has(key) ? messages.get(key) : r.getString(1), r.getLong(2)));
            }
        }
        return new RiskSummary(risk.scored(), risk.high(), risk.medium(), risk.low(), counties, reasons);
    }

    private static CareSummary care(FourHighResult fh) {
        Map<CareAction, Long> actions = new java.util.EnumMap<>(CareAction.class);
        for (CareAction a : CareAction.values()) {
            if (fh.action(a) > 0) {
                actions.put(a, fh.action(a));
            }
        }
        Map<Channel, Long> channels = new java.util.EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            if (fh.channel(c) > 0) {
                channels.put(c, fh.channel(c));
            }
        }
        return new CareSummary(fh.offered(), fh.savingCents(), fh.revenueChangeCents(), fh.bandOffered(),
                fh.bandRevenueChangeCents(), actions, channels, fh.heldBack());
    }

    private Map<String, String> thresholdLabels(FourHighThresholds t) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(messages.tag(Tag.HIGH_TARIFF), "≥ " + yuan(t.tariffFeeMinCents()) + " ∧ ≥ " + t.tariffSharePct() + "%");
        m.put(messages.tag(Tag.HIGH_DATA), "≥ " + yuan(t.dataOverageMinCents()));
        m.put(messages.tag(Tag.HIGH_SILENCE), t.silenceTenureDays() + "d ∧ < " + t.silenceUsagePct() + "% ∨ VAS "
                + t.silenceVasIdleDays() + "d");
        m.put(messages.tag(Tag.HIGH_ARPU), "≥ " + yuan(t.arpuDomesticMinCents()) + " ∧ ≤ " + t.arpuBestFitPct() + "% ∨ "
                + yuan(t.arpuTopupMinCents()) + " ∨ " + yuan(t.arpuVasMinCents()));
        m.put("EARLY_WARNING", "≥ " + yuan(t.dataOverageMinCents()) + " / ≥ " + yuan(t.earlyVoiceFeeMinCents()));
        return m;
    }

    private static String yuan(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** A run id derived from the inputs, so a rerun of the same day on the same feeds has the same id. */
    private String runId(IngestResult ingest) {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(o.asOf().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (FeedReport f : ingest.feeds()) {
                md.update(String.valueOf(f.fingerprint()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            md.update(o.config().describe().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return o.asOf() + "-" + HexFormat.of().formatHex(md.digest(), 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new TenureException(ErrorCode.INTERNAL, "SHA-256 unavailable", e);
        }
    }

    private void writeSummary(IngestResult ingest, FourHighResult fh, EarlyWarningStage.Result ew, FourHighThresholds t,
                              Bulletin bulletin, long rows, List<String> commonScript) throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("run_id", bulletin.runId());
        s.put("as_of", o.asOf().toString());
        s.put("month", month.toString());
        s.put("months_evaluated", fh.months().stream().map(YearMonth::toString).toList());
        s.put("data", o.data().toAbsolutePath().normalize().toString());
        List<Map<String, Object>> feeds = new ArrayList<>();
        for (FeedReport f : ingest.feeds()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("feed", f.feed());
            m.put("files", f.files());
            m.put("encoding", f.encoding());
            m.put("fingerprint", f.fingerprint());
            m.put("read", f.read());
            m.put("loaded", f.loaded());
            m.put("rejected", f.rejected());
            m.put("rejected_by_reason", new TreeMap<>(f.rejectedByReason()));
            m.put("warnings", f.warnings());
            feeds.add(m);
        }
        s.put("feeds", feeds);
        Map<String, Object> fourHigh = new LinkedHashMap<>();
        fourHigh.put("evaluated", fh.evaluated(month));
        fourHigh.put("not_evaluated_no_bill", fh.notEvaluatedInM());
        fourHigh.put("rows", rows);
        Map<String, Object> perTag = new LinkedHashMap<>();
        for (Tag tag : Tag.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("held", fh.held(month, tag));
            m.put("new", fh.level(tag, Level.NEW));
            m.put("persistent", fh.level(tag, Level.PERSISTENT));
            m.put("entered", fh.movement(tag, Movement.ENTERED));
            m.put("stayed", fh.movement(tag, Movement.STAYED));
            m.put("exited", fh.movement(tag, Movement.EXITED));
            m.put("held_last_month", fh.heldLastMonth(tag));
            perTag.put(tag.name(), m);
        }
        fourHigh.put("tags", perTag);
        // the bulletin's county counts, without the zeros
        Map<String, Map<String, Map<String, Long>>> byCounty = new TreeMap<>();
        for (CountyTagCount c : bulletin.counties()) {
            if (c.held() > 0) {
                byCounty.computeIfAbsent(c.city(), k -> new TreeMap<>())
                        .computeIfAbsent(c.county(), k -> new TreeMap<>()).put(c.tag().name(), c.held());
            }
        }
        fourHigh.put("held_by_county", byCounty);
        Map<String, Object> care = new LinkedHashMap<>();
        care.put("offered", fh.offered());
        care.put("saving_per_month", BigDecimal.valueOf(fh.savingCents(), 2));
        care.put("revenue_change_per_month", BigDecimal.valueOf(fh.revenueChangeCents(), 2));
        care.put("band_offered", fh.bandOffered());
        care.put("band_revenue_change_per_month", BigDecimal.valueOf(fh.bandRevenueChangeCents(), 2));
        care.put("held_back", fh.heldBack());
        care.put("actions", bulletin.care().actions());
        care.put("channels", bulletin.care().channels());
        care.put("call_script_common", Map.of("opening", commonScript.get(0), "objection", commonScript.get(1),
                "closing", commonScript.get(2)));
        fourHigh.put("care", care);
        s.put("four_high", fourHigh);
        Map<String, Object> early = new LinkedHashMap<>();
        early.put("tracked_through", ew.trackedThrough() == null ? null : ew.trackedThrough().toString());
        early.put("days_in_month", ew.daysInMonth());
        early.put("subscribers_tracked", ew.subscribersTracked());
        early.put("warnings", ew.warnings());
        s.put("early_warning", early);
        Map<String, Object> riskJson = new LinkedHashMap<>();
        riskJson.put("scored", bulletin.risk().scored());
        riskJson.put("high", bulletin.risk().high());
        riskJson.put("medium", bulletin.risk().medium());
        riskJson.put("low", bulletin.risk().low());
        riskJson.put("top_reasons", bulletin.risk().reasons());
        s.put("risk", riskJson);
        Map<String, Object> perception = new LinkedHashMap<>();
        perception.put("surveys", bulletin.perception().n());
        perception.put("r_squared", bulletin.perception().rSquared());
        perception.put("effects", bulletin.perception().effects());
        s.put("perception_drivers", perception);
        s.put("thresholds", t);
        s.put("config", o.config().describe());
        s.put("timings_ms", timings);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("summary.json").toFile(), s);
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
