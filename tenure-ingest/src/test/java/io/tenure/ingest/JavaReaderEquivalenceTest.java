package io.tenure.ingest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every feed the Java reader takes must load exactly as the SQL checks load it: the same table (values and
 * types) and the same rejects, on random rows of plain and awkward values, sorted or shuffled, cut into many
 * chunks or one. The SQL side is forced by quoting the first value, which changes no value but is beyond the
 * Java reader.
 */
class JavaReaderEquivalenceTest extends IngestTestSupport {
    private static final String[] SUBSCRIBERS = {"S1", "S2", "S3", "S4"};
    @RegisterExtension
    final FallbackLog fallbacks = new FallbackLog();
    private final List<String> gaveUp = fallbacks.messages();

    @AfterEach
    void restoreChunks() {
        JavaReader.chunkBytes = 8 << 20;
    }

    @ParameterizedTest
    @ValueSource(strings = {"subscribers", "bills", "usage", "usage_daily", "vas", "complaints", "surveys", "contacts"})
    void randomRowsLoadTheSameWhetherReadInJavaOrByTheSqlChecks(String name) {
        Feed feed = Contract.feed(name);
        Random random = new Random(name.hashCode() * 31L + 20261122);
        for (int round = 0; round < 12; round++) {
            // two of three rounds hold only values the Java reader takes; every other round shuffles the rows
            boolean clean = round % 3 != 2;
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                rows.add(row(feed, random, clean, i));
            }
            if (round % 2 == 1) {
                Collections.shuffle(rows, random);
            }
            String eol = round % 4 == 3 ? "\r\n" : "\n";
            String header = feed.columns().stream().map(Column::name).collect(Collectors.joining(","));
            String csv = header + eol + String.join(eol, rows) + (round % 5 == 4 ? "" : eol);
            JavaReader.chunkBytes = round % 3 == 0 ? 8 << 20 : 97 + round;

            gaveUp.clear();
            List<List<String>> java = loadFeed(name, csv);
            if (clean) {
                assertThat(gaveUp).as("round %d of %s read in Java", round, name).noneMatch(m -> m.contains(name));
            }
            int comma = csv.indexOf(',', header.length());
            String quoted = csv.substring(0, header.length() + eol.length()) + '"'
                    + csv.substring(header.length() + eol.length(), comma) + '"' + csv.substring(comma);
            gaveUp.clear();
            List<List<String>> sql = loadFeed(name, quoted);
            assertThat(gaveUp).as("round %d of %s read by the SQL checks", round, name).anyMatch(m -> m.contains(name));
            assertThat(java).as("round %d of %s", round, name).isEqualTo(sql);
        }
    }

    /** Loads the feeds with this one replaced: its column types, rows, physical order test and rejects, as text. */
    private List<List<String>> loadFeed(String name, String csv) {
        TestData.writeAll(data());
        TestData.write(data(), name, csv);
        load(IngestOptions.defaults(work).withRejectLimit(1.0));
        List<List<String>> out = new ArrayList<>(query("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_name = '" + name + "' ORDER BY ordinal_position"));
        out.addAll(query("SELECT COLUMNS(*)::VARCHAR FROM " + name + " ORDER BY ALL"));
        Feed feed = Contract.feed(name);
        if (!feed.order().isEmpty()) {
            String k = String.join(", ", feed.order());
            out.add(List.of("unsorted", scalar("SELECT count(*) FROM (SELECT row(" + k + ") AS k, lag(row(" + k
                    + ")) OVER () AS p FROM " + name + ") WHERE p > k")));
        }
        out.addAll(query("SELECT line, column_name, reason_code FROM rejects WHERE feed = '" + name + "' ORDER BY ALL"));
        return out;
    }

    private static String row(Feed feed, Random r, boolean clean, int i) {
        List<String> values = new ArrayList<>();
        String kind = null;
        double bill = 0;
        for (Column c : feed.columns()) {
            String v = value(feed, c, r, clean, i);
            if (c.name().equals("contract_kind")) {
                kind = v;
            }
            if (clean && c.name().equals("contract_end_date") && !kind.isEmpty() && v.isEmpty()) {
                v = "2027-01-31";
            }
            if (clean && c.name().equals("total_fee")) {
                v = String.format(Locale.ROOT, "%.2f", bill + (r.nextInt(3) - 1) / 100.0);
            } else if (clean && c.type() == ColumnType.MONEY && !v.isEmpty() && feed.name().equals("bills")) {
                double x = Double.parseDouble(v.trim());
                bill += c.name().equals("discount") ? -x : x;
            }
            values.add(v);
        }
        return String.join(",", values);
    }

    private static String value(Feed feed, Column c, Random r, boolean clean, int i) {
        String n = c.name();
        if (!c.required() && r.nextInt(4) == 0 || !clean && r.nextInt(12) == 0) {
            return "";
        }
        // keys: unique and grouped by subscriber in clean rounds
        if (n.equals("subscriber_id")) {
            if (feed.link() == Feed.Link.SNAPSHOT) {
                return "S" + (clean ? i + 1 : 1 + r.nextInt(70));
            }
            return clean ? SUBSCRIBERS[i * SUBSCRIBERS.length / 60] : pick(r, "S1", "S2", "S4", "S9", " S1");
        }
        if (n.equals("month")) {
            return clean ? String.format(Locale.ROOT, "%d-%02d", 2020 + i % 15 / 12, 1 + i % 15 % 12)
                    : pick(r, "2026-05", "2026-12", "2026-13", "2026-5", " 2026-05", "2026-00");
        }
        if (n.equals("date") && feed.name().equals("usage_daily")) {
            return clean ? java.time.LocalDate.of(2024, 2, 20).plusDays(i % 15).toString()
                    : pick(r, "2026-11-01", "2024-02-29", "2026-02-29", "2026-1-05");
        }
        if (n.equals("complaint_id") || n.equals("survey_id")) {
            return clean ? "K" + i : "K" + r.nextInt(40);
        }
        if (n.equals("plan_id")) {
            return clean ? pick(r, "P1", "P2", "P3") : pick(r, "P1", "P9");
        }
        return switch (c.type()) {
            case STRING -> clean ? pick(r, "x", "abc", "中文名", "a b", "S-1", "€5")
                    : pick(r, "x", " x", "x ", "\"q,r\"", "\"\"", "t\tx", "中文");
            case MONEY -> clean ? pick(r, "0", "12.5", "58.50", "3.20", "100", "007.1", "0.01")
                    : pick(r, "1.005", "1e2", "+5", "12.", ".5", " 3", "58.500", "abc", "-3.20", "12.5");
            case INT -> clean ? pick(r, "0", "7", "007", "12", "999999999", "-0")
                    : pick(r, "12.0", "+5", " 3", "3 ", "1e3", "-4", "7");
            case SMALL_INT -> clean ? (c.max() != null ? String.valueOf(c.min() + r.nextInt((int) (c.max() - c.min() + 1)))
                    : pick(r, "0", "5", "31")) : pick(r, "0", "11", "5.0", "-1", "32", "7");
            case DECIMAL -> clean ? pick(r, "0", "0.5", "15360.5", "00.250", "1.123456", "123456789012.5", "-0.0", "0.000001")
                    : pick(r, "1.1234567", ".5", "5.", "1_000", "2e2", "-1.5", "3.5");
            case DATE -> clean ? pick(r, "2026-11-01", "2026-02-28", "2024-02-29", "1999-12-31")
                    : pick(r, "2026-02-29", "2026-1-05", "2026-11-01 ", "20261101", "0999-12-31", "2026-13-01", "2026-11-02");
            case MONTH -> pick(r, "2026-05", "2026-12");
            case TIMESTAMP -> clean ? pick(r, "2026-05-26T12:11:23", "2026-05-26 12:11:23", "2026-05-26T12:11:23+08:00",
                    "2026-05-26T04:11:23Z", "2026-05-26T12:11:23-05:30", "1992-01-01T00:00:00")
                    : pick(r, "2026-05-26", "2026-05-26T12:11", "2026-05-26T12:11:23.5", "1985-06-01T12:00:00",
                    "1988-06-01T12:00:00", "2026-05-26T24:00:00", "2026-05-26T12:11:23+0800", "2026-05-26t12:11:23");
            case FLAG -> clean ? pick(r, "Y", "N", "1", "0", "true", "FALSE", "y") : pick(r, "yes", "2", " Y", "N");
            case ENUM -> clean ? (r.nextBoolean() ? c.allowed().get(r.nextInt(c.allowed().size()))
                    : c.allowed().get(0).toLowerCase(Locale.ROOT)) : pick(r, "XX", c.allowed().get(0));
            case MSISDN -> clean ? pick(r, "13800000001", "19900000000")
                    : pick(r, "1380000000", "+8613800000001", "13800000001");
            case ID_NUMBER -> clean ? pick(r, TestData.ID1, TestData.ID2, TestData.idEndingInX("3504211985030212"),
                    TestData.idEndingInX("3504211985030212").toLowerCase(Locale.ROOT))
                    : pick(r, TestData.ID1.substring(0, 17) + (TestData.ID1.charAt(17) == '0' ? '1' : '0'), "12345", TestData.ID2);
            case ID_LIST -> clean ? pick(r, "A1", "A2", "A1;A2") : pick(r, "A2;A1", "A1; A2", "A9", ";", "A1;A1", "A1");
        };
    }

    private static String pick(Random r, String... values) {
        return values[r.nextInt(values.length)];
    }
}
