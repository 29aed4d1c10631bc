package io.tenure.engine.fourhigh;

import io.tenure.core.billing.Usage;
import io.tenure.core.care.Care;
import io.tenure.core.care.CareCase;
import io.tenure.core.care.Playbook;
import io.tenure.core.fourhigh.EarlyWarning;
import io.tenure.core.fourhigh.EarlyWarningRule;
import io.tenure.core.fourhigh.MonthToDate;
import io.tenure.engine.duck.ArrowRows;
import io.tenure.engine.duck.ArrowRows.Column;
import io.tenure.engine.duck.Duck;
import org.duckdb.DuckDBConnection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static io.tenure.engine.duck.ArrowRows.Type.BIGINT;
import static io.tenure.engine.duck.ArrowRows.Type.DOUBLE;
import static io.tenure.engine.duck.ArrowRows.Type.INTEGER;
import static io.tenure.engine.duck.ArrowRows.Type.VARCHAR;

/**
 * Daily tracking (rules §2): month-to-date usage of T's month before T, projected to month end by the
 * core rule; one row per (subscriber, tag) warned into {@code ew_rows}.
 */
public final class EarlyWarningStage {
    private final DuckDBConnection conn;
    private final TariffBook book;
    private final EarlyWarningRule rule;
    private final Playbook playbook;

    public EarlyWarningStage(DuckDBConnection conn, TariffBook book, EarlyWarningRule rule, Playbook playbook) {
        this.conn = conn;
        this.book = book;
        this.rule = rule;
        this.playbook = playbook;
    }

    /** What was tracked: the latest date d of T's month before T (null when none) and the warnings. */
    public record Result(LocalDate trackedThrough, int daysInMonth, long subscribersTracked, long warnings) {
    }

    /** The columns of ew_rows, in the order the stage writes them. */
    private static final List<Column> ROW_COLUMNS = List.of(new Column("sub_idx", BIGINT), new Column("tag", VARCHAR),
            new Column("projected_fee", BIGINT), new Column("mtd_voice_min", BIGINT),
            new Column("mtd_data_micro_mb", BIGINT), new Column("projected_voice_min", DOUBLE),
            new Column("projected_data_mb", DOUBLE), new Column("care_action", VARCHAR), new Column("channel", VARCHAR),
            new Column("contact_allowed", VARCHAR), new Column("sms", VARCHAR), new Column("sms_segments", INTEGER),
            new Column("call_needs", VARCHAR), new Column("call_offer", VARCHAR));

    public Result run(LocalDate asOf) {
        ArrowRows.createTable(conn, "ew_rows", ROW_COLUMNS);
        LocalDate first = asOf.withDayOfMonth(1);
        int daysInMonth = YearMonth.from(asOf).lengthOfMonth();
        String range = "date >= DATE " + Duck.lit(first.toString()) + " AND date < DATE " + Duck.lit(asOf.toString());
        String latest = Duck.scalarString(conn, "SELECT CAST(max(date) AS VARCHAR) FROM usage_daily WHERE " + range);
        if (latest == null) {
            return new Result(null, daysInMonth, 0, 0);
        }
        LocalDate through = LocalDate.parse(latest);
        int d = through.getDayOfMonth();
        String sql = "SELECT s.sub_idx, s.plan_id, s.addon_ids, m.voice, m.data, m.sms, s.vip_level, "
                + "s.marketing_consent AND NOT coalesce(s.dnd, false) FROM ("
                + "SELECT sub_idx, sum(voice_min) AS voice, CAST(sum(data_mb) * 1000000 AS BIGINT) AS data, sum(sms) AS sms "
                + "FROM usage_daily WHERE " + range + " GROUP BY sub_idx) m "
                + "JOIN subscribers s ON s.sub_idx = m.sub_idx WHERE s.status = 'ACTIVE' ORDER BY s.sub_idx";
        long tracked = 0;
        long warnings = 0;
        try (ArrowRows out = new ArrowRows(ROW_COLUMNS)) {
            try (DuckDBConnection cq = conn.duplicate(); Statement st = cq.createStatement();
                 ResultSet r = st.executeQuery(sql)) {
                while (r.next()) {
                    tracked++;
                    var mtd = new MonthToDate(new Usage(r.getLong(4), r.getLong(5), r.getLong(6)), d, daysInMonth);
                    for (EarlyWarning w : rule.evaluate(book.tariff(r.getString(2), r.getString(3)), mtd)) {
                        out.beginRow();
                        out.append(r.getLong(1));
                        out.append(w.tag().name());
                        out.append(w.projectedFeeCents());
                        out.append(mtd.usage().voiceMin());
                        out.append(mtd.usage().dataMicroMb());
                        out.append(mtd.projectedVoiceMin());
                        out.append(mtd.projectedDataMb());
                        // a notice before the bill: service, so it goes to customers who refused marketing too
                        Care care = playbook.plan(new CareCase(null, null, r.getString(7), 0, false, 0, 0, List.of(), 0,
                                w.projectedFeeCents(), !r.getBoolean(8)));
                        out.append(care.action().name());
                        out.append(care.channel().name());
                        out.append(care.allowed() ? "Y" : "N");
                        out.append(care.sms());
                        out.append(care.segments().size());
                        CareColumns.appendScript(out, care);
                        out.endRow();
                        warnings++;
                    }
                }
            }
            out.insertInto(conn, "ew_rows");
        } catch (SQLException e) {
            throw Duck.failure(sql, e);
        }
        return new Result(through, daysInMonth, tracked, warnings);
    }
}
