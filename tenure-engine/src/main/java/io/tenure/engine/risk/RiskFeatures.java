package io.tenure.engine.risk;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.engine.duck.Duck;
import org.duckdb.DuckDBConnection;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Per-subscriber features of port-out risk as of a cutoff date C, from the contract's feeds only: bills and usage
 * of the three closed months before C's month, complaints, surveys, number-portability events and contacts before
 * C, the snapshot's contract and bundle attributes. The label, for training, is a PORT_OUT of the number in the 90
 * days from C. {@link #leaks} recomputes the features on copies of the feeds cut at C and names every feature
 * that differs: one that reads past the cutoff.
 */
public final class RiskFeatures {
    /** How a feature's value reads in a reason. */
    public enum Format { PERCENT, COUNT, DAYS, YUAN, SCORE, FLAG, GB }

    /** One feature: its column name, its SQL over the CTEs below ({@code %C} the cutoff date), and how its value reads. */
    public record Feature(String name, String sql, Format format) {
    }

    /** Days after the cutoff within which a port-out is the positive label. */
    public static final int HORIZON_DAYS = 90;

    public static final List<Feature> FEATURES = List.of(
            new Feature("tenure_days", "%C - s.activation_date", Format.DAYS),
            new Feature("arpu_3m", "b.arpu_3m", Format.YUAN),
            new Feature("arpu_trend", "b.fee_last - b.fee_before", Format.YUAN),
            new Feature("plan_fit_saving", "NULL", Format.YUAN), // by the core's best fit: PlanFit
            new Feature("fh_tariff_last", "b.fh_tariff_last", Format.FLAG),
            new Feature("fh_data_last", "b.fh_data_last", Format.FLAG),
            new Feature("fh_arpu_last", "b.fh_arpu_last", Format.FLAG),
            new Feature("fh_months_3m", "b.fh_months", Format.COUNT),
            new Feature("data_overage_last", "b.data_over_last", Format.YUAN),
            new Feature("data_overage_trend", "b.data_over_last - b.data_over_before", Format.YUAN),
            new Feature("offnet_share_3m", "u.offnet_share_3m", Format.PERCENT),
            new Feature("offnet_share_last", "u.offnet_share_last", Format.PERCENT),
            new Feature("rival_hotline_last", "u.rival_last", Format.COUNT),
            new Feature("rival_hotline_3m", "u.rival_3m", Format.COUNT),
            new Feature("own_hotline_3m", "u.own_3m", Format.COUNT),
            new Feature("active_days_last", "u.active_days_last", Format.DAYS),
            new Feature("voice_min_last", "u.voice_last", Format.COUNT),
            new Feature("data_gb_last", "u.data_gb_last", Format.GB),
            new Feature("complaints_30d", "coalesce(c.n30, 0)", Format.COUNT),
            new Feature("complaints_90d", "coalesce(c.n90, 0)", Format.COUNT),
            new Feature("complaints_unresolved", "coalesce(c.unresolved, 0)", Format.COUNT),
            new Feature("survey_overall", "sv.overall", Format.SCORE),
            new Feature("survey_network", "sv.network", Format.SCORE),
            new Feature("survey_tariff", "sv.tariff", Format.SCORE),
            new Feature("survey_service", "sv.service", Format.SCORE),
            new Feature("contract_days_left", "s.contract_end_date - %C", Format.DAYS),
            new Feature("eligibility_queries_90d", "coalesce(e.queries, 0)", Format.COUNT),
            new Feature("auth_codes_90d", "coalesce(e.codes, 0)", Format.COUNT),
            new Feature("marketing_contacts_90d", "coalesce(k.marketing, 0)", Format.COUNT),
            new Feature("declined_90d", "coalesce(k.declined, 0)", Format.COUNT),
            new Feature("vip_level", "coalesce(list_position(['SILVER', 'GOLD', 'DIAMOND'], s.vip_level), 0)", Format.COUNT),
            new Feature("family_bundle", "CASE WHEN s.family_id IS NULL THEN 0 ELSE 1 END", Format.FLAG),
            new Feature("group_member", "CASE WHEN s.group_id IS NULL THEN 0 ELSE 1 END", Format.FLAG),
            new Feature("broadband_bundle", "CASE WHEN s.broadband_bundle THEN 1 ELSE 0 END", Format.FLAG),
            new Feature("handset_5g", "CASE WHEN s.handset_5g THEN 1 ELSE 0 END", Format.FLAG),
            new Feature("dual_sim", "CASE WHEN s.dual_sim THEN 1 ELSE 0 END", Format.FLAG));

    private RiskFeatures() {
    }

    public static Feature feature(String name) {
        return FEATURES.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new TenureException(ErrorCode.MODEL_MISMATCH, "the model reads a feature '" + name
                        + "' that the feeds do not give; train it again with `tenure model train --data`"));
    }

    /**
     * SQL of the training rows of a cutoff: sub_idx, every feature, the plan-fit helper columns and the label
     * port_out (0/1), for the subscribers activated before the cutoff and not ported out before it.
     *
     * @param months the closed months before the cutoff's month, latest first ({@link #months})
     */
    public static String training(LocalDate cutoff, List<String> months) {
        return sql(cutoff, true, false, "", FEATURES, null, months);
    }

    /**
     * SQL of the features of the ACTIVE subscribers whose sub_idx lies in [from, to] only, as of the cutoff: every
     * feed of subscribers' rows is read for that range alone (the feeds are stored in sub_idx order, so a range skips
     * the others' row groups).
     */
    public static String scoring(LocalDate cutoff, long from, long to, List<String> months) {
        return sql(cutoff, false, true, "", FEATURES, new long[]{from, to}, months);
    }

    /** The (up to) three closed months of bills before the cutoff's month, latest first. */
    public static List<String> months(DuckDBConnection conn, LocalDate cutoff) {
        List<String> out = new ArrayList<>();
        String sql = "SELECT DISTINCT month FROM bills WHERE month < " + Duck.lit(YearMonth.from(cutoff).toString())
                + " ORDER BY month DESC LIMIT 3";
        try (var st = conn.createStatement(); var r = st.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw Duck.failure(sql, e);
        }
        return out;
    }

    /**
     * The features (tests give a leaking one) for a range of sub_idx or all (null), the population narrowed by
     * {@code where} (a sample) unless empty.
     */
    private static String sql(LocalDate cutoff, boolean label, boolean activeOnly, String where, List<Feature> features,
                              long[] range, List<String> months) {
        String in = range == null ? "" : " AND sub_idx BETWEEN " + range[0] + " AND " + range[1];
        String whereX = range == null ? "" : " WHERE x.sub_idx BETWEEN " + range[0] + " AND " + range[1];
        String c = "DATE " + Duck.lit(cutoff.toString());
        // timestamps compared with the local midnights as instants: no conversion of every event's time
        String ts = at(cutoff);
        String ts30 = at(cutoff.minusDays(30));
        String ts90 = at(cutoff.minusDays(90));
        StringBuilder q = new StringBuilder();
        q.append("WITH months AS (SELECT * FROM (VALUES ");
        for (int i = 0; i < months.size(); i++) {
            q.append(i == 0 ? "" : ", ").append("(").append(Duck.lit(months.get(i))).append(", ").append(i + 1).append(")");
        }
        // no closed month: an empty table of the same columns
        q.append(months.isEmpty() ? "(NULL::VARCHAR, 0)) t(month, k) WHERE false), " : ") t(month, k)), ");
        q.append("ported AS (SELECT msisdn, min(").append(Duck.localDate("event_time")).append(") AS day FROM mnp_events")
                .append(" WHERE type = 'PORT_OUT' GROUP BY msisdn), ")
                .append("pop AS (SELECT s.* FROM subscribers s").append(activeOnly ? "" : " LEFT JOIN ported p ON p.msisdn = s.msisdn")
                .append(" WHERE s.activation_date < ")
                .append(c).append(activeOnly ? " AND s.status = 'ACTIVE'" : " AND (p.day IS NULL OR p.day >= " + c + ")")
                .append(where.isEmpty() ? "" : " AND " + where).append(in.replace("sub_idx", "s.sub_idx")).append("), ")
                .append("b AS (SELECT x.sub_idx, avg(x.total_fee) AS arpu_3m, max(x.total_fee) FILTER (WHERE m.k = 1) AS fee_last, ")
                .append("avg(x.total_fee) FILTER (WHERE m.k > 1) AS fee_before, ")
                .append("max(x.plan_fee + x.addon_fee + x.voice_overage_fee + x.data_overage_fee + x.sms_fee + x.min_spend_topup) ")
                .append("FILTER (WHERE m.k = 1) AS domestic_last, ")
                .append("max(x.data_overage_fee) FILTER (WHERE m.k = 1) AS data_over_last, ")
                .append("avg(x.data_overage_fee) FILTER (WHERE m.k > 1) AS data_over_before, ")
                .append("max(CASE WHEN x.voice_overage_fee + x.intl_roaming_fee + x.idd_fee >= 30 AND x.voice_overage_fee + ")
                .append("x.intl_roaming_fee + x.idd_fee >= 0.25 * x.total_fee THEN 1 ELSE 0 END) FILTER (WHERE m.k = 1) AS fh_tariff_last, ")
                .append("max(CASE WHEN x.data_overage_fee >= 20 THEN 1 ELSE 0 END) FILTER (WHERE m.k = 1) AS fh_data_last, ")
                .append("max(CASE WHEN x.min_spend_topup >= 20 OR x.vas_fee >= 30 THEN 1 ELSE 0 END) FILTER (WHERE m.k = 1) AS fh_arpu_last, ")
                .append("sum(CASE WHEN x.data_overage_fee >= 20 OR x.min_spend_topup >= 20 OR x.vas_fee >= 30 OR (x.voice_overage_fee + ")
                .append("x.intl_roaming_fee + x.idd_fee >= 30 AND x.voice_overage_fee + x.intl_roaming_fee + x.idd_fee >= 0.25 * x.total_fee)")
                .append(" THEN 1 ELSE 0 END) AS fh_months FROM bills x JOIN months m ON m.month = x.month").append(whereX)
                .append(" GROUP BY x.sub_idx), ")
                .append("u AS (SELECT x.sub_idx, sum(x.offnet_voice_min) / nullif(sum(x.voice_min), 0) AS offnet_share_3m, ")
                .append("max(x.offnet_voice_min / nullif(x.voice_min, 0)) FILTER (WHERE m.k = 1) AS offnet_share_last, ")
                .append("max(x.rival_hotline_calls) FILTER (WHERE m.k = 1) AS rival_last, sum(x.rival_hotline_calls) AS rival_3m, ")
                .append("sum(x.own_hotline_calls) AS own_3m, max(x.active_days) FILTER (WHERE m.k = 1) AS active_days_last, ")
                .append("max(x.voice_min) FILTER (WHERE m.k = 1) AS voice_last, max(x.data_mb / 1024) FILTER (WHERE m.k = 1) AS data_gb_last, ")
                .append("max(x.data_mb) FILTER (WHERE m.k = 1) AS data_mb_last, max(x.sms) FILTER (WHERE m.k = 1) AS sms_last ")
                .append("FROM usage x JOIN months m ON m.month = x.month").append(whereX).append(" GROUP BY x.sub_idx), ")
                .append("c AS (SELECT sub_idx, count(*) FILTER (WHERE created_at >= ").append(ts30).append(") AS n30, ")
                .append("count(*) FILTER (WHERE created_at >= ").append(ts90).append(") AS n90, ")
                .append("count(*) FILTER (WHERE created_at >= ").append(ts90).append(" AND NOT (coalesce(resolved, false) AND ")
                .append("closed_at IS NOT NULL AND closed_at < ").append(ts).append(")) AS unresolved ")
                .append("FROM complaints WHERE created_at < ").append(ts).append(in).append(" GROUP BY sub_idx), ")
                .append("sv AS (SELECT sub_idx, arg_max(overall, survey_date) AS overall, arg_max(network, survey_date) AS network, ")
                .append("arg_max(tariff, survey_date) AS tariff, arg_max(service, survey_date) AS service FROM surveys WHERE survey_date < ")
                .append(c).append(in).append(" GROUP BY sub_idx), ")
                .append("e AS (SELECT msisdn, count(*) FILTER (WHERE type = 'QUERY') AS queries, count(*) FILTER (WHERE type = 'AUTH_CODE') AS codes ")
                .append("FROM mnp_events WHERE event_time < ").append(ts).append(" AND event_time >= ").append(ts90).append(" GROUP BY msisdn), ")
                .append("k AS (SELECT sub_idx, count(*) FILTER (WHERE purpose = 'MARKETING') AS marketing, ")
                .append("count(*) FILTER (WHERE outcome = 'DECLINED') AS declined FROM contacts WHERE contact_time < ").append(ts)
                .append(" AND contact_time >= ").append(ts90).append(in).append(" GROUP BY sub_idx) ");
        q.append("SELECT s.sub_idx");
        for (Feature f : features) {
            q.append(", CAST(").append(f.sql().replace("%C", c)).append(" AS DOUBLE) AS ").append(f.name());
        }
        // what the plan fit is computed from, by the core's bill simulation (PlanFit): the last month's domestic
        // spend and usage
        q.append(", CAST(b.domestic_last AS DOUBLE) AS pf_domestic, CAST(coalesce(u.voice_last, 0) AS DOUBLE) AS pf_voice, ")
                .append("CAST(coalesce(u.data_mb_last, 0) AS DOUBLE) AS pf_data_mb, CAST(coalesce(u.sms_last, 0) AS DOUBLE) AS pf_sms");
        if (label) {
            q.append(", CASE WHEN p.day >= ").append(c).append(" AND p.day < ").append(c).append(" + INTERVAL ").append(HORIZON_DAYS)
                    .append(" DAY THEN 1 ELSE 0 END AS port_out");
        }
        q.append(" FROM pop s LEFT JOIN b ON b.sub_idx = s.sub_idx LEFT JOIN u ON u.sub_idx = s.sub_idx")
                .append(" LEFT JOIN c ON c.sub_idx = s.sub_idx")
                .append(" LEFT JOIN sv ON sv.sub_idx = s.sub_idx LEFT JOIN e ON e.msisdn = s.msisdn")
                .append(" LEFT JOIN k ON k.sub_idx = s.sub_idx").append(label ? " LEFT JOIN ported p ON p.msisdn = s.msisdn" : "")
                .append(label ? " ORDER BY s.sub_idx" : ""); // training rows in a stable order: the same data, the same fingerprint
        return q.toString();
    }

    /** The event feeds cut at the cutoff (SQL of each copy): what was known on that day. */
    private static List<String> cut(LocalDate cutoff) {
        String c = "DATE " + Duck.lit(cutoff.toString());
        String m = Duck.lit(YearMonth.from(cutoff).toString());
        String closed = Duck.localDate("closed_at") + " < " + c;
        return List.of(
                "bills AS SELECT * FROM main.bills WHERE month < " + m,
                "usage AS SELECT * FROM main.usage WHERE month < " + m,
                "usage_daily AS SELECT * FROM main.usage_daily WHERE date < " + c,
                "complaints AS SELECT * REPLACE (CASE WHEN closed_at IS NOT NULL AND " + closed + " THEN closed_at END AS closed_at, "
                        + "coalesce(resolved, false) AND closed_at IS NOT NULL AND " + closed + " AS resolved) FROM main.complaints WHERE "
                        + Duck.localDate("created_at") + " < " + c,
                "surveys AS SELECT * FROM main.surveys WHERE survey_date < " + c,
                "mnp_events AS SELECT * FROM main.mnp_events WHERE " + Duck.localDate("event_time") + " < " + c,
                "contacts AS SELECT * FROM main.contacts WHERE " + Duck.localDate("contact_time") + " < " + c);
    }

    /** The local midnight starting a day, as an instant. */
    private static String at(LocalDate day) {
        return "TIMESTAMPTZ " + Duck.lit(day + " 00:00:00+08");
    }


    /**
     * The features that differ when computed from the feeds cut at the cutoff (on a sample of subscribers): each
     * such feature reads data after the cutoff. Empty when none leaks.
     */
    public static List<String> leaks(DuckDBConnection conn, LocalDate cutoff, String sample) {
        return leaks(conn, cutoff, sample, FEATURES);
    }

    static List<String> leaks(DuckDBConnection conn, LocalDate cutoff, String sample, List<Feature> features) {
        Duck.exec(conn, "CREATE SCHEMA IF NOT EXISTS cut");
        try {
            for (String t : cut(cutoff)) {
                Duck.exec(conn, "CREATE OR REPLACE TABLE cut." + t);
            }
            List<String> months = months(conn, cutoff);
            Duck.exec(conn, "CREATE OR REPLACE TEMP TABLE leak_full AS " + sql(cutoff, false, false, sample, features, null, months));
            Duck.exec(conn, "SET search_path = 'cut,main'");
            try {
                Duck.exec(conn, "CREATE OR REPLACE TEMP TABLE leak_cut AS " + sql(cutoff, false, false, sample, features, null, months));
            } finally {
                Duck.exec(conn, "SET search_path = 'main'");
            }
            List<String> leaking = new ArrayList<>();
            List<String> compared = new ArrayList<>(features.stream().map(Feature::name).toList());
            compared.addAll(PlanFit.COLUMNS);
            String diff = compared.stream().map(n -> "count(*) FILTER (WHERE a." + n + " IS DISTINCT FROM b." + n + ")")
                    .collect(Collectors.joining(", "));
            try (var st = conn.createStatement(); var r = st.executeQuery("SELECT " + diff
                    + ", (SELECT count(*) FROM leak_full) - (SELECT count(*) FROM leak_cut) FROM leak_full a JOIN leak_cut b USING (sub_idx)")) {
                r.next();
                for (int i = 0; i < compared.size(); i++) {
                    if (r.getLong(i + 1) > 0) {
                        leaking.add(compared.get(i));
                    }
                }
                if (r.getLong(compared.size() + 1) != 0) {
                    leaking.add("(population)");
                }
            }
            return leaking;
        } catch (java.sql.SQLException e) {
            throw Duck.failure("leakage check", e);
        } finally {
            Duck.exec(conn, "DROP SCHEMA IF EXISTS cut CASCADE");
        }
    }
}
