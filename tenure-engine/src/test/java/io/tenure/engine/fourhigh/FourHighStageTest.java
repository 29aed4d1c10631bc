package io.tenure.engine.fourhigh;

import io.tenure.core.fourhigh.FourHighModel;
import io.tenure.core.fourhigh.FourHighThresholds;
import io.tenure.core.fourhigh.Tag;
import io.tenure.engine.bench.BaselineSql;
import io.tenure.engine.duck.Duck;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.tenure.engine.config.TenureConfig;
import io.tenure.report.Lang;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FourHighStageTest {
    private static final YearMonth M = YearMonth.of(2026, 10);
    @TempDir
    Path tmp;
    private DuckDBConnection conn;

    @BeforeEach
    void open() {
        conn = Duck.open(tmp, 2, "1GB");
    }

    @AfterEach
    void close() throws Exception {
        conn.close();
    }

    private List<YearMonth> sixMonths() {
        List<YearMonth> months = new ArrayList<>();
        for (int i = 5; i >= 0; i--) {
            months.add(M.minusMonths(i));
        }
        return months;
    }

    private FourHighResult runStage(int partitions) {
        TariffBook book = TariffBook.load(conn);
        io.tenure.engine.risk.RiskStage.createEmpty(conn);
        return new FourHighStage(conn, book, new FourHighModel(book.catalog(), FourHighThresholds.DEFAULTS), sixMonths(), partitions,
                CareSetup.of(book.catalog(), TenureConfig.defaults().care(), Lang.ZH)).run(n -> { });
    }

    @Test
    void agreesWithThePlainSqlRulesOnRandomFeeds() {
        RandomFeeds.create(conn, 4000, 0.42);
        FourHighResult r = runStage(2);
        BaselineSql.run(conn, M.minusMonths(5), M, FourHighThresholds.DEFAULTS);

        long differ = Duck.scalarLong(conn, "SELECT count(*) FROM ((SELECT sub_idx, tag, level, movement FROM fh_rows EXCEPT ALL "
                + "SELECT sub_idx, tag, level, movement FROM base_status) UNION ALL (SELECT sub_idx, tag, level, movement FROM base_status "
                + "EXCEPT ALL SELECT sub_idx, tag, level, movement FROM fh_rows))");
        assertThat(Duck.scalarLong(conn, "SELECT count(*) FROM fh_rows")).isGreaterThan(1000);
        assertThat(differ).isZero();
        for (YearMonth m : sixMonths()) {
            assertThat(r.held(m, Tag.HIGH_ARPU)).isEqualTo(Duck.scalarLong(conn,
                    "SELECT count(*) FROM base_tags WHERE t_arpu AND month = " + Duck.lit(m.toString())));
            assertThat(r.held(m, Tag.HIGH_SILENCE)).isEqualTo(Duck.scalarLong(conn,
                    "SELECT count(*) FROM base_tags WHERE t_silence AND month = " + Duck.lit(m.toString())));
            assertThat(r.evaluated(m)).isEqualTo(Duck.scalarLong(conn,
                    "SELECT count(*) FROM base_tags WHERE month = " + Duck.lit(m.toString())));
        }
    }

    @Test
    void partitioningDoesNotChangeTheResult() {
        RandomFeeds.create(conn, 3000, 0.17);
        runStage(1);
        Duck.exec(conn, "CREATE TABLE one AS SELECT * FROM fh_rows");
        runStage(3);
        assertThat(Duck.scalarLong(conn, "SELECT count(*) FROM (SELECT * FROM one EXCEPT ALL SELECT * FROM fh_rows)")).isZero();
        assertThat(Duck.scalarLong(conn, "SELECT count(*) FROM one")).isEqualTo(Duck.scalarLong(conn, "SELECT count(*) FROM fh_rows"));
    }

    @Test
    void countsActiveSubscribersWithoutABillInMAsNotEvaluated() {
        RandomFeeds.create(conn, 2000, 0.5);
        FourHighResult r = runStage(2);
        long expected = Duck.scalarLong(conn, "SELECT count(*) FROM subscribers s WHERE status = 'ACTIVE' AND NOT EXISTS "
                + "(SELECT 1 FROM bills b WHERE b.sub_idx = s.sub_idx AND b.month = '2026-10')");
        assertThat(expected).isPositive();
        assertThat(r.notEvaluatedInM()).isEqualTo(expected);
        assertThat(r.evaluated(M) + r.notEvaluatedInM())
                .isEqualTo(Duck.scalarLong(conn, "SELECT count(*) FROM subscribers WHERE status = 'ACTIVE'"));
    }

    @Test
    void exitedRowsAreTagsHeldLastMonthAndNotThisMonth() {
        RandomFeeds.create(conn, 2000, 0.9);
        FourHighResult r = runStage(2);
        for (Tag t : Tag.values()) {
            long exited = Duck.scalarLong(conn, "SELECT count(*) FROM fh_rows WHERE movement = 'EXITED' AND tag = " + Duck.lit(t.name()));
            long stayed = Duck.scalarLong(conn, "SELECT count(*) FROM fh_rows WHERE movement = 'STAYED' AND tag = " + Duck.lit(t.name()));
            assertThat(exited + stayed).isEqualTo(r.heldLastMonth(t));
            assertThat(Duck.scalarLong(conn, "SELECT count(*) FROM fh_rows WHERE movement = 'EXITED' AND level IS NOT NULL")).isZero();
        }
    }

    @Test
    void caresForEveryTagStillHeldWithPublishedOffersOnlyAndOffersHeldBackWithoutConsent() {
        RandomFeeds.create(conn, 4000, 0.33);
        FourHighResult r = runStage(2);

        assertThat(Duck.scalarLong(conn, "SELECT count(*) FROM fh_rows WHERE (movement = 'EXITED') = (care_action IS NOT NULL)"))
                .as("exited rows carry no care, the others do").isZero();
        assertThat(Duck.scalarLong(conn, "SELECT count(*) FROM fh_rows WHERE care_action IS NOT NULL AND NOT ends_with(sms, '拒收请回复R')"))
                .isZero();
        assertThat(Duck.scalarLong(conn, "SELECT count(*) FROM fh_rows f JOIN plans p ON p.plan_id = f.offer_plan_id "
                + "WHERE f.offer_kind <> 'STAY' AND NOT p.published")).isZero();
        assertThat(Duck.scalarLong(conn, "SELECT count(*) FROM fh_rows WHERE offer_kind = 'BEST_FOR_CUSTOMER'")).isPositive();
        assertThat(Duck.scalarLong(conn, "SELECT count(*) FROM fh_rows WHERE tag = 'HIGH_SILENCE' AND offer_plan_id IS NOT NULL"))
                .as("no upsell to the silent").isZero();
        assertThat(Duck.scalarLong(conn, "SELECT count(*) FROM fh_rows f JOIN subscribers s ON s.sub_idx = f.sub_idx "
                + "WHERE f.offer_plan_id IS NOT NULL AND (f.contact_allowed = 'Y') <> (s.marketing_consent AND NOT coalesce(s.dnd, false))"))
                .isZero();
        assertThat(Duck.scalarLong(conn, "SELECT count(*) FROM fh_rows f JOIN subscribers s ON s.sub_idx = f.sub_idx "
                + "WHERE f.care_action IS NOT NULL AND (s.vip_level IN ('GOLD', 'DIAMOND')) <> (f.channel = 'ACCOUNT_MANAGER')")).isZero();
        assertThat(r.heldBack()).isEqualTo(Duck.scalarLong(conn, "SELECT count(*) FROM fh_rows WHERE contact_allowed = 'N'"))
                .isPositive();
        // the bulletin's saving counts each offered subscriber once
        assertThat(r.offered()).isEqualTo(Duck.scalarLong(conn,
                "SELECT count(DISTINCT sub_idx) FROM fh_rows WHERE offer_plan_id IS NOT NULL"));
        assertThat(r.savingCents()).isEqualTo(Duck.scalarLong(conn, "SELECT coalesce(sum(s), 0) FROM (SELECT DISTINCT sub_idx, "
                + "saving_avg AS s FROM fh_rows WHERE offer_plan_id IS NOT NULL)")).isPositive();
        assertThat(Duck.scalarLong(conn, "SELECT count(*) FROM fh_rows WHERE offer_plan_id IS NOT NULL AND saving_avg < 500"))
                .as("an offer saves at least the margin").isZero();
    }
}
