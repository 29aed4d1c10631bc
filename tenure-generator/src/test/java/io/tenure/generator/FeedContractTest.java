package io.tenure.generator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The files follow the data contract: names, headers, value formats. */
class FeedContractTest {
    /** Column lists copied from data-contract.md. */
    static final Map<String, List<String>> CONTRACT = new LinkedHashMap<>();

    static {
        CONTRACT.put("plans", List.of("plan_id", "name", "monthly_fee", "voice_min", "data_mb", "sms", "voice_rate",
                "data_rate_per_gb", "sms_rate", "network", "published"));
        CONTRACT.put("addons", List.of("addon_id", "name", "kind", "monthly_fee", "voice_min", "data_mb", "published"));
        CONTRACT.put("subscribers", List.of("subscriber_id", "msisdn", "customer_id", "customer_name", "id_number", "gender",
                "birth_date", "city", "county", "activation_date", "plan_id", "addon_ids", "status", "real_name",
                "owner_type", "vip_level", "contract_kind", "contract_end_date", "min_spend", "family_id", "group_id",
                "broadband_bundle", "handset_5g", "dual_sim", "marketing_consent", "dnd", "arrears", "last_port_in_date",
                "account_manager_id"));
        CONTRACT.put("bills", List.of("subscriber_id", "month", "plan_fee", "addon_fee", "voice_overage_fee",
                "data_overage_fee", "sms_fee", "intl_roaming_fee", "idd_fee", "vas_fee", "min_spend_topup", "discount",
                "total_fee"));
        CONTRACT.put("usage", List.of("subscriber_id", "month", "voice_min", "data_mb", "sms", "offnet_voice_min",
                "intl_roaming_min", "idd_min", "active_days", "rival_hotline_calls", "own_hotline_calls"));
        CONTRACT.put("usage_daily", List.of("subscriber_id", "date", "voice_min", "data_mb", "sms"));
        CONTRACT.put("vas", List.of("subscriber_id", "service_id", "name", "monthly_fee", "subscribed_on", "last_used_on",
                "uses_30d"));
        CONTRACT.put("complaints", List.of("complaint_id", "subscriber_id", "created_at", "channel", "category", "text",
                "closed_at", "resolved"));
        CONTRACT.put("surveys", List.of("survey_id", "subscriber_id", "survey_date", "overall", "network", "tariff",
                "service", "billing"));
        CONTRACT.put("mnp_events", List.of("event_id", "msisdn", "event_time", "type", "counterpart", "channel", "reason"));
        CONTRACT.put("contacts", List.of("subscriber_id", "contact_time", "channel", "purpose", "campaign_id", "action_id",
                "outcome"));
    }

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
    private static final Pattern MONEY = Pattern.compile("\\d+\\.\\d{2}");
    private static final Pattern MB = Pattern.compile("\\d+(\\.\\d{1,3})?");
    private static final Pattern INT = Pattern.compile("\\d+");
    private static final Pattern FLAG = Pattern.compile("[YN]");

    @Test
    void everyFeedOfTheContractIsWrittenWithItsExactHeader() {
        Path dir = Fixtures.standard();
        CONTRACT.forEach((feed, columns) -> {
            Path file = dir.resolve(feed + ".csv");
            assertThat(file).exists();
            assertThat(Fixtures.standard(feed).header).as(feed).isEqualTo(columns);
            assertThat(Fixtures.standard(feed).rows).as(feed).isNotEmpty();
        });
    }

    @Test
    void rowsHaveTheHeaderWidthAndReportedCountsMatchTheFiles() throws IOException {
        Path dir = Fixtures.standard();
        String manifest = Files.readString(dir.resolve("generator.json"), StandardCharsets.UTF_8);
        for (String feed : CONTRACT.keySet()) {
            CsvTable t = Fixtures.standard(feed);
            assertThat(t.rows.stream().filter(r -> r.length != t.header.size()).count()).as(feed).isZero();
            assertThat(manifest).contains("\"" + feed + "\": " + t.rows.size());
        }
    }

