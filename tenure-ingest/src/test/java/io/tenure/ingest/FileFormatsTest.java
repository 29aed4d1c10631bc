package io.tenure.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Files as other tools write them: BOM, GBK, Parquet, part folders, pandas, Excel, CRLF. */
class FileFormatsTest extends IngestTestSupport {

    @BeforeEach
    void validData() {
        TestData.writeAll(data());
    }

    /** Writes files with a DuckDB of its own, standing in for the warehouse's tools. */
    private void duckdb(String sql) throws Exception {
        try (Connection other = DriverManager.getConnection("jdbc:duckdb:"); Statement st = other.createStatement()) {
            st.execute("SET TimeZone = 'Asia/Shanghai'");
            st.execute(sql);
        }
    }

    private String csv(String feed) {
        return data().resolve(feed + ".csv").toString().replace("'", "''");
    }

    @Test
    void readsUtf8WithByteOrderMark() {
        TestData.writeFile(data().resolve("subscribers.csv"), "\uFEFF" + TestData.SUBSCRIBERS, StandardCharsets.UTF_8);

        IngestResult result = load();

        assertThat(result.feed("subscribers").encoding()).isEqualTo("UTF-8 BOM");
        assertThat(result.feed("subscribers").loaded()).isEqualTo(4);
        assertThat(query("SELECT customer_name FROM subscribers WHERE subscriber_id = 'S1'")).containsExactly(List.of("张三"));
    }

    @Test
    void detectsGbkFilesAndKeepsTheirLineNumbers() {
        Charset gbk = Charset.forName("GBK");
        TestData.writeFile(data().resolve("subscribers.csv"), TestData.SUBSCRIBERS.replace("\n", "\r\n"), gbk);
        TestData.writeFile(data().resolve("plans.csv"), TestData.PLANS + "P4,错误的套餐,1.234,1,1,1,1,1,1,4G,Y\n", gbk);

        IngestResult result = load(IngestOptions.defaults(work).withRejectLimit(1));

        assertThat(result.feed("subscribers").encoding()).isEqualTo("GB18030");
        assertThat(result.feed("plans").encoding()).isEqualTo("GB18030");
        assertThat(query("SELECT customer_name, city, county FROM subscribers WHERE subscriber_id = 'S2'"))
                .containsExactly(List.of("李四", "三明市", "沙县区"));
        assertThat(query("SELECT name FROM plans WHERE plan_id = 'P1'")).containsExactly(List.of("畅享58元套餐"));
        assertThat(rejects("plans")).extracting(Reject::line, Reject::code, Reject::raw)
                .containsExactly(tuple(5L, "TYPE_MONEY", "P4,错误的套餐,1.234,1,1,1,1,1,1,4G,Y"));
        assertThat(work.resolve("plans")).doesNotExist();
    }

    @Test
    void readsGbkWhenForcedEvenIfTheSampleLooksLikeUtf8() {
        TestData.ALL.forEach((feed, text) -> TestData.writeFile(data().resolve(feed + ".csv"), text,
                Charset.forName("GB18030")));

        IngestResult result = load(IngestOptions.defaults(work).withEncoding(Encoding.GBK));

        assertThat(result.feed("addons").encoding()).isEqualTo("GB18030");
        assertThat(query("SELECT name FROM addons ORDER BY addon_id")).containsExactly(List.of("流量包10GB"), List.of("语音包200分钟"));
    }

