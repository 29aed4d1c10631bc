package io.tenure.engine.perception;

import io.tenure.core.perception.Drivers;
import io.tenure.engine.duck.Duck;
import org.duckdb.DuckDBConnection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The perception drivers (影响客户感知的要素分析): every survey's overall score against what the customer lived in the
 * survey's month and the 90 days before it: the four-high kinds of bill, overage fees, complaints (any, unresolved,
 * about the network), plan fit and tenure. This is the evidence that the four-high model targets the customers
 * whose perception suffers.
 */
public final class PerceptionStage {
    /** The factors, in the order of the query's columns after the score. */
    public static final List<String> FACTORS = List.of("high_tariff", "high_data", "high_arpu", "data_overage_10",
            "voice_overage_10", "complaint_90d", "unresolved_90d", "network_complaint_90d", "plan_misfit_10", "tenure_years");

    private PerceptionStage() {
    }

    public static Drivers.Fit run(DuckDBConnection conn) {
        String sql = "WITH sv AS (SELECT v.sub_idx, v.survey_date, v.overall, strftime(v.survey_date, '%Y-%m') AS month FROM surveys v), "
                + "bm AS (SELECT sv.sub_idx, sv.survey_date, sv.overall, b.*, u.voice_min AS uv, u.data_mb AS ud, u.sms AS us "
                + "FROM sv JOIN bills b ON b.sub_idx = sv.sub_idx AND b.month = sv.month "
                + "LEFT JOIN usage u ON u.sub_idx = sv.sub_idx AND u.month = sv.month), "
                + "fit AS (SELECT x.sub_idx, x.survey_date, max(x.plan_fee + x.addon_fee + x.voice_overage_fee + x.data_overage_fee "
                + "+ x.sms_fee + x.min_spend_topup) - min(p.monthly_fee + greatest(0, coalesce(x.uv, 0) - p.voice_min) * p.voice_rate "
                + "+ ceil(greatest(0, coalesce(x.ud, 0) - p.data_mb) / 1024) * p.data_rate_per_gb + greatest(0, coalesce(x.us, 0) - p.sms) "
                + "* p.sms_rate) AS misfit FROM bm x CROSS JOIN (SELECT * FROM plans WHERE published) p GROUP BY ALL), "
                + "cp AS (SELECT sv.sub_idx, sv.survey_date, count(*) AS n, count(*) FILTER (WHERE NOT (coalesce(c.resolved, false) "
                + "AND c.closed_at IS NOT NULL AND " + Duck.localDate("c.closed_at") + " <= sv.survey_date)) AS open, "
                + "count(*) FILTER (WHERE c.category LIKE '%网络%' OR c.text LIKE '%网络%' OR c.text LIKE '%信号%') AS network "
                + "FROM sv JOIN complaints c ON c.sub_idx = sv.sub_idx AND " + Duck.localDate("c.created_at")
                + " <= sv.survey_date AND " + Duck.localDate("c.created_at") + " > sv.survey_date - INTERVAL 90 DAY GROUP BY ALL) "
                + "SELECT x.overall, "
                + "CASE WHEN x.voice_overage_fee + x.intl_roaming_fee + x.idd_fee >= 30 AND x.voice_overage_fee + x.intl_roaming_fee "
                + "+ x.idd_fee >= 0.25 * x.total_fee THEN 1 ELSE 0 END, CASE WHEN x.data_overage_fee >= 20 THEN 1 ELSE 0 END, "
                + "CASE WHEN x.min_spend_topup >= 20 OR x.vas_fee >= 30 THEN 1 ELSE 0 END, x.data_overage_fee / 10, "
                + "x.voice_overage_fee / 10, CASE WHEN coalesce(cp.n, 0) > 0 THEN 1 ELSE 0 END, "
                + "CASE WHEN coalesce(cp.open, 0) > 0 THEN 1 ELSE 0 END, CASE WHEN coalesce(cp.network, 0) > 0 THEN 1 ELSE 0 END, "
                + "greatest(0, coalesce(f.misfit, 0)) / 10, (x.survey_date - s.activation_date) / 365.0 "
                + "FROM bm x JOIN subscribers s ON s.sub_idx = x.sub_idx "
                + "LEFT JOIN fit f ON f.sub_idx = x.sub_idx AND f.survey_date = x.survey_date "
                + "LEFT JOIN cp ON cp.sub_idx = x.sub_idx AND cp.survey_date = x.survey_date "
                + "ORDER BY x.sub_idx, x.survey_date";
        List<double[]> rows = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet r = st.executeQuery(sql)) {
            while (r.next()) {
                scores.add(r.getDouble(1));
                double[] f = new double[FACTORS.size()];
                for (int j = 0; j < f.length; j++) {
                    f[j] = r.getDouble(j + 2);
                }
                rows.add(f);
            }
        } catch (SQLException e) {
            throw Duck.failure("perception drivers", e);
        }
        double[] y = scores.stream().mapToDouble(Double::doubleValue).toArray();
        return Drivers.fit(FACTORS, rows.toArray(double[][]::new), y);
    }
}
