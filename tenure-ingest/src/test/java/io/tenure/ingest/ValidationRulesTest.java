package io.tenure.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** One test per rule family of the data contract; each checks code, line, column and reason. */
class ValidationRulesTest extends IngestTestSupport {

    private IngestOptions lenient;

    @BeforeEach
    void validData() {
        TestData.writeAll(data());
        lenient = IngestOptions.defaults(work).withRejectLimit(1.0);
    }

    private List<Reject> loadAndReject(String feed) {
        load(lenient);
        return rejects(feed);
    }

    @Test
    void rejectsRowsWithAnEmptyRequiredValue() {
        TestData.append(data(), "bills", "S1,,1,,,,,,,,,,1\n");
        TestData.append(data(), "usage", "S1,2026-09,1,1,1,,,,,,\n ,2026-09,1,1,1,,,,,,\n");

        assertThat(loadAndReject("bills")).extracting(Reject::line, Reject::column, Reject::code, Reject::reason)
                .containsExactly(tuple(7L, "month", "REQUIRED", "month is empty"));
        assertThat(rejects("usage")).extracting(Reject::line, Reject::code, Reject::reason)
                .containsExactly(tuple(6L, "REQUIRED", "subscriber_id is empty"));
        assertThat(scalar("SELECT count(*) FROM bills")).isEqualTo("5");
    }

    @Test
    void rejectsMoneyWithMoreThanTwoDecimalsOrNotANumber() {
        TestData.append(data(), "bills", """
                S2,2026-09,128.005,,,,,,,,,,128.01
                S2,2026-08,abc,,,,,,,,,,128
                S2,2026-07,1e2,,,,,,,,,,100
                S2,2026-06,128.500,,,,,,,,,,128.5
                """);

        List<Reject> rejects = loadAndReject("bills");

        assertThat(rejects).extracting(Reject::line, Reject::column, Reject::code).containsExactly(
                tuple(7L, "plan_fee", "TYPE_MONEY"), tuple(8L, "plan_fee", "TYPE_MONEY"), tuple(9L, "plan_fee", "TYPE_MONEY"));
        assertThat(rejects.get(1).reason()).isEqualTo("plan_fee 'abc' is not money with at most 2 decimals");
        assertThat(query("SELECT plan_fee FROM bills WHERE month = '2026-06'")).containsExactly(List.of("128.50"));
    }

    @Test
    void acceptsIntegralValuesWrittenAsDecimalsButRejectsFractions() {
        TestData.append(data(), "usage", "S4,2026-10,12.0,1.5,3.00,,,,,,\nS4,2026-09,12.5,1,1,,,,,,\n");

        List<Reject> rejects = loadAndReject("usage");

        assertThat(rejects).extracting(Reject::line, Reject::column, Reject::code, Reject::reason)
                .containsExactly(tuple(6L, "voice_min", "TYPE_INT", "voice_min '12.5' is not a whole number"));
        assertThat(query("SELECT voice_min, sms FROM usage JOIN subscribers USING (sub_idx) WHERE subscriber_id = 'S4'"))
                .containsExactly(List.of("12", "3"));
    }

    @Test
    void rejectsMalformedDatesMonthsTimestampsFlagsAndDecimals() {
        TestData.append(data(), "usage_daily", "S1,2026-02-30,1,1,1\nS1,2026/11/03,1,1,1\nS1,2026-11-04,1,12MB,1\n");
        TestData.append(data(), "bills", "S2,2026-13,1,,,,,,,,,,1\n");
        TestData.append(data(), "complaints", "K3,S1,yesterday,APP,,,,\nK4,S1,2026-10-05T25:00:00,APP,,,,\n");
        TestData.append(data(), "plans", "P4,x,1,1,1,1,1,1,1,4G,maybe\n");

        load(lenient);

        assertThat(rejects("usage_daily")).extracting(Reject::line, Reject::column, Reject::code).containsExactly(
                tuple(5L, "date", "TYPE_DATE"), tuple(6L, "date", "TYPE_DATE"), tuple(7L, "data_mb", "TYPE_DECIMAL"));
        assertThat(rejects("bills")).extracting(Reject::code, Reject::reason)
                .containsExactly(tuple("TYPE_MONTH", "month '2026-13' is not a month YYYY-MM"));
        assertThat(rejects("complaints")).extracting(Reject::line, Reject::code)
                .containsExactly(tuple(4L, "TYPE_TIMESTAMP"), tuple(5L, "TYPE_TIMESTAMP"));
        assertThat(rejects("plans")).extracting(Reject::column, Reject::code, Reject::reason)
                .containsExactly(tuple("published", "TYPE_FLAG", "published 'maybe' is not a flag (Y/N, 1/0, true/false)"));
    }