    @Test
    void readsParquetWithTypedColumns() throws Exception {
        duckdb("COPY (SELECT subscriber_id, month, CAST(plan_fee AS DECIMAL(18,2)) AS plan_fee,"
                + " CAST(addon_fee AS DECIMAL(18,4)) AS addon_fee, CAST(voice_overage_fee AS DOUBLE) AS voice_overage_fee,"
                + " data_overage_fee, sms_fee, intl_roaming_fee, idd_fee, vas_fee, min_spend_topup, discount,"
                + " CAST(total_fee AS DECIMAL(18,2)) AS total_fee FROM read_csv('" + csv("bills") + "', all_varchar = true)"
                + " UNION ALL SELECT 'S2', '2026-09', 1.00, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 9.99)"
                + " TO '" + data().resolve("bills.parquet") + "' (FORMAT parquet)");
        duckdb("COPY (SELECT complaint_id, subscriber_id, CAST(created_at AS TIMESTAMPTZ) AS created_at, channel,"
                + " category, text, CAST(closed_at AS TIMESTAMPTZ) AS closed_at, resolved = 'Y' AS resolved FROM read_csv('"
                + csv("complaints") + "', all_varchar = true)) TO '" + data().resolve("complaints.parquet") + "' (FORMAT parquet)");
        Files.delete(data().resolve("bills.csv"));
        Files.delete(data().resolve("complaints.csv"));

        IngestResult result = load(IngestOptions.defaults(work).withRejectLimit(1));

        assertThat(result.feed("bills").encoding()).isEqualTo("Parquet");
        assertThat(result.feed("bills").files()).containsExactly("bills.parquet");
        assertThat(query("SELECT plan_fee, addon_fee, voice_overage_fee, total_fee FROM bills JOIN subscribers USING (sub_idx)"
                + " WHERE subscriber_id = 'S1' AND month = '2026-09'")).containsExactly(
                List.of("58.00", "35.00", "12.35", "110.85"));
        assertThat(rejects("bills")).extracting(Reject::file, Reject::line, Reject::code)
                .containsExactly(tuple("bills.parquet", 6L, "BILL_TOTAL"));
        assertThat(query("SELECT resolved, epoch(created_at)::BIGINT FROM complaints ORDER BY complaint_id").get(0))
                .containsExactly("true", String.valueOf(LocalDateTime.parse("2026-10-05T01:30:00")
                        .toEpochSecond(ZoneOffset.UTC)));
    }

    @Test
    void readsAFolderOfPartFilesWrittenByDuckDb() throws Exception {
        Path folder = data().resolve("usage_daily");
        duckdb("COPY (SELECT 'S' || (1 + i % 4) AS subscriber_id, DATE '2026-11-01' + CAST(i // 4 AS INTEGER) AS date,"
                + " i % 7 AS voice_min, round(i * 1.25, 2) AS data_mb, i % 3 AS sms FROM range(400) t(i))"
                + " TO '" + folder + "' (FORMAT csv, HEADER, PER_THREAD_OUTPUT, OVERWRITE_OR_IGNORE)");
        Files.delete(data().resolve("usage_daily.csv"));
        Files.writeString(folder.resolve("_SUCCESS"), "");
        Files.writeString(folder.resolve(".data_0.csv.crc"), "crc");

        IngestResult result = load();

        assertThat(result.feed("usage_daily").files()).isNotEmpty().allMatch(f -> f.startsWith("usage_daily/data_"));
        assertThat(result.feed("usage_daily").loaded()).isEqualTo(400);
        assertThat(result.feed("usage_daily").warnings()).isEmpty();
        assertThat(query("SELECT count(DISTINCT sub_idx), sum(voice_min) FROM usage_daily"))
                .containsExactly(List.of("4", String.valueOf(IntStream.range(0, 400).map(i -> i % 7).sum())));
    }

