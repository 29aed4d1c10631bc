package io.tenure.engine.fourhigh;

import io.tenure.engine.duck.Duck;

import java.sql.Connection;

/**
 * Random but valid typed feed tables (the schemas ingestion loads), built in SQL for engine tests:
 * a few plans (one unpublished), packs, contracts of every kind around the months evaluated,
 * bills with large overages and missing months, missing usage rows and idle paid VAS.
 */
final class RandomFeeds {
    private RandomFeeds() {
    }

    static void create(Connection c, int subscribers, double seed) {
        Duck.exec(c, "SELECT setseed(" + seed + ")");
        Duck.exec(c, """
                CREATE OR REPLACE TABLE plans AS SELECT * FROM (VALUES
                 ('P19', '19元套餐', 19.00, 50, 1024, 0, 0.19, 5.00, 0.10, '4G', true),
                 ('P39', '39元套餐', 39.00, 100, 10240, 50, 0.19, 5.00, 0.10, '4G', true),
                 ('P59', '59元套餐', 59.00, 200, 20480, 100, 0.15, 3.00, 0.10, '5G', true),
                 ('P99', '99元套餐', 99.00, 500, 40960, 100, 0.15, 3.00, 0.10, '5G', true),
                 ('P199', '199元套餐', 199.00, 1000, 102400, 200, 0.15, 3.00, 0.10, '5G', true),
                 ('OLD28', '28元老套餐', 28.00, 300, 30000, 0, 0.25, 5.00, 0.10, '4G', false))
                 t(plan_id, name, monthly_fee, voice_min, data_mb, sms, voice_rate, data_rate_per_gb, sms_rate, network, published)""");
        Duck.exec(c, "ALTER TABLE plans ALTER monthly_fee TYPE DECIMAL(18,2); ALTER TABLE plans ALTER voice_rate TYPE DECIMAL(18,2); "
                + "ALTER TABLE plans ALTER data_rate_per_gb TYPE DECIMAL(18,2); ALTER TABLE plans ALTER sms_rate TYPE DECIMAL(18,2); "
                + "ALTER TABLE plans ALTER voice_min TYPE BIGINT; ALTER TABLE plans ALTER data_mb TYPE BIGINT; ALTER TABLE plans ALTER sms TYPE BIGINT");
        Duck.exec(c, """
                CREATE OR REPLACE TABLE addons AS SELECT addon_id, name, kind, CAST(fee AS DECIMAL(18,2)) AS monthly_fee,
                  CAST(v AS BIGINT) AS voice_min, CAST(d AS BIGINT) AS data_mb, pub AS published FROM (VALUES
                 ('A_D10', '10GB包', 'DATA', 20.00, 0, 10240, true), ('A_V100', '100分钟包', 'VOICE', 10.00, 100, 0, true),
                 ('A_D1', '1GB包', 'DATA', 5.00, 0, 1024, false)) t(addon_id, name, kind, fee, v, d, pub)""");
        Duck.exec(c, "CREATE OR REPLACE TABLE subscribers AS SELECT CAST(i AS BIGINT) AS sub_idx, 'S' || lpad(CAST(i AS VARCHAR), 7, '0') AS subscriber_id, "
                + "'138' || lpad(CAST(i AS VARCHAR), 8, '0') AS msisdn, '张三' AS customer_name, "
                + "CASE WHEN i % 3 = 0 THEN '三明市' ELSE '福州市' END AS city, CASE WHEN i % 6 < 3 THEN '永安市' ELSE '鼓楼区' END AS county, "
                + "DATE '2026-10-31' - CAST(floor(random() * 400) AS INTEGER) AS activation_date, "
                + "(['P19','P39','P59','P99','P199','OLD28'])[1 + CAST(floor(random() * 6) AS INTEGER)] AS plan_id, "
                + "(['A_D10', 'A_V100', 'A_D1;A_V100', NULL, NULL, NULL])[1 + CAST(floor(random() * 6) AS INTEGER)] AS addon_ids, "
                + "CASE WHEN random() < 0.93 THEN 'ACTIVE' ELSE 'SUSPENDED' END AS status, "
                + "(['NONE', 'NONE', 'SILVER', 'GOLD', 'DIAMOND'])[1 + CAST(floor(random() * 5) AS INTEGER)] AS vip_level, "
                + "random() < 0.8 AS marketing_consent, CASE WHEN random() < 0.1 THEN true WHEN random() < 0.5 THEN NULL ELSE false END AS dnd, "
                + "(['HANDSET', 'MIN_SPEND', 'BUNDLE', NULL, NULL])[1 + CAST(floor(random() * 5) AS INTEGER)] AS contract_kind, "
                + "DATE '2026-07-31' + CAST(floor(random() * 150) AS INTEGER) AS contract_end_date, "
                + "CAST(round(random() * 120, 0) AS DECIMAL(18,2)) AS min_spend, NULL::VARCHAR AS account_manager_id "
                + "FROM range(" + subscribers + ") t(i)");
        Duck.exec(c, "UPDATE subscribers SET contract_end_date = NULL WHERE contract_kind IS NULL");
        Duck.exec(c, "CREATE OR REPLACE TABLE usage AS SELECT s.sub_idx, s.subscriber_id, m.month, "
                + "CAST(floor(random() * random() * 900) AS BIGINT) AS voice_min, "
                + "CAST(round(random() * random() * 60000, 6) AS DECIMAL(18,6)) AS data_mb, CAST(floor(random() * 120) AS BIGINT) AS sms "
                + "FROM subscribers s, (VALUES ('2026-05'), ('2026-06'), ('2026-07'), ('2026-08'), ('2026-09'), ('2026-10')) m(month) "
                + "WHERE random() < 0.9 ORDER BY 1, 3");
        Duck.exec(c, "CREATE OR REPLACE TABLE bills AS WITH x AS (SELECT s.sub_idx, s.subscriber_id, m.month, "
                + "CAST(CASE WHEN random() < 0.3 THEN round(random() * 80, 2) ELSE 0 END AS DECIMAL(18,2)) AS voice_overage_fee, "
                + "CAST(CASE WHEN random() < 0.3 THEN round(random() * 60, 0) ELSE 0 END AS DECIMAL(18,2)) AS data_overage_fee, "
                + "CAST(CASE WHEN random() < 0.1 THEN round(random() * 50, 2) ELSE 0 END AS DECIMAL(18,2)) AS intl_roaming_fee, "
                + "CAST(CASE WHEN random() < 0.1 THEN round(random() * 40, 2) ELSE 0 END AS DECIMAL(18,2)) AS idd_fee, "
                + "CAST(CASE WHEN random() < 0.2 THEN round(random() * 45, 2) ELSE 0 END AS DECIMAL(18,2)) AS vas_fee, "
                + "CAST(CASE WHEN random() < 0.2 THEN round(random() * 40, 2) ELSE 0 END AS DECIMAL(18,2)) AS min_spend_topup, "
                + "CAST(round(random() * 8, 2) AS DECIMAL(18,2)) AS sms_fee, p.monthly_fee AS plan_fee, "
                + "CAST(CASE WHEN s.addon_ids IS NULL THEN 0 ELSE 20 END AS DECIMAL(18,2)) AS addon_fee "
                + "FROM subscribers s JOIN plans p ON p.plan_id = s.plan_id, "
                + "(VALUES ('2026-05'), ('2026-06'), ('2026-07'), ('2026-08'), ('2026-09'), ('2026-10')) m(month) WHERE random() < 0.92) "
                + "SELECT sub_idx, subscriber_id, month, plan_fee, addon_fee, voice_overage_fee, data_overage_fee, sms_fee, intl_roaming_fee, "
                + "idd_fee, vas_fee, min_spend_topup, CAST(0 AS DECIMAL(18,2)) AS discount, "
                + "plan_fee + addon_fee + voice_overage_fee + data_overage_fee + sms_fee + intl_roaming_fee + idd_fee + vas_fee + min_spend_topup AS total_fee "
                + "FROM x ORDER BY sub_idx, month");
        Duck.exec(c, "CREATE OR REPLACE TABLE vas AS SELECT sub_idx, subscriber_id, 'SP' || CAST(CAST(floor(random() * 5) AS INTEGER) AS VARCHAR) AS service_id, "
                + "'视频会员' AS name, CAST(CASE WHEN random() < 0.5 THEN 15 ELSE 0 END AS DECIMAL(18,2)) AS monthly_fee, "
                + "DATE '2026-10-31' - CAST(floor(random() * 200) AS INTEGER) AS subscribed_on, NULL::DATE AS last_used_on, "
                + "CAST(CASE WHEN random() < 0.6 THEN 0 ELSE 3 END AS BIGINT) AS uses_30d FROM subscribers WHERE random() < 0.3 ORDER BY sub_idx");
        Duck.exec(c, "CREATE OR REPLACE TABLE usage_daily AS SELECT s.sub_idx, s.subscriber_id, DATE '2026-11-01' + CAST(d AS INTEGER) AS date, "
                + "CAST(floor(random() * 40) AS BIGINT) AS voice_min, CAST(round(random() * 3000, 3) AS DECIMAL(18,6)) AS data_mb, "
                + "CAST(0 AS BIGINT) AS sms FROM subscribers s, range(20) t(d) WHERE random() < 0.95");
    }
}