    @Test
    void acceptsFlagSpellingsInAnyCase() {
        TestData.write(data(), "plans", TestData.PLANS.replace(",4G,Y", ",4G,true").replace(",5G,Y", ",5G,1")
                .replace(",,N", ",,false"));

        load(lenient);

        assertThat(query("SELECT published FROM plans ORDER BY plan_id"))
                .containsExactly(List.of("true"), List.of("true"), List.of("false"));
    }

    @Test
    void rejectsCodesOutsideTheEnumerationAndNormalisesCase() {
        TestData.write(data(), "subscribers", TestData.SUBSCRIBERS.replace("ACTIVE,N,PERSON", "active,N,person")
                .replace("SUSPENDED", "STOPPED"));

        List<Reject> rejects = loadAndReject("subscribers");

        assertThat(rejects).extracting(Reject::line, Reject::column, Reject::code, Reject::reason).containsExactly(
                tuple(4L, "status", "ENUM", "status 'STOPPED' is not one of ACTIVE, SUSPENDED, LOST, CANCELLED"));
        assertThat(query("SELECT status, owner_type FROM subscribers WHERE subscriber_id = 'S4'"))
                .containsExactly(List.of("ACTIVE", "PERSON"));
    }

    @Test
    void rejectsReferencesToUnknownPlansAddonsAndSubscribers() {
        TestData.write(data(), "subscribers", TestData.SUBSCRIBERS.replace(",P3,", ",P999,")
                .replace("P2,,ACTIVE", "P2,A1; A9 ,ACTIVE"));
        TestData.append(data(), "vas", "S9,V3,x,1,,,\n");

        List<Reject> rejects = loadAndReject("subscribers");

        assertThat(rejects).extracting(Reject::line, Reject::column, Reject::code, Reject::reason).containsExactly(
                tuple(3L, "addon_ids", "REFERENCE", "addon_ids 'A1; A9': A9 is not in addons (unknown or rejected there)"),
                tuple(5L, "plan_id", "REFERENCE", "plan_id 'P999' is not in plans (unknown or rejected there)"));
        assertThat(rejects("vas")).extracting(Reject::line, Reject::code, Reject::reason).containsExactly(
                tuple(3L, "REFERENCE", "subscriber_id 'S2' is not in subscribers (unknown or rejected there)"),
                tuple(4L, "REFERENCE", "subscriber_id 'S9' is not in subscribers (unknown or rejected there)"));
        // rows of rejected subscribers are unknown to the other feeds in turn
        assertThat(rejects("bills")).extracting(Reject::code).containsExactly("REFERENCE", "REFERENCE");
        assertThat(query("SELECT subscriber_id FROM subscribers")).containsExactly(List.of("S1"), List.of("S3"));
    }

    @Test
    void daysSixtyFourApartOrAcrossTheYear2000AreDistinctKeys() {
        // one bit per day in 64-day buckets: the same bit in another bucket is another day
        TestData.append(data(), "usage_daily", "S3,2026-09-01,1,,\nS3,2026-11-04,1,,\nS3,1999-12-31,1,,\n"
                + "S3,2000-01-01,1,,\nS3,1999-10-28,1,,\n");

        load(lenient);

        assertThat(rejects("usage_daily")).isEmpty();
        assertThat(query("SELECT count(*) FROM usage_daily JOIN subscribers USING (sub_idx) WHERE subscriber_id = 'S3'")).containsExactly(List.of("5"));
    }