    @Test
    void readsAFolderOfParquetPartsNumberingRejectsByRowInTheirFile() throws Exception {
        Path folder = data().resolve("usage");
        Files.createDirectories(folder);
        String select = "SELECT subscriber_id, month, CAST(voice_min AS BIGINT) AS voice_min, CAST(data_mb AS DOUBLE)"
                + " AS data_mb, CAST(sms AS BIGINT) AS sms, CAST(active_days AS INTEGER) AS active_days FROM read_csv('"
                + csv("usage") + "', all_varchar = true)";
        duckdb("COPY (" + select + ") TO '" + folder.resolve("part-0.parquet") + "' (FORMAT parquet)");
        duckdb("COPY (SELECT 'S4' AS subscriber_id, '2026-10' AS month, 1 AS voice_min, 1.5 AS data_mb, 1 AS sms,"
                + " 3 AS active_days UNION ALL SELECT 'S4', '2026-09', 2, 2.5, 2, 99) TO '" + folder.resolve("part-1.parquet")
                + "' (FORMAT parquet)");
        Files.delete(data().resolve("usage.csv"));

        IngestResult result = load(IngestOptions.defaults(work).withRejectLimit(1));

        assertThat(result.feed("usage").files()).containsExactly("usage/part-0.parquet", "usage/part-1.parquet");
        assertThat(result.feed("usage").warnings()).singleElement().asString().contains("optional columns offnet_voice_min");
        assertThat(rejects("usage")).extracting(Reject::file, Reject::line, Reject::code, Reject::raw)
                .containsExactly(tuple("usage/part-1.parquet", 2L, "RANGE", "S4,2026-09,2,2.5,2,99"));
        assertThat(query("SELECT s.subscriber_id, data_mb FROM usage u JOIN subscribers s USING (sub_idx)"
                + " ORDER BY u.sub_idx, month")).containsExactly(
                List.of("S1", "15360.500000"), List.of("S2", "2048.000000"), List.of("S3", "0.000000"),
                List.of("S4", "1.500000"));
    }

    @Test
    void numbersRejectLinesWithinEachPartFile() {
        Path folder = data().resolve("bills");
        TestData.writeFile(folder.resolve("part-00000.csv"), TestData.BILLS, StandardCharsets.UTF_8);
        TestData.writeFile(folder.resolve("part-00001.csv"), TestData.BILLS_HEADER
                + "S2,2026-09,1,,,,,,,,,,1\nS2,2026-08,1,,,,,,,,,,2\nS1,2026-09,1,,,,,,,,,,1\nS3,2026-09,1,,,,,,,,,,1\n",
                StandardCharsets.UTF_8);
        TestData.writeFile(folder.resolve("part-00002.csv"), TestData.BILLS_HEADER + "S4,2026-09,x,,,,,,,,,,1\n",
                StandardCharsets.UTF_8);

        assertThat(data().resolve("bills.csv").toFile().delete()).isTrue();
        IngestResult result = load(IngestOptions.defaults(work).withRejectLimit(1));

        assertThat(result.feed("bills").files()).containsExactly("bills/part-00000.csv", "bills/part-00001.csv",
                "bills/part-00002.csv");
        assertThat(rejects("bills")).extracting(Reject::file, Reject::line, Reject::code, Reject::reason).containsExactly(
                tuple("bills/part-00001.csv", 3L, "BILL_TOTAL", "total_fee 2.00 ≠ components − discount 1.00 (±0.01)"),
                tuple("bills/part-00001.csv", 4L, "DUPLICATE_KEY", "duplicate (subscriber_id, month) (S1, 2026-09):"
                        + " first seen at line 2 of bills/part-00000.csv"),
                tuple("bills/part-00002.csv", 2L, "TYPE_MONEY", "plan_fee 'x' is not money with at most 2 decimals"));
        assertThat(result.feed("bills").loaded()).isEqualTo(7);
    }

    @Test
    void readsPandasOutputWithIndexColumnAndFloatIntegers() {
        TestData.write(data(), "usage", """
                ,subscriber_id,month,voice_min,data_mb,sms,offnet_voice_min,intl_roaming_min,idd_min,active_days,rival_hotline_calls,own_hotline_calls
                0,S1,2026-10,320.0,15360.5,12.0,80.0,0.0,,31.0,,1.0
                1,S2,2026-10,100.0,2048.0,,10.0,,,30.0,,
                """);

        IngestResult result = load();

        assertThat(result.feed("usage").rejected()).isZero();
        assertThat(result.feed("usage").warnings()).singleElement().asString()
                .contains("ignored column not in the contract: unnamed column 1 (e.g. a pandas index)");
        assertThat(query("SELECT voice_min, sms, active_days, idd_min FROM usage ORDER BY sub_idx")).containsExactly(
                Arrays.asList("320", "12", "31", null), Arrays.asList("100", "0", "30", null));
    }

