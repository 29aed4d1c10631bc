package io.tenure.ingest;

import io.tenure.core.subscriber.IdNumber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small valid data set covering every feed, and helpers to write variations of it. */
final class TestData {
    static final String ID1 = id("35042119850302123");
    static final String ID2 = id("35042719901120234");
    static final String ID4 = id("35010219750101345");

    static final String PLANS = """
            plan_id,name,monthly_fee,voice_min,data_mb,sms,voice_rate,data_rate_per_gb,sms_rate,network,published
            P1,畅享58元套餐,58.00,100,10240,50,0.19,5.00,0.10,4G,Y
            P2,5G 128,128.00,500,30720,100,0.15,3.00,0.10,5G,Y
            P3,Old,38,50,2048,0,0.25,10,0.1,,N
            """;
    static final String ADDONS = """
            addon_id,name,kind,monthly_fee,voice_min,data_mb,published
            A1,流量包10GB,DATA,20.00,,10240,Y
            A2,语音包200分钟,VOICE,15.00,200,,Y
            """;
    static final String SUBSCRIBERS_HEADER = "subscriber_id,msisdn,customer_id,customer_name,id_number,gender,"
            + "birth_date,city,county,activation_date,plan_id,addon_ids,status,real_name,owner_type,vip_level,"
            + "contract_kind,contract_end_date,min_spend,family_id,group_id,broadband_bundle,handset_5g,dual_sim,"
            + "marketing_consent,dnd,arrears,last_port_in_date,account_manager_id\n";
    static final String SUBSCRIBERS = SUBSCRIBERS_HEADER
            + "S1,13800000001,C1,张三," + ID1 + ",M,1985-03-02,三明市,永安市,2015-06-01,P1,A2;A1,ACTIVE,Y,PERSON,GOLD,"
            + "MIN_SPEND,2027-06-30,58.00,F1,,Y,Y,N,Y,N,0.00,,M01\n"
            + "S2,13800000002,C2,李四," + ID2 + ",F,1990-11-20,三明市,沙县区,2020-01-15,P2,,ACTIVE,Y,PERSON,,,,,,,N,Y,N,"
            + "N,N,0,2024-01-10,\n"
            + "S3,13800000003,C3,王五,,M,,三明市,永安市,2023-08-08,P1,A1,SUSPENDED,Y,ENTERPRISE,SILVER,HANDSET,2026-12-31,"
            + ",,G1,,,,Y,Y,12.50,,M02\n"
            + "S4,13800000004,C3,赵六," + ID4 + ",F,1975-01-01,福州市,鼓楼区,2010-05-05,P3,,ACTIVE,N,PERSON,DIAMOND,,,,,,,,,"
            + "Y,,0,,\n";
    static final String BILLS_HEADER = "subscriber_id,month,plan_fee,addon_fee,voice_overage_fee,data_overage_fee,"
            + "sms_fee,intl_roaming_fee,idd_fee,vas_fee,min_spend_topup,discount,total_fee\n";
    static final String BILLS = BILLS_HEADER + """
            S1,2026-09,58.00,35.00,12.35,0,0.5,,,10.00,,5.00,110.85
            S1,2026-10,58.00,35.00,0,20.00,0,0,0,0,0,0,113.00
            S2,2026-10,128.00,,,,,,,,,,128.00
            S3,2026-10,58.00,20.00,,,,,,,,,78.00
            S4,2026-10,38.00,,30.00,,,15.50,,,,,83.50
            """;
    static final String USAGE = """
            subscriber_id,month,voice_min,data_mb,sms,offnet_voice_min,intl_roaming_min,idd_min,active_days,rival_hotline_calls,own_hotline_calls
            S1,2026-10,320,15360.5,12,80,0,0,31,0,1
            S2,2026-10,100,2048,,10,,,30,,
            S3,2026-10,,,,,,,5,,
            """;
    static final String USAGE_DAILY = """
            subscriber_id,date,voice_min,data_mb,sms
            S1,2026-11-01,12,512.25,1
            S1,2026-11-02,8,300,0
            S2,2026-11-01,,,
            """;
    static final String VAS = """
            subscriber_id,service_id,name,monthly_fee,subscribed_on,last_used_on,uses_30d
            S1,V1,彩铃,5.00,2025-01-01,2026-10-30,12
            S2,V2,手机报,3.00,2024-06-01,,
            """;
    static final String COMPLAINTS = """
            complaint_id,subscriber_id,created_at,channel,category,text,closed_at,resolved
            K1,S1,2026-10-05 09:30:00,HOTLINE,BILLING,"话费太高,要求解释",2026-10-06T10:00:00+08:00,Y
            K2,S2,2026-10-07T20:15:00,APP,NETWORK,信号差,,N
            """;
    static final String SURVEYS = """
            survey_id,subscriber_id,survey_date,overall,network,tariff,service,billing
            Q1,S1,2026-10-10,7,8,5,9,6
            Q2,S2,2026-10-11,9,,,,
            """;
    static final String MNP_EVENTS = """
            event_id,msisdn,event_time,type,counterpart,channel,reason
            E1,13800000002,2026-10-20T10:00:00,QUERY,,SMS,
            E2,13800000002,2026-10-20T10:05:00,AUTH_CODE,CMCC,SMS,资费太贵
            """;
    static final String CONTACTS = """
            subscriber_id,contact_time,channel,purpose,campaign_id,action_id,outcome
            S1,2026-10-21T10:00:00,SMS,MARKETING,CMP1,ACT1,DELIVERED
            S2,2026-10-21T11:00:00,CALL,SERVICE,,,ANSWERED
            """;

    static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("plans", PLANS);
        ALL.put("addons", ADDONS);
        ALL.put("subscribers", SUBSCRIBERS);
        ALL.put("bills", BILLS);
        ALL.put("usage", USAGE);
        ALL.put("usage_daily", USAGE_DAILY);
        ALL.put("vas", VAS);
        ALL.put("complaints", COMPLAINTS);
        ALL.put("surveys", SURVEYS);
        ALL.put("mnp_events", MNP_EVENTS);
        ALL.put("contacts", CONTACTS);
    }

    private TestData() {
    }

    /** A valid identity number from its first 17 digits. */
    static String id(String first17) {
        return first17 + IdNumber.checkChar(first17);
    }

    /** A valid identity number with check character X, from 16 given digits and a searched 17th. */
    static String idEndingInX(String first16) {
        for (char d = '0'; d <= '9'; d++) {
            if (IdNumber.checkChar(first16 + d) == 'X') {
                return first16 + d + 'X';
            }
        }
        throw new IllegalArgumentException("no 17th digit of " + first16 + " gives check character X");
    }

    static void writeAll(Path dir) {
        ALL.forEach((feed, text) -> write(dir, feed, text));
    }

    static Path write(Path dir, String feed, String text) {
        return writeFile(dir.resolve(feed + ".csv"), text, StandardCharsets.UTF_8);
    }

    static Path writeFile(Path file, String text, Charset charset) {
        return writeBytes(file, text.getBytes(charset));
    }

    static Path writeBytes(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void append(Path dir, String feed, String rows) {
        try {
            Files.writeString(dir.resolve(feed + ".csv"), rows, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
