package io.tenure.ingest;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds of simple columns may be read in Java and handed over as Arrow batches; that reader must load
 * exactly what the SQL checks load, and leave to them every file it cannot vouch for.
 */
class JavaReaderTest extends IngestTestSupport {
    private static final String[] INTS = {"0", "7", "007", "-0", "12", "999999999", "12.0", "+5", " 3", "3 ", "1e3", "-4"};
    // the first 6 ints and the first 8 decimals are what the Java reader takes
    private static final String[] DECIMALS = {"0", "0.5", "15360.5", "00.250", "1.123456", "123456789012.5", "-0.0",
            "0.000001", "1.1234567", ".5", "5.", "1_000", "2e2", "-1.5"};
    private static final String[] DATES = {"2026-11-01", "2026-02-28", "2024-02-29", "2026-02-29", "2026-1-05",
            "2026-11-01 ", "20261101", "0999-12-31"};
    @RegisterExtension
    final FallbackLog fallbacks = new FallbackLog();
    private final List<String> gaveUp = fallbacks.messages();

    @Test
    void aCleanFileOfSimpleColumnsIsReadInJavaWithTheValuesTheSqlChecksStore() {
        TestData.writeAll(data());
        // CRLF line ends, optional values left empty, leading zeros, six decimals, no final line feed
        TestData.writeBytes(data().resolve("usage_daily.csv"), ("subscriber_id,date,voice_min,data_mb,sms\r\n"
                + "S1,2026-11-01,007,0.000001,\r\nS1,2026-11-02,,15360.5,-0\r\nS2,2024-02-29,0,00.250,3\r\n"
                + "S2,2026-11-02,12,,1").getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        load();

        assertThat(gaveUp).noneMatch(m -> m.contains("usage_daily"));
        assertThat(query("SELECT u.sub_idx, s.subscriber_id, CAST(date AS VARCHAR), voice_min, data_mb, sms FROM usage_daily u"
                + " JOIN subscribers s USING (sub_idx) ORDER BY s.subscriber_id, date")).containsExactly(
                List.of("0", "S1", "2026-11-01", "7", "0.000001", "0"),
                List.of("0", "S1", "2026-11-02", "0", "15360.500000", "0"),
                List.of("1", "S2", "2024-02-29", "0", "0.250000", "3"),
                List.of("1", "S2", "2026-11-02", "12", "0.000000", "1"));
        assertThat(query("SELECT typeof(voice_min), typeof(data_mb), typeof(date) FROM usage_daily LIMIT 1"))
                .containsExactly(List.of("BIGINT", "DECIMAL(18,6)", "DATE"));
    }

    @Test
    void randomValuesLoadTheSameWhetherReadInJavaOrByTheSqlChecks() {
        Random random = new Random(20261122);
        for (int round = 0; round < 16; round++) {
            // even rounds: only values the Java reader takes, one row per subscriber and day; odd rounds: anything
            boolean clean = round % 2 == 0;
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                String sub = clean ? "S" + (1 + i % 2) : random.nextInt(4) == 0 ? "S9" : "S" + (1 + random.nextInt(2));
                String date = clean ? java.time.LocalDate.of(2024, 12, 20).plusDays(i).toString()
                        : DATES[random.nextInt(DATES.length)];
                rows.append(sub).append(',').append(date).append(',')
                        .append(random.nextInt(3) == 0 ? "" : pick(random, INTS, clean ? 6 : INTS.length)).append(',')
                        .append(random.nextInt(3) == 0 ? "" : pick(random, DECIMALS, clean ? 8 : DECIMALS.length)).append(',')
                        .append(pick(random, INTS, clean ? 6 : INTS.length)).append('\n');
            }
            String header = "subscriber_id,date,voice_min,data_mb,sms\n";
            gaveUp.clear();
            // the same rows, once plain and once with a quoted value that the Java reader leaves to SQL
            List<List<String>> plain = loadDaily(header + rows);
            if (clean) {
                assertThat(gaveUp).as("round %d read in Java", round).noneMatch(m -> m.contains("usage_daily"));
            }
            List<List<String>> quoted = loadDaily(header + "\"S1\",2026-11-30,1,1,1\n" + rows);
            assertThat(plain).as("round %d", round).isEqualTo(quoted.stream()
                    .filter(r -> !(r.get(0).equals("table") && r.get(2).equals("2026-11-30"))).toList());
        }
    }

    private static String pick(Random random, String[] values, int first) {
        return values[random.nextInt(first)];
    }

    @Test
    void filesItCannotVouchForGoToTheSqlChecks() {
        TestData.writeAll(data());
        TestData.write(data(), "usage_daily", "subscriber_id,date,voice_min,data_mb,sms\nS1,2026-11-01,+5,1,1\n");

        load(IngestOptions.defaults(work).withRejectLimit(1.0));

        assertThat(gaveUp).anyMatch(m -> m.contains("usage_daily"));
        assertThat(rejects("usage_daily")).extracting(Reject::code).containsExactly("TYPE_INT");
    }

    @Test
    void aLineEndUnlikeTheHeadersIsLeftToTheSqlChecks() {
        TestData.writeAll(data());
        TestData.write(data(), "usage_daily", "subscriber_id,date,voice_min,data_mb,sms\nS1,2026-11-01,1,1,1\r\n"
                + "S1,2026-11-02,2,2,2\n");

        TenureException e = loadFails(IngestOptions.defaults(work).withRejectLimit(1.0));

        // DuckDB refuses such a file, so the Java reader must not take it
        assertThat(gaveUp).anyMatch(m -> m.contains("usage_daily") && m.contains("line end unlike the header's"));
        assertThat(e.code()).isEqualTo(ErrorCode.FEED_UNREADABLE);
    }

    /** Loads the feeds with this usage_daily; its rows and rejects, as text, in a stable order. */
    private List<List<String>> loadDaily(String usageDaily) {
        TestData.writeAll(data());
        TestData.write(data(), "usage_daily", usageDaily);
        load(IngestOptions.defaults(work).withRejectLimit(1.0));
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : query("SELECT 'table', s.subscriber_id, CAST(date AS VARCHAR), CAST(voice_min AS VARCHAR),"
                + " CAST(data_mb AS VARCHAR), CAST(sms AS VARCHAR), CAST(u.sub_idx AS VARCHAR) FROM usage_daily u"
                + " JOIN subscribers s USING (sub_idx) ORDER BY ALL")) {
            out.add(r);
        }
        for (List<String> r : query("SELECT 'reject', reason_code, raw FROM rejects WHERE feed = 'usage_daily'"
                + " ORDER BY ALL")) {
            out.add(r);
        }
        return out;
    }
}
