package io.tenure.engine.bench;

import io.tenure.core.fourhigh.FourHighThresholds;
import io.tenure.engine.duck.Duck;

import java.sql.Connection;
import java.time.YearMonth;

/**
 * The benchmark's baseline: the four-high rules of rules §2 written as one plain DuckDB SQL query over
 * the loaded feeds (tags of every month evaluated, then levels and movements of M). It is also a second,
 * independent implementation that the engine's results are checked against.
 */
public final class BaselineSql {
    private BaselineSql() {
    }

    /** Creates {@code base_tags(sub_idx, month, t_tariff, t_data, t_silence, t_arpu)} and {@code base_status(sub_idx, tag, level, movement)}. */
    public static void run(Connection c, YearMonth first, YearMonth m, FourHighThresholds t) {
        String y = "/ 100.0";
        Duck.exec(c, "CREATE OR REPLACE TABLE base_tags AS "
                + "WITH addon_sum AS (SELECT x.sub_idx, sum(a.voice_min) AS av, sum(a.data_mb) AS ad FROM "
                + "  (SELECT sub_idx, unnest(string_split(addon_ids, ';')) AS addon_id FROM subscribers WHERE addon_ids IS NOT NULL) x "
                + "  JOIN addons a ON a.addon_id = x.addon_id GROUP BY x.sub_idx), "
                + "sa AS (SELECT s.sub_idx, s.activation_date, s.contract_kind, s.contract_end_date, coalesce(s.min_spend, 0) AS min_spend, "
                + "  p.monthly_fee AS pf, p.voice_min AS pv, p.data_mb AS pd, p.voice_min + coalesce(a.av, 0) AS allow_voice, "
                + "  p.data_mb + coalesce(a.ad, 0) AS allow_data FROM subscribers s JOIN plans p ON p.plan_id = s.plan_id "
                + "  LEFT JOIN addon_sum a ON a.sub_idx = s.sub_idx WHERE s.status = 'ACTIVE'), "
                + "idle AS (SELECT sub_idx, min(subscribed_on) AS first_idle FROM vas WHERE monthly_fee > 0 AND uses_30d = 0 "
                + "  AND subscribed_on IS NOT NULL GROUP BY sub_idx), "
                + "j AS (SELECT b.sub_idx, b.month, last_day(CAST(b.month || '-01' AS DATE)) AS mend, "
                + "  b.voice_overage_fee + b.intl_roaming_fee + b.idd_fee AS tariff_fee, b.total_fee, b.data_overage_fee, "
                + "  b.plan_fee + b.addon_fee + b.voice_overage_fee + b.data_overage_fee + b.sms_fee + b.min_spend_topup AS domestic, "
                + "  b.min_spend_topup, b.vas_fee, coalesce(u.voice_min, 0) AS uv, coalesce(u.data_mb, 0) AS ud, coalesce(u.sms, 0) AS us, "
                + "  sa.* EXCLUDE (sub_idx), i.first_idle FROM bills b JOIN sa ON sa.sub_idx = b.sub_idx "
                + "  LEFT JOIN usage u ON u.sub_idx = b.sub_idx AND u.month = b.month LEFT JOIN idle i ON i.sub_idx = b.sub_idx "
                + "  WHERE b.month BETWEEN " + Duck.lit(first.toString()) + " AND " + Duck.lit(m.toString()) + "), "
                + "need AS (SELECT * FROM j WHERE domestic >= " + t.arpuDomesticMinCents() + y
                + "  AND NOT (min_spend_topup >= " + t.arpuTopupMinCents() + y + " OR vas_fee >= " + t.arpuVasMinCents() + y + ")), "
                + "bf AS (SELECT n.sub_idx, n.month, min(CASE WHEN n.contract_kind = 'MIN_SPEND' AND n.contract_end_date >= n.mend "
                + "  THEN greatest(n.min_spend, q.cost) ELSE q.cost END) AS best FROM need n, LATERAL (SELECT p.monthly_fee, "
                + "  p.monthly_fee + greatest(0, n.uv - p.voice_min) * p.voice_rate "
                + "  + ceil(greatest(0, n.ud - p.data_mb) / 1024) * p.data_rate_per_gb + greatest(0, n.us - p.sms) * p.sms_rate AS cost "
                + "  FROM plans p WHERE p.published) q "
                + "  WHERE NOT coalesce(n.contract_kind IN ('HANDSET', 'BUNDLE') AND n.contract_end_date >= n.mend AND q.monthly_fee < n.pf, false) "
                + "  GROUP BY n.sub_idx, n.month) "
                + "SELECT j.sub_idx, j.month, "
                + "  (j.tariff_fee >= " + t.tariffFeeMinCents() + y + " AND j.tariff_fee * 100 >= " + t.tariffSharePct() + " * j.total_fee) AS t_tariff, "
                + "  (j.data_overage_fee >= " + t.dataOverageMinCents() + y + ") AS t_data, "
                + "  (j.mend - j.activation_date >= " + t.silenceTenureDays() + " AND ((j.pv > 0 AND j.pd > 0 "
                + "    AND j.uv * 100 < " + t.silenceUsagePct() + " * j.allow_voice AND j.ud * 100 < " + t.silenceUsagePct() + " * j.allow_data) "
                + "    OR coalesce(j.first_idle <= j.mend - " + t.silenceVasIdleDays() + ", false))) AS t_silence, "
                + "  (j.min_spend_topup >= " + t.arpuTopupMinCents() + y + " OR j.vas_fee >= " + t.arpuVasMinCents() + y
                + "    OR coalesce(bf.best * 100 <= " + t.arpuBestFitPct() + " * j.domestic, false)) AS t_arpu "
                + "FROM j LEFT JOIN bf ON bf.sub_idx = j.sub_idx AND bf.month = j.month");
        String mm = Duck.lit(m.toString());
        String m1 = Duck.lit(m.minusMonths(1).toString());
        String m2 = Duck.lit(m.minusMonths(2).toString());
        Duck.exec(c, "CREATE OR REPLACE TABLE base_status AS "
                + "WITH l AS (UNPIVOT base_tags ON t_tariff AS 'HIGH_TARIFF', t_data AS 'HIGH_DATA', t_silence AS 'HIGH_SILENCE', "
                + "  t_arpu AS 'HIGH_ARPU' INTO NAME tag VALUE held), "
                + "w AS (SELECT sub_idx, tag, bool_or(held) FILTER (WHERE month = " + mm + ") AS h0, "
                + "  bool_or(held) FILTER (WHERE month = " + m1 + ") AS h1, bool_or(held) FILTER (WHERE month = " + m2 + ") AS h2 "
                + "  FROM l WHERE month IN (" + mm + ", " + m1 + ", " + m2 + ") GROUP BY sub_idx, tag) "
                + "SELECT sub_idx, tag, CASE WHEN h0 THEN (CASE WHEN coalesce(h1, false) OR coalesce(h2, false) THEN 'PERSISTENT' ELSE 'NEW' END) END AS level, "
                + "  CASE WHEN h0 AND coalesce(h1, false) THEN 'STAYED' WHEN h0 THEN 'ENTERED' ELSE 'EXITED' END AS movement "
                + "FROM w WHERE h0 IS NOT NULL AND (h0 OR coalesce(h1, false))");
    }
}