    @Test
    void rejectsLaterDuplicateKeysNamingWhereTheKeyWasFirstSeen() {
        TestData.append(data(), "bills", "S1,2026-10,58.00,,,,,,,,,,58.00\n");
        TestData.append(data(), "subscribers", "S2,13800000099,,,,,,三明市,永安市,2020-01-01,P1,,ACTIVE,Y,PERSON,,,,,,,"
                + ",,,Y,,,,\n");
        TestData.append(data(), "complaints", "K1,S3,2026-10-09T08:00:00,STORE,,,,\n");
        TestData.append(data(), "usage_daily", "S2,2026-11-01,5,,\n");

        load(lenient);

        assertThat(rejects("bills")).extracting(Reject::line, Reject::column, Reject::code, Reject::reason)
                .containsExactly(tuple(7L, "subscriber_id,month", "DUPLICATE_KEY",
                        "duplicate (subscriber_id, month) (S1, 2026-10): first seen at line 3"));
        assertThat(rejects("subscribers")).extracting(Reject::line, Reject::code, Reject::reason)
                .containsExactly(tuple(6L, "DUPLICATE_KEY", "duplicate subscriber_id S2: first seen at line 3"));
        assertThat(rejects("complaints")).extracting(Reject::line, Reject::reason)
                .containsExactly(tuple(4L, "duplicate complaint_id K1: first seen at line 2"));
        // a file sorted by its key, the duplicate right after the first
        assertThat(rejects("usage_daily")).extracting(Reject::line, Reject::reason)
                .containsExactly(tuple(5L, "duplicate (subscriber_id, date) (S2, 2026-11-01): first seen at line 4"));
        assertThat(query("SELECT msisdn FROM subscribers WHERE subscriber_id = 'S2'"))
                .containsExactly(List.of("13800000002"));
        assertThat(query("SELECT total_fee FROM bills JOIN subscribers USING (sub_idx) WHERE subscriber_id = 'S1' AND month = '2026-10'"))
                .containsExactly(List.of("113.00"));
    }

    @Test
    void rejectsBillWhoseTotalDisagreesWithComponentsBeyondOneCent() {
        TestData.append(data(), "bills", """
                S2,2026-09,100.00,10.00,,,,,,,,1.00,109.01
                S2,2026-08,100.00,10.00,,,,,,,,1.00,108.99
                S2,2026-07,100.00,10.00,,,,,,,,1.00,109.02
                S3,2026-09,100.00,10.00,,,,,,,,,120.00
                """);

        List<Reject> rejects = loadAndReject("bills");

        assertThat(rejects).extracting(Reject::line, Reject::column, Reject::code, Reject::reason).containsExactly(
                tuple(9L, "total_fee", "BILL_TOTAL", "total_fee 109.02 ≠ components − discount 109.00 (±0.01)"),
                tuple(10L, "total_fee", "BILL_TOTAL", "total_fee 120.00 ≠ components − discount 110.00 (±0.01)"));
        assertThat(scalar("SELECT count(*) FROM bills JOIN subscribers USING (sub_idx) WHERE subscriber_id = 'S2'")).isEqualTo("3");
    }

    @Test
    void rejectsIdentityNumbersFailingTheChecksum() {
        String good = TestData.id("11010519491231002");
        String wrong = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        String lowerX = TestData.idEndingInX("1101051949123101");
        TestData.write(data(), "subscribers", TestData.SUBSCRIBERS.replace(TestData.ID1, wrong)
                .replace(TestData.ID2, "1101051949123100").replace(TestData.ID4, lowerX.toLowerCase()));

        List<Reject> rejects = loadAndReject("subscribers");

        assertThat(lowerX).endsWith("X");
        assertThat(rejects).extracting(Reject::line, Reject::column, Reject::code).containsExactly(
                tuple(2L, "id_number", "ID_CHECKSUM"), tuple(3L, "id_number", "ID_CHECKSUM"));
        assertThat(rejects.get(0).reason()).isEqualTo("id_number '" + wrong + "' fails the GB 11643 checksum: the check"
                + " character should be " + good.charAt(17));
        assertThat(rejects.get(1).reason()).contains("is not 17 digits followed by a digit or X");
        assertThat(query("SELECT id_number FROM subscribers WHERE subscriber_id = 'S4'")).containsExactly(List.of(lowerX));
    }

    @Test
    void rejectsPhoneNumbersThatAreNotElevenDigits() {
        TestData.write(data(), "subscribers", TestData.SUBSCRIBERS.replace("13800000003", "1380000003"));
        TestData.append(data(), "mnp_events", "E3,+8613800000002,2026-10-21T10:00:00,PORT_OUT,CMCC,STORE,\n");

        load(lenient);

        assertThat(rejects("subscribers")).extracting(Reject::line, Reject::code, Reject::reason)
                .containsExactly(tuple(4L, "MSISDN", "msisdn '1380000003' is not an 11-digit phone number"));
        assertThat(rejects("mnp_events")).extracting(Reject::line, Reject::column, Reject::code)
                .containsExactly(tuple(4L, "msisdn", "MSISDN"));
    }

