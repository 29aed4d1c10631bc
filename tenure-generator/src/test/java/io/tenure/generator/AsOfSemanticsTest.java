package io.tenure.generator;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** History ends the day before the as-of date. */
class AsOfSemanticsTest {

    @Test
    void billsAndUsageCoverTheClosedMonthsBeforeTheAsOfMonth() {
        assertThat(distinct("bills", "month")).containsExactly("2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10");
        assertThat(distinct("usage", "month")).containsExactly("2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10");
    }

    @Test
    void dailyUsageCoversTheAsOfMonthUpToTheDayBefore() {
        TreeSet<String> days = distinct("usage_daily", "date");
        assertThat(days.first()).isEqualTo("2026-11-01");
        assertThat(days.last()).isEqualTo("2026-11-20");
        assertThat(days).hasSize(20);
    }

    @Test
    void everyActiveLineHasADailyRowOnTheLastDay() {
        CsvTable s = Fixtures.standard("subscribers");
        CsvTable d = Fixtures.standard("usage_daily");
        var last = d.rows.stream().filter(r -> d.get(r, "date").equals("2026-11-20")).map(r -> r[0])
                .collect(java.util.stream.Collectors.toSet());
        assertThat(s.rows.stream().filter(r -> s.get(r, "status").equals("ACTIVE")).map(r -> r[0]))
                .allSatisfy(id -> assertThat(last).contains(id));
    }

    @Test
    void eventsAreDatedInTheWindowAndBeforeTheAsOfDate() {
        String from = "2026-05-01";
        String to = "2026-11-21";
        for (String[] fc : List.of(new String[] {"complaints", "created_at"}, new String[] {"complaints", "closed_at"},
                new String[] {"surveys", "survey_date"}, new String[] {"mnp_events", "event_time"},
                new String[] {"contacts", "contact_time"})) {
            CsvTable t = Fixtures.standard(fc[0]);
            int c = t.col(fc[1]);
            assertThat(t.rows.stream().map(r -> r[c]).filter(v -> !v.isEmpty())
                    .filter(v -> v.compareTo(from) < 0 || v.compareTo(to) >= 0).count()).as(fc[0] + "." + fc[1]).isZero();
        }
        CsvTable s = Fixtures.standard("subscribers");
        assertThat(s.rows.stream().map(r -> s.get(r, "activation_date")).max(String::compareTo)).get()
                .satisfies(v -> assertThat(v).isLessThan(to));
    }

    @Test
    void asOfOnTheFirstOfAMonthWritesNoDailyRowsAndEndsBillsWithThePreviousMonth() {
        Path dir = Fixtures.generated("first-of-month",
                Fixtures.options(400).withAsOf(LocalDate.of(2026, 3, 1)).withMonths(2));
        assertThat(CsvTable.read(dir.resolve("usage_daily.csv")).rows).isEmpty();
        CsvTable b = CsvTable.read(dir.resolve("bills.csv"));
        assertThat(new TreeSet<>(b.rows.stream().map(r -> b.get(r, "month")).toList())).containsExactly("2026-01", "2026-02");
        CsvTable c = CsvTable.read(dir.resolve("contacts.csv"));
        assertThat(c.rows).allSatisfy(r -> assertThat(c.get(r, "contact_time")).isLessThan("2026-03-01"));
    }

    private static TreeSet<String> distinct(String feed, String column) {
        CsvTable t = Fixtures.standard(feed);
        int c = t.col(column);
        TreeSet<String> set = new TreeSet<>();
        t.rows.forEach(r -> set.add(r[c]));
        return set;
    }
}