    @Test
    void linesEndWithCrLfAsRfc4180Says() throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.standard().resolve("plans.csv"));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n", -1)).hasSize(Fixtures.standard("plans").rows.size() + 2);
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void valuesUseTheContractFormats() {
        check("bills", "month", MONTH, false);
        for (String c : List.of("plan_fee", "addon_fee", "voice_overage_fee", "data_overage_fee", "sms_fee", "vas_fee",
                "min_spend_topup", "discount", "total_fee")) {
            check("bills", c, MONEY, false);
        }
        check("bills", "intl_roaming_fee", MONEY, true);
        check("usage", "data_mb", MB, false);
        check("usage", "active_days", INT, false);
        check("usage_daily", "date", DATE, false);
        check("usage_daily", "data_mb", MB, false);
        check("subscribers", "activation_date", DATE, false);
        check("subscribers", "birth_date", DATE, true);
        check("subscribers", "msisdn", Pattern.compile("1\\d{10}"), false);
        check("subscribers", "real_name", FLAG, false);
        check("subscribers", "marketing_consent", FLAG, false);
        check("subscribers", "arrears", MONEY, false);
        check("subscribers", "min_spend", MONEY, true);
        check("subscribers", "status", Pattern.compile("ACTIVE|SUSPENDED|LOST|CANCELLED"), false);
        check("subscribers", "vip_level", Pattern.compile("NONE|SILVER|GOLD|DIAMOND"), false);
        check("subscribers", "contract_kind", Pattern.compile("HANDSET|MIN_SPEND|BUNDLE"), true);
        check("complaints", "created_at", TIMESTAMP, false);
        check("complaints", "closed_at", TIMESTAMP, true);
        check("complaints", "channel", Pattern.compile("HOTLINE|APP|STORE|REGULATOR"), false);
        check("surveys", "overall", Pattern.compile("[1-9]|10"), false);
        check("surveys", "network", Pattern.compile("[1-9]|10"), true);
        check("mnp_events", "event_time", TIMESTAMP, false);
        check("mnp_events", "type", Pattern.compile("QUERY|AUTH_CODE|PORT_OUT|PORT_IN|CANCELLED"), false);
        check("mnp_events", "counterpart", Pattern.compile("CMCC|CUCC|CTCC|CBN"), true);
        check("contacts", "contact_time", TIMESTAMP, false);
        check("contacts", "channel", Pattern.compile("SMS|CALL|APP|MANAGER|STORE"), false);
        check("contacts", "purpose", Pattern.compile("MARKETING|SERVICE"), false);
        check("contacts", "outcome", Pattern.compile("SENT|DELIVERED|ANSWERED|ACCEPTED|DECLINED|UNREACHABLE|OPTED_OUT"), false);
        check("vas", "subscribed_on", DATE, false);
        check("vas", "last_used_on", DATE, true);
        check("plans", "network", Pattern.compile("4G|5G"), false);
    }

    @Test
    void keysAreUnique() {
        assertUnique("subscribers", "subscriber_id");
        assertUnique("subscribers", "msisdn");
        assertUnique("complaints", "complaint_id");
        assertUnique("surveys", "survey_id");
        assertUnique("mnp_events", "event_id");
        assertUnique("bills", "subscriber_id", "month");
        assertUnique("usage", "subscriber_id", "month");
        assertUnique("usage_daily", "subscriber_id", "date");
        assertUnique("vas", "subscriber_id", "service_id");
    }

    @Test
    void referencesPointToRowsThatExist() {
        CsvTable subs = Fixtures.standard("subscribers");
        var ids = subs.rows.stream().map(r -> subs.get(r, "subscriber_id")).collect(java.util.stream.Collectors.toSet());
        var plans = Fixtures.standard("plans").rows.stream().map(r -> r[0]).collect(java.util.stream.Collectors.toSet());
        var addons = Fixtures.standard("addons").rows.stream().map(r -> r[0]).collect(java.util.stream.Collectors.toSet());
        for (String feed : List.of("bills", "usage", "usage_daily", "vas", "complaints", "surveys", "contacts")) {
            CsvTable t = Fixtures.standard(feed);
            int c = t.col("subscriber_id");
            assertThat(t.rows.stream().filter(r -> !ids.contains(r[c])).count()).as(feed).isZero();
        }
        assertThat(subs.rows).allSatisfy(r -> {
            assertThat(plans).contains(subs.get(r, "plan_id"));
            String a = subs.get(r, "addon_ids");
            if (!a.isEmpty()) {
                assertThat(addons).contains(a.split(";"));
            }
        });
    }

    private static void assertUnique(String feed, String... columns) {
        CsvTable t = Fixtures.standard(feed);
        long distinct = t.rows.stream().map(r -> {
            StringBuilder k = new StringBuilder();
            for (String c : columns) {
                k.append(t.get(r, c)).append('|');
            }
            return k.toString();
        }).distinct().count();
        assertThat(distinct).as(feed + " key").isEqualTo(t.rows.size());
    }

    private static void check(String feed, String column, Pattern p, boolean nullable) {
        CsvTable t = Fixtures.standard(feed);
        int c = t.col(column);
        List<String> bad = t.rows.stream().map(r -> r[c])
                .filter(v -> !(nullable && v.isEmpty()) && !p.matcher(v).matches()).limit(5).toList();
        assertThat(bad).as(feed + "." + column).isEmpty();
    }
}