    @Test
    void rejectsValuesOutsideTheirRange() {
        TestData.append(data(), "usage", "S4,2026-10,1,1,1,,,,32,,\nS4,2026-09,-1,1,1,,,,3,,\n");
        TestData.append(data(), "surveys", "Q3,S3,2026-10-12,0,,,,\nQ4,S3,2026-10-12,10,11,,,\n");
        TestData.append(data(), "plans", "P5,x,-5,1,1,1,1,1,1,4G,Y\n");

        load(lenient);

        assertThat(rejects("usage")).extracting(Reject::line, Reject::column, Reject::code, Reject::reason).containsExactly(
                tuple(5L, "active_days", "RANGE", "active_days '32' is outside 0–31"),
                tuple(6L, "voice_min", "RANGE", "voice_min '-1' is below 0"));
        assertThat(rejects("surveys")).extracting(Reject::line, Reject::column)
                .containsExactly(tuple(4L, "overall"), tuple(5L, "network"));
        assertThat(rejects("plans")).extracting(Reject::column, Reject::code).containsExactly(tuple("monthly_fee", "RANGE"));
    }

    @Test
    void rejectsAContractWithoutItsEndDate() {
        TestData.write(data(), "subscribers", TestData.SUBSCRIBERS.replace("HANDSET,2026-12-31", "handset,"));

        assertThat(loadAndReject("subscribers")).extracting(Reject::line, Reject::column, Reject::code, Reject::reason)
                .containsExactly(tuple(4L, "contract_end_date", "REQUIRED",
                        "contract_end_date is empty but contract_kind is HANDSET (a minimum-term agreement needs its end date)"));
    }

    @Test
    void rejectsStructurallyBrokenRowsAndLoadsTheRest() {
        TestData.write(data(), "usage_daily", "subscriber_id,date,voice_min,data_mb,sms\n"
                + "S1,2026-11-01,1,1,1\n"
                + "S1,2026-11-02,1,1\n"
                + "S1,2026-11-03,1,1,1,9\n"
                + "S1,2026-11-04,1,1,1\n"
                + "S1,2026-11-05,\"1\"x,1,1\n"
                + "S1,2026-11-06,1,1,1\n");

        List<Reject> rejects = loadAndReject("usage_daily");

        assertThat(rejects).extracting(Reject::line, Reject::code).containsExactly(
                tuple(3L, "STRUCTURE"), tuple(4L, "STRUCTURE"), tuple(6L, "STRUCTURE"));
        assertThat(rejects.get(0).reason()).startsWith("malformed CSV row (missing columns)");
        assertThat(rejects.get(0).raw()).isEqualTo("S1,2026-11-02,1,1");
        assertThat(rejects.get(1).reason()).contains("too many columns");
        assertThat(query("SELECT CAST(date AS VARCHAR) FROM usage_daily JOIN subscribers USING (sub_idx) WHERE subscriber_id = 'S1' ORDER BY date"))
                .containsExactly(List.of("2026-11-01"), List.of("2026-11-04"), List.of("2026-11-06"));
    }

    @Test
    void rejectsInvalidUtf8BytesAsStructuralErrorsOfTheirLine() {
        byte[] head = "subscriber_id,service_id,name,monthly_fee,subscribed_on,last_used_on,uses_30d\nS1,V1,ok,1,,,\nS1,V2,"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xFF, (byte) 0xFE};
        byte[] tail = ",1,,,\nS2,V3,好,1,,,\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        TestData.writeBytes(data().resolve("vas.csv"), all);

        List<Reject> rejects = loadAndReject("vas");

        assertThat(rejects).extracting(Reject::line, Reject::code).containsExactly(tuple(3L, "STRUCTURE"));
        assertThat(rejects.get(0).reason()).contains("--encoding GBK");
        assertThat(load(lenient).feed("vas").warnings()).anySatisfy(w -> assertThat(w).contains("neither clean UTF-8"));
        assertThat(query("SELECT service_id FROM vas ORDER BY service_id")).containsExactly(List.of("V1"), List.of("V3"));
    }

    @Test
    void quotesTheOriginalRowInTheReject() {
        TestData.append(data(), "complaints", "K3,S1,2026-10-05 09:30:00,FAX,\"a,b\",\"say \"\"hi\"\"\",,Y\n");

        assertThat(loadAndReject("complaints")).extracting(Reject::code, Reject::raw).containsExactly(
                tuple("ENUM", "K3,S1,2026-10-05 09:30:00,FAX,\"a,b\",\"say \"\"hi\"\"\",,Y"));
    }
}
