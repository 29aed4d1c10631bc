package io.tenure.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

class FeedLoaderTest extends IngestTestSupport {

    private static final Map<String, String> SCHEMAS = Map.ofEntries(
            Map.entry("plans", "plan_id VARCHAR, name VARCHAR, monthly_fee DECIMAL(18,2), voice_min BIGINT,"
                    + " data_mb BIGINT, sms BIGINT, voice_rate DECIMAL(18,2), data_rate_per_gb DECIMAL(18,2),"
                    + " sms_rate DECIMAL(18,2), network VARCHAR, published BOOLEAN"),
            Map.entry("addons", "addon_id VARCHAR, name VARCHAR, kind VARCHAR, monthly_fee DECIMAL(18,2),"
                    + " voice_min BIGINT, data_mb BIGINT, published BOOLEAN"),
            Map.entry("subscribers", "sub_idx BIGINT, subscriber_id VARCHAR, msisdn VARCHAR, customer_id VARCHAR,"
                    + " customer_name VARCHAR, id_number VARCHAR, gender VARCHAR, birth_date DATE, city VARCHAR,"
                    + " county VARCHAR, activation_date DATE, plan_id VARCHAR, addon_ids VARCHAR, status VARCHAR,"
                    + " real_name BOOLEAN, owner_type VARCHAR, vip_level VARCHAR, contract_kind VARCHAR,"
                    + " contract_end_date DATE, min_spend DECIMAL(18,2), family_id VARCHAR, group_id VARCHAR,"
                    + " broadband_bundle BOOLEAN, handset_5g BOOLEAN, dual_sim BOOLEAN, marketing_consent BOOLEAN,"
                    + " dnd BOOLEAN, arrears DECIMAL(18,2), last_port_in_date DATE, account_manager_id VARCHAR"),
            Map.entry("bills", "sub_idx BIGINT, month VARCHAR, plan_fee DECIMAL(18,2),"
                    + " addon_fee DECIMAL(18,2), voice_overage_fee DECIMAL(18,2), data_overage_fee DECIMAL(18,2),"
                    + " sms_fee DECIMAL(18,2), intl_roaming_fee DECIMAL(18,2), idd_fee DECIMAL(18,2),"
                    + " vas_fee DECIMAL(18,2), min_spend_topup DECIMAL(18,2), discount DECIMAL(18,2),"
                    + " total_fee DECIMAL(18,2)"),
            Map.entry("usage", "sub_idx BIGINT, month VARCHAR, voice_min BIGINT,"
                    + " data_mb DECIMAL(18,6), sms BIGINT, offnet_voice_min BIGINT, intl_roaming_min BIGINT,"
                    + " idd_min BIGINT, active_days INTEGER, rival_hotline_calls BIGINT, own_hotline_calls BIGINT"),
            Map.entry("usage_daily", "sub_idx BIGINT, date DATE, voice_min BIGINT,"
                    + " data_mb DECIMAL(18,6), sms BIGINT"),
            Map.entry("vas", "sub_idx BIGINT, service_id VARCHAR, name VARCHAR,"
                    + " monthly_fee DECIMAL(18,2), subscribed_on DATE, last_used_on DATE, uses_30d BIGINT"),
            Map.entry("complaints", "complaint_id VARCHAR, sub_idx BIGINT,"
                    + " created_at TIMESTAMP WITH TIME ZONE, channel VARCHAR, category VARCHAR, text VARCHAR,"
                    + " closed_at TIMESTAMP WITH TIME ZONE, resolved BOOLEAN"),
            Map.entry("surveys", "survey_id VARCHAR, sub_idx BIGINT, survey_date DATE,"
                    + " overall INTEGER, network INTEGER, tariff INTEGER, service INTEGER, billing INTEGER"),
            Map.entry("mnp_events", "event_id VARCHAR, msisdn VARCHAR, event_time TIMESTAMP WITH TIME ZONE,"
                    + " type VARCHAR, counterpart VARCHAR, channel VARCHAR, reason VARCHAR"),
            Map.entry("contacts", "sub_idx BIGINT, contact_time TIMESTAMP WITH TIME ZONE,"
                    + " channel VARCHAR, purpose VARCHAR, campaign_id VARCHAR, action_id VARCHAR, outcome VARCHAR"),
            Map.entry("rejects", "feed VARCHAR, file VARCHAR, line BIGINT, column_name VARCHAR,"
                    + " reason_code VARCHAR, reason VARCHAR, raw VARCHAR"));

