package io.tenure.store.publish;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One table the daily run publishes: its columns (as in migration V2) and the engine query that yields them, in
 * that order, from the run's loaded feeds and results.
 */
record PublishedTable(String name, List<String> columns, String select) {
    PublishedTable {
        columns = List.copyOf(columns);
    }

    private static List<String> cols(String csv) {
        return List.of(csv.replace("\n", " ").split("\\s*,\\s*"));
    }

    private static PublishedTable of(String name, String columns, String select) {
        return new PublishedTable(name, cols(columns.strip()), select);
    }

    /** Feed rows keyed by the subscriber index carry the subscriber id again. */
    private static String linked(String columns, String feed) {
        return "SELECT s.subscriber_id, " + prefixed(columns, "f") + " FROM " + feed + " f JOIN subscribers s ON s.sub_idx = f.sub_idx";
    }

    private static String prefixed(String columns, String alias) {
        return String.join(", ", cols(columns).stream().map(c -> alias + "." + c).toList());
    }

    /** Every published table for a run of {@code asOf} whose closed month is {@code month}. */
    static List<PublishedTable> all(LocalDate asOf, YearMonth month) {
        String plan = "plan_id, name, monthly_fee, voice_min, data_mb, sms, voice_rate, data_rate_per_gb, sms_rate, network, published";
        String addon = "addon_id, name, kind, monthly_fee, voice_min, data_mb, published";
        String sub = """
                subscriber_id, msisdn, customer_id, customer_name, gender, birth_date, city, county, activation_date,
                plan_id, addon_ids, status, real_name, owner_type, vip_level, contract_kind, contract_end_date, min_spend,
                family_id, group_id, broadband_bundle, handset_5g, dual_sim, marketing_consent, dnd, arrears,
                last_port_in_date, account_manager_id""";
        String monthStart = "DATE '" + asOf.withDayOfMonth(1) + "'";
        String customer = "SELECT " + prefixed(sub, "s") + ", d.mtd_through, d.mtd_voice_min, d.mtd_data_mb, d.mtd_sms "
                + "FROM subscribers s LEFT JOIN (SELECT sub_idx, max(date) AS mtd_through, sum(voice_min) AS mtd_voice_min, "
                + "CAST(sum(data_mb) AS DECIMAL(18,3)) AS mtd_data_mb, sum(sms) AS mtd_sms FROM usage_daily "
                + "WHERE date >= " + monthStart + " AND date < DATE '" + asOf + "' GROUP BY sub_idx) d ON d.sub_idx = s.sub_idx";
        String bill = """
                plan_fee, addon_fee, voice_overage_fee, data_overage_fee, sms_fee, intl_roaming_fee, idd_fee, vas_fee,
                min_spend_topup, discount, total_fee""";
        String use = "voice_min, data_mb, sms, offnet_voice_min, intl_roaming_min, idd_min, active_days";
        String customerMonth = "SELECT s.subscriber_id, coalesce(b.month, u.month) AS month, " + prefixed(bill, "b") + ", "
                + "u.voice_min, CAST(u.data_mb AS DECIMAL(18,3)), u.sms, u.offnet_voice_min, u.intl_roaming_min, u.idd_min, "
                + "u.active_days FROM bills b FULL JOIN usage u ON u.sub_idx = b.sub_idx AND u.month = b.month "
                + "JOIN subscribers s ON s.sub_idx = coalesce(b.sub_idx, u.sub_idx)";
        String vas = "service_id, name, monthly_fee, subscribed_on, last_used_on, uses_30d";
        String complaint = "complaint_id, created_at, channel, category, text, closed_at, resolved";
        String survey = "survey_id, survey_date, overall, network, tariff, service, billing";
        String contact = "contact_time, channel, purpose, campaign_id, action_id, outcome";
        String fh = """
                subscriber_id, city, county, tag, level, movement, month, vip_level, plan_id, plan_name, total_fee, tariff_fee,
                data_overage_fee, domestic, best_fit_cost, best_fit_plan_name, best_fit_saving, min_spend_topup, vas_fee,
                idle_vas_count, account_manager_id, care_action, channel, contact_allowed, offer_kind, offer, saving_avg,
                revenue_change, reason, sms, call_needs, call_offer, risk_probability, risk_band""";
        String ew = "subscriber_id, city, county, tag, tracked_through, projected_fee, care_action, channel, contact_allowed, sms, "
                + "call_needs, call_offer";
        return List.of(
                of("plan", plan, "SELECT " + plan + " FROM plans"),
                of("addon", addon, "SELECT " + addon + " FROM addons"),
                of("customer", sub + ", mtd_through, mtd_voice_min, mtd_data_mb, mtd_sms", customer),
                of("customer_month", "subscriber_id, month, " + bill + ", " + use, customerMonth),
                of("vas_subscription", "subscriber_id, " + vas, linked(vas, "vas")),
                of("complaint", "complaint_id, subscriber_id, created_at, channel, category, text, closed_at, resolved",
                        "SELECT f.complaint_id, s.subscriber_id, f.created_at, f.channel, f.category, f.text, f.closed_at, "
                                + "f.resolved FROM complaints f JOIN subscribers s ON s.sub_idx = f.sub_idx"),
                of("survey", "survey_id, subscriber_id, survey_date, overall, network, tariff, service, billing",
                        "SELECT f.survey_id, s.subscriber_id, " + prefixed(survey.substring(survey.indexOf(',') + 1), "f")
                                + " FROM surveys f JOIN subscribers s ON s.sub_idx = f.sub_idx"),
                of("port_event", "event_id, subscriber_id, msisdn, event_time, type, counterpart, channel, reason",
                        "SELECT e.event_id, s.subscriber_id, e.msisdn, e.event_time, e.type, e.counterpart, e.channel, e.reason "
                                + "FROM mnp_events e LEFT JOIN subscribers s ON s.msisdn = e.msisdn"),
                of("contact", "subscriber_id, " + contact, linked(contact, "contacts")),
                of("four_high", fh, "SELECT " + fh + " FROM fh_out"),
                of("early_warning", ew, "SELECT " + ew + " FROM ew_out"),
                of("risk", "subscriber_id, city, county, vip_level, probability, band, reasons",
                        "SELECT s.subscriber_id, s.city, s.county, s.vip_level, r.probability, r.band, "
                                + "concat_ws('；', r.reason_1, r.reason_2, r.reason_3) "
                                + "FROM risk_rows r JOIN subscribers s ON s.sub_idx = r.sub_idx"));
    }
}