    @Test
    void readsCrlfFilesAndQuotedFieldsSpanningLines() {
        TestData.write(data(), "complaints", ("complaint_id,subscriber_id,created_at,channel,category,text,closed_at,resolved\n"
                + "K1,S1,2026-10-05 09:30:00,HOTLINE,BILLING,\"第一行\n第二行\n第三行\",,Y\n"
                + "\n"
                + "K2,S2,2026-10-07T20:15:00,FAX,NETWORK,信号差,,N\n"
                + "K3,S2,2026-10-08T20:15:00,APP,NETWORK,\"a \"\"quoted\"\" word\",,N\n").replace("\n", "\r\n"));

        IngestResult result = load(IngestOptions.defaults(work).withRejectLimit(1));

        assertThat(rejects("complaints")).extracting(Reject::line, Reject::code, Reject::raw)
                .containsExactly(tuple(6L, "ENUM", "K2,S2,2026-10-07T20:15:00,FAX,NETWORK,信号差,,N"));
        assertThat(query("SELECT text FROM complaints ORDER BY complaint_id")).containsExactly(
                List.of("第一行\r\n第二行\r\n第三行"), List.of("a \"quoted\" word"));
        assertThat(result.feed("complaints").read()).isEqualTo(3);
    }

    @Test
    void matchesHeaderNamesTrimmedCaseInsensitiveInAnyOrderAndWarnsAboutExtras() {
        TestData.write(data(), "vas", """
                 Service_ID ,SUBSCRIBER_ID,Uses_30d,comment
                V1,S1,3,hello
                """);

        IngestResult result = load();

        assertThat(query("SELECT subscriber_id, service_id, uses_30d, vas.monthly_fee FROM vas JOIN subscribers USING (sub_idx)"))
                .containsExactly(List.of("S1", "V1", "3", "0.00"));
        assertThat(result.feed("vas").warnings()).anySatisfy(w -> assertThat(w).contains("'comment' (column 4)"))
                .anySatisfy(w -> assertThat(w).contains("optional columns name, monthly_fee, subscribed_on, last_used_on"
                        + " absent"));
    }

    @Test
    void readsPartFilesWithDifferentColumnOrders() {
        Path folder = data().resolve("surveys");
        TestData.writeFile(folder.resolve("a.csv"), TestData.SURVEYS, StandardCharsets.UTF_8);
        TestData.writeFile(folder.resolve("b.csv"), "overall,subscriber_id,survey_id,survey_date\n11,S3,Q9,2026-10-01\n"
                + "4,S3,Q8,2026-10-02\n", StandardCharsets.UTF_8);
        assertThat(data().resolve("surveys.csv").toFile().delete()).isTrue();

        load(IngestOptions.defaults(work).withRejectLimit(1));

        assertThat(query("SELECT survey_id, overall FROM surveys ORDER BY survey_id")).containsExactly(
                List.of("Q1", "7"), List.of("Q2", "9"), List.of("Q8", "4"));
        assertThat(rejects("surveys")).extracting(Reject::file, Reject::line, Reject::raw)
                .containsExactly(tuple("surveys/b.csv", 2L, "11,S3,Q9,2026-10-01"));
    }

    @Test
    void reportsBrokenRowsOfPartFilesWithDifferentHeaders() {
        Path folder = data().resolve("contacts");
        TestData.writeFile(folder.resolve("a.csv"), TestData.CONTACTS + "S3,2026-10-22T10:00:00,SMS\n",
                StandardCharsets.UTF_8);
        TestData.writeFile(folder.resolve("b.csv"), "channel,subscriber_id,contact_time\nAPP,S4,2026-10-23T10:00:00\n"
                + "APP,S4\n", StandardCharsets.UTF_8);
        assertThat(data().resolve("contacts.csv").toFile().delete()).isTrue();

        load(IngestOptions.defaults(work).withRejectLimit(1));

        assertThat(rejects("contacts")).extracting(Reject::file, Reject::line, Reject::column, Reject::code).containsExactly(
                tuple("contacts/a.csv", 4L, "purpose", "STRUCTURE"), tuple("contacts/b.csv", 3L, "contact_time", "STRUCTURE"));
        assertThat(scalar("SELECT count(*) FROM contacts")).isEqualTo("3");
    }

