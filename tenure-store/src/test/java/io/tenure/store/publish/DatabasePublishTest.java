package io.tenure.store.publish;

import io.tenure.engine.config.TenureConfig;
import io.tenure.engine.run.DailyRun;
import io.tenure.engine.run.Progress;
import io.tenure.engine.run.RunOptions;
import io.tenure.engine.run.RunResult;
import io.tenure.generator.GeneratorOptions;
import io.tenure.generator.OutputFormat;
import io.tenure.generator.ProvinceGenerator;
import io.tenure.store.Store;
import io.tenure.store.testing.Databases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The daily run published into PostgreSQL and H2: same rows as the files, reruns replace, failures keep the old day. */
class DatabasePublishTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void generate() {
        data = tmp.resolve("data");
        new ProvinceGenerator(new GeneratorOptions(3000, 6, data, 11L, AS_OF, OutputFormat.CSV, StandardCharsets.UTF_8, 1)).generate();
    }

    private static RunResult run(Store store, Path out, LocalDate asOf) {
        return new DailyRun(new RunOptions(data, out, asOf, TenureConfig.defaults(), null), Progress.SILENT,
                List.of(new DatabasePublish(store))).run();
    }

    private static long count(Store store, String sql) throws SQLException {
        try (Connection c = store.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long csvRows(Path file) throws Exception {
        try (var lines = Files.lines(file)) {
            return lines.count() - 1;
        }
    }

    @Test
    void publishesTheRunIntoPostgres() throws Exception {
        publishesTheRun(Databases.postgres(), tmp.resolve("out-pg"));
    }

    @Test
    void publishesTheRunIntoH2() throws Exception {
        publishesTheRun(Databases.h2(tmp), tmp.resolve("out-h2"));
    }

    private void publishesTheRun(Store store, Path out) throws Exception {
        RunResult r = run(store, out, AS_OF);
        assertThat(count(store, "SELECT count(*) FROM customer")).isEqualTo(csvRows(data.resolve("subscribers.csv")));
        assertThat(count(store, "SELECT count(*) FROM four_high")).isEqualTo(csvRows(r.published().resolve("four_high.csv")));
        assertThat(count(store, "SELECT count(*) FROM early_warning")).isEqualTo(csvRows(r.published().resolve("early_warning.csv")));
        assertThat(count(store, "SELECT count(*) FROM customer_month")).isGreaterThanOrEqualTo(csvRows(data.resolve("bills.csv")));
        assertThat(count(store, "SELECT count(*) FROM complaint")).isEqualTo(csvRows(data.resolve("complaints.csv")));
        assertThat(count(store, "SELECT count(*) FROM contact")).isEqualTo(csvRows(data.resolve("contacts.csv")));
        assertThat(count(store, "SELECT count(*) FROM published_run WHERE as_of = DATE '2026-11-21'")).isEqualTo(1);
        long held = count(store, "SELECT sum(n) FROM daily_count WHERE kind = 'HELD'");
        assertThat(held).isEqualTo(count(store, "SELECT count(*) FROM four_high WHERE movement <> 'EXITED'"));
        // timestamps keep their instant; money its decimals
        assertThat(count(store, "SELECT count(*) FROM complaint WHERE created_at IS NULL")).isZero();
        assertThat(count(store, "SELECT count(*) FROM customer_month WHERE total_fee <> round(total_fee, 2)")).isZero();

        // a rerun of the same day changes nothing: every table is as it was, so none is loaded
        String liveCustomer = live(store, "customer");
        DatabasePublish again = new DatabasePublish(store);
        new DailyRun(new RunOptions(data, out, AS_OF, TenureConfig.defaults(), null), Progress.SILENT, List.of(again)).run();
        assertThat(again.tableMillis()).isEmpty();
        assertThat(live(store, "customer")).isEqualTo(liveCustomer);
        assertThat(count(store, "SELECT count(*) FROM published_run")).isEqualTo(1);
        assertThat(count(store, "SELECT count(*) FROM four_high")).isEqualTo(csvRows(r.published().resolve("four_high.csv")));
        assertThat(count(store, "SELECT sum(n) FROM daily_count WHERE kind = 'HELD'")).isEqualTo(held);

        // a changed table is loaded into its other slot and its view moves there; the others stay
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE published_table SET fingerprint = 'stale' WHERE name = 'customer'");
        }
        DatabasePublish changed = new DatabasePublish(store);
        new DailyRun(new RunOptions(data, out, AS_OF, TenureConfig.defaults(), null), Progress.SILENT, List.of(changed)).run();
        assertThat(changed.tableMillis()).containsOnlyKeys("customer");
        assertThat(live(store, "customer")).isNotEqualTo(liveCustomer);
        assertThat(count(store, "SELECT count(*) FROM customer")).isEqualTo(csvRows(data.resolve("subscribers.csv")));

        // an older day records its counts but leaves the newer one on show
        run(store, out, AS_OF.minusDays(1));
        assertThat(count(store, "SELECT count(*) FROM published_run")).isEqualTo(2);
        assertThat(count(store, "SELECT count(*) FROM customer")).isEqualTo(csvRows(data.resolve("subscribers.csv")));
    }

    private static String live(Store store, String view) throws SQLException {
        try (Connection c = store.connect()) {
            return DatabasePublish.liveSlots(c).getOrDefault(view, "a");
        }
    }

    @Test
    void aFailedPublishKeepsThePreviousDayAndPublishesNoFiles() throws Exception {
        Store store = Databases.h2(tmp);
        Path out = tmp.resolve("out-fail");
        run(store, out, AS_OF);
        long before = count(store, "SELECT count(*) FROM customer");
        String liveCustomer = live(store, "customer");
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            // the next publish must load the customers again, into a slot that now refuses every row
            s.execute("UPDATE published_table SET fingerprint = 'stale' WHERE name = 'customer'");
            String free = "customer_" + ("a".equals(liveCustomer) ? "b" : "a");
            s.execute("ALTER TABLE " + free + " ADD CONSTRAINT ck_never CHECK (subscriber_id = 'none')");
        }
        assertThatThrownBy(() -> run(store, out, AS_OF.plusDays(1)))
                .hasMessageContaining("the server keeps the previous day");
        assertThat(count(store, "SELECT count(*) FROM customer")).isEqualTo(before);
        assertThat(live(store, "customer")).isEqualTo(liveCustomer);
        assertThat(count(store, "SELECT count(*) FROM published_run")).isEqualTo(1);
        assertThat(out.resolve(AS_OF.plusDays(1).toString())).doesNotExist();
    }
}