    private String schema(String table) {
        return query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '" + table
                + "' AND table_schema = 'main' ORDER BY ordinal_position").stream()
                .map(r -> r.get(0) + " " + r.get(1)).collect(Collectors.joining(", "));
    }

    @Test
    void loadsEveryFeedOfAValidDataSetIntoTablesWithTheContractSchemas() {
        TestData.writeAll(data());

        IngestResult result = load();

        assertThat(result.totalRejected()).isZero();
        assertThat(result.feeds()).extracting(FeedReport::feed).containsExactly("plans", "addons", "subscribers",
                "bills", "usage", "usage_daily", "vas", "complaints", "surveys", "mnp_events", "contacts");
        SCHEMAS.forEach((table, expected) -> assertThat(schema(table)).as(table).isEqualTo(expected));
        assertThat(result.feed("bills").read()).isEqualTo(5);
        assertThat(result.feed("bills").loaded()).isEqualTo(5);
        assertThat(result.feed("subscribers").encoding()).isEqualTo("UTF-8");
        assertThat(result.feed("plans").files()).containsExactly("plans.csv");
        assertThat(result.feed("plans").fingerprint()).hasSize(64);
        assertThat(query("SELECT count(*) FROM rejects")).containsExactly(List.of("0"));
    }

    @Test
    void assignsSubscriberIndexInFileOrderAndCarriesItToEveryFeed() {
        TestData.writeAll(data());

        load();

        assertThat(query("SELECT sub_idx, subscriber_id FROM subscribers")).containsExactly(
                List.of("0", "S1"), List.of("1", "S2"), List.of("2", "S3"), List.of("3", "S4"));
        assertThat(query("SELECT b.sub_idx, s.subscriber_id, month FROM bills b JOIN subscribers s USING (sub_idx)"
                + " ORDER BY b.sub_idx, month")).containsExactly(
                List.of("0", "S1", "2026-09"), List.of("0", "S1", "2026-10"), List.of("1", "S2", "2026-10"),
                List.of("2", "S3", "2026-10"), List.of("3", "S4", "2026-10"));
        assertThat(query("SELECT DISTINCT sub_idx FROM vas ORDER BY 1")).containsExactly(List.of("0"), List.of("1"));
        assertThat(query("SELECT complaint_id, sub_idx FROM complaints ORDER BY complaint_id")).containsExactly(
                List.of("K1", "0"), List.of("K2", "1"));
    }

    @Test
    void storesBillsUsageAndVasPhysicallyInSubscriberOrderWhateverTheFileOrder() {
        TestData.writeAll(data());
        TestData.write(data(), "bills", TestData.BILLS_HEADER + """
                S4,2026-10,38.00,,30.00,,,15.50,,,,,83.50
                S1,2026-10,58.00,35.00,0,20.00,0,0,0,0,0,0,113.00
                S3,2026-10,58.00,20.00,,,,,,,,,78.00
                S1,2026-09,58.00,35.00,12.35,0,0.5,,,10.00,,5.00,110.85
                S2,2026-10,128.00,,,,,,,,,,128.00
                """);
        TestData.write(data(), "vas", """
                subscriber_id,service_id,uses_30d
                S2,V2,1
                S1,V1,2
                S2,V3,3
                """);

        load();

        // no ORDER BY: the physical order is what the engine streams
        assertThat(query("SELECT sub_idx, month FROM bills")).containsExactly(List.of("0", "2026-09"),
                List.of("0", "2026-10"), List.of("1", "2026-10"), List.of("2", "2026-10"), List.of("3", "2026-10"));
        assertThat(query("SELECT sub_idx, service_id FROM vas")).containsExactly(List.of("0", "V1"), List.of("1", "V2"),
                List.of("1", "V3"));
    }

    @Test
    void storesTypedValuesWithTheContractDefaults() {
        TestData.writeAll(data());

        load();

        assertThat(query("SELECT addon_ids, vip_level, real_name, contract_kind, contract_end_date, min_spend"
                + " FROM subscribers ORDER BY sub_idx")).containsExactly(
                List.of("A1;A2", "GOLD", "true", "MIN_SPEND", "2027-06-30", "58.00"),
                Arrays.asList(null, "NONE", "true", null, null, null),
                Arrays.asList("A1", "SILVER", "true", "HANDSET", "2026-12-31", null),
                Arrays.asList(null, "DIAMOND", "false", null, null, null));
        assertThat(query("SELECT voice_min, data_mb FROM addons ORDER BY addon_id")).containsExactly(
                List.of("0", "10240"), List.of("200", "0"));
        assertThat(query("SELECT plan_fee, addon_fee, discount, total_fee FROM bills WHERE sub_idx = 1"))
                .containsExactly(List.of("128.00", "0.00", "0.00", "128.00"));
        assertThat(query("SELECT voice_min, data_mb, sms, active_days, offnet_voice_min FROM usage"
                + " WHERE sub_idx = 2")).containsExactly(Arrays.asList("0", "0.000000", "0", "5", null));
        assertThat(query("SELECT voice_min, data_mb, sms FROM usage_daily WHERE sub_idx = 1"))
                .containsExactly(List.of("0", "0.000000", "0"));
        assertThat(query("SELECT uses_30d, last_used_on FROM vas WHERE service_id = 'V2'"))
                .containsExactly(Arrays.asList("0", null));
        assertThat(query("SELECT network FROM plans WHERE plan_id = 'P3'")).containsExactly(
                Collections.singletonList(null));
    }

    @Test
    void readsTimestampsWithoutOffsetAsShanghaiTime() {
        TestData.writeAll(data());

        load();

        assertThat(query("SELECT epoch(created_at)::BIGINT, epoch(closed_at)::BIGINT FROM complaints"
                + " WHERE complaint_id = 'K1'")).containsExactly(List.of(
                String.valueOf(LocalDateTime.parse("2026-10-05T01:30:00").toEpochSecond(ZoneOffset.UTC)),
                String.valueOf(LocalDateTime.parse("2026-10-06T02:00:00").toEpochSecond(ZoneOffset.UTC))));
        assertThat(scalar("SELECT current_setting('TimeZone')")).isEqualTo("Etc/UTC");
    }

    @Test
    void createsEmptyTablesForAbsentOptionalFeedsWithAWarning() throws Exception {
        TestData.writeAll(data());
        Files.delete(data().resolve("usage_daily.csv"));
        Files.delete(data().resolve("contacts.csv"));

        IngestResult result = load();

        assertThat(scalar("SELECT count(*) FROM usage_daily")).isEqualTo("0");
        assertThat(schema("usage_daily")).isEqualTo(SCHEMAS.get("usage_daily"));
        assertThat(schema("contacts")).isEqualTo(SCHEMAS.get("contacts"));
        assertThat(result.feed("usage_daily").files()).isEmpty();
        assertThat(result.feed("usage_daily").encoding()).isEqualTo("none");
        assertThat(result.feed("usage_daily").warnings()).singleElement().asString()
                .contains("optional feed usage_daily is absent");
    }

    @Test
    void fingerprintChangesWithTheDataAndNotOtherwise() {
        TestData.writeAll(data());
        String first = load().feed("bills").fingerprint();
        String again = load().feed("bills").fingerprint();
        TestData.write(data(), "bills", TestData.BILLS.replace("110.85", "110.86").replace("5.00,110", "4.99,110"));

        String changed = load().feed("bills").fingerprint();

        assertThat(again).isEqualTo(first);
        assertThat(changed).isNotEqualTo(first);
    }

    @Test
    void leavesNoScratchTablesBehind() {
        TestData.writeAll(data());
        TestData.append(data(), "bills", "S9,2026-10,1,,,,,,,,,,1\n");

        load(IngestOptions.defaults(work).withRejectLimit(1));

        assertThat(query("SELECT table_name FROM duckdb_tables() ORDER BY 1")).extracting(r -> r.get(0))
                .containsExactly("addons", "bills", "complaints", "contacts", "mnp_events", "plans", "rejects",
                        "subscribers", "surveys", "usage", "usage_daily", "vas");
    }
}