    @Test
    void loadsAHeaderOnlyFileAsAnEmptyFeed() {
        TestData.write(data(), "surveys", "survey_id,subscriber_id,survey_date,overall\n");

        IngestResult result = load();

        assertThat(result.feed("surveys").read()).isZero();
        assertThat(scalar("SELECT count(*) FROM surveys")).isEqualTo("0");
    }

    @Test
    void failsWhenAColumnAppearsTwiceInTheHeader() {
        TestData.write(data(), "addons", TestData.ADDONS.replace("kind,", "KIND, Kind ,").replace("DATA,", "DATA,DATA,")
                .replace("VOICE,", "VOICE,VOICE,"));

        TenureException e = loadFails();

        assertThat(e.code()).isEqualTo(ErrorCode.FEED_HEADER);
        assertThat(e.getMessage()).contains("addons.csv: column kind appears twice in the header (columns 3 and 4)");
    }

    @Test
    void failsClearlyOnAFileMixingLineEndings() {
        TestData.write(data(), "mnp_events", TestData.MNP_EVENTS + "\r\nE4,13800000002,2026-10-20T10:00:00,QUERY,,SMS,\n");

        TenureException e = loadFails();

        assertThat(e.code()).isEqualTo(ErrorCode.FEED_UNREADABLE);
        assertThat(e.getMessage()).contains("mnp_events").contains("line ending");
    }

    @Test
    void failsNamingFileAndColumnWhenARequiredColumnIsMissing() {
        TestData.write(data(), "bills", TestData.BILLS.replace(",total_fee", ",total"));

        TenureException e = loadFails();

        assertThat(e.code()).isEqualTo(ErrorCode.FEED_HEADER);
        assertThat(e.getMessage()).contains("bills.csv").contains("required column total_fee is missing");
    }

    @Test
    void failsNamingThePathsLookedAtWhenARequiredFeedIsMissing() throws Exception {
        Files.delete(data().resolve("addons.csv"));

        TenureException e = loadFails();

        assertThat(e.code()).isEqualTo(ErrorCode.FEED_MISSING);
        assertThat(e.getMessage()).contains("required feed addons is missing")
                .contains(data().resolve("addons.csv").toString()).contains(data().resolve("addons.parquet").toString());
    }

    @Test
    void failsWhenAFeedIsGivenTwice() {
        TestData.writeFile(data().resolve("usage/part-0.csv"), TestData.USAGE, StandardCharsets.UTF_8);

        TenureException e = loadFails();

        assertThat(e.code()).isEqualTo(ErrorCode.FEED_UNREADABLE);
        assertThat(e.getMessage()).contains("feed usage is given more than once");
    }

    @Test
    void refusesASpreadsheetSavedUnderACsvName() {
        TestData.writeBytes(data().resolve("plans.csv"), new byte[] {'P', 'K', 3, 4, 0, 0, 1});

        TenureException e = loadFails();

        assertThat(e.code()).isEqualTo(ErrorCode.FEED_ENCODING);
        assertThat(e.getMessage()).contains("plans.csv").contains("save it as CSV");
    }

    @Test
    void failsAboveTheRejectLimitAfterFillingTheRejects() {
        StringBuilder bills = new StringBuilder(TestData.BILLS);
        for (int m = 1; m <= 9; m++) {
            bills.append("S4,2025-0").append(m).append(",10,,,,,,,,,,11\n");
        }
        TestData.write(data(), "bills", bills.toString());

        TenureException e = loadFails(IngestOptions.defaults(work).withRejectLimit(0.5));

        assertThat(e.code()).isEqualTo(ErrorCode.REJECT_LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains("feed bills: 64.29% of its rows were rejected (9 of 14), above the limit of 50.00%")
                .contains("BILL_TOTAL 9 rows, e.g. bills.csv line 7: total_fee 11.00 ≠ components − discount 10.00")
                .contains("--reject-limit").contains("ingest.reject-limit");
        assertThat(rejects("bills")).hasSize(9);
    }
}
