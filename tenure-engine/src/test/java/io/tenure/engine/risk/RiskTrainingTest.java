package io.tenure.engine.risk;

import io.tenure.engine.duck.Duck;
import io.tenure.generator.GeneratorOptions;
import io.tenure.generator.OutputFormat;
import io.tenure.generator.ProvinceGenerator;
import io.tenure.ingest.FeedLoader;
import io.tenure.ingest.IngestOptions;
import io.tenure.model.ChurnModel;
import io.tenure.model.TrainConfig;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Features and labels from the feeds of a generated province with a planted port-out hazard. */
class RiskTrainingTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);
    @TempDir
    static Path tmp;
    static DuckDBConnection conn;

    @BeforeAll
    static void load() {
        Path data = tmp.resolve("data");
        new ProvinceGenerator(new GeneratorOptions(30000, 6, data, 11L, AS_OF, OutputFormat.CSV, StandardCharsets.UTF_8, 1)).generate();
        conn = Duck.open(tmp, 2, "2GB");
        new FeedLoader(conn, IngestOptions.defaults(tmp)).loadAll(data);
    }

    @AfterAll
    static void close() throws Exception {
        conn.close();
    }

    @Test
    void cutoffsAreMonthStartsWhoseLabelWindowHasPassed() {
        assertThat(RiskTraining.cutoffs(conn, AS_OF)).containsExactly(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 8, 1));
    }

    @Test
    void noFeatureReadsPastItsCutoff() {
        assertThat(RiskFeatures.leaks(conn, LocalDate.of(2026, 7, 1), "s.sub_idx % 3 = 0")).isEmpty();
    }

    @Test
    void aFeatureThatReadsAfterTheCutoffIsCaught() {
        List<RiskFeatures.Feature> features = new ArrayList<>(RiskFeatures.FEATURES);
        features.add(new RiskFeatures.Feature("complaints_ever",
                "(SELECT count(*) FROM complaints x WHERE x.sub_idx = s.sub_idx)", RiskFeatures.Format.COUNT));
        features.add(new RiskFeatures.Feature("bills_ever", "(SELECT count(*) FROM bills x WHERE x.sub_idx = s.sub_idx)",
                RiskFeatures.Format.COUNT));

        assertThat(RiskFeatures.leaks(conn, LocalDate.of(2026, 7, 1), "s.sub_idx % 3 = 0", features))
                .containsExactly("complaints_ever", "bills_ever");
    }

    @Test
    void learnsThePlantedSignalFarAboveChanceOnALaterCutoff() throws Exception {
        Path out = tmp.resolve("model");
        RiskTraining.Result r = RiskTraining.train(conn, AS_OF, TrainConfig.DEFAULTS, out);

        assertThat(r.testCutoff()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(r.test().get("auc")).isGreaterThan(0.70);
        assertThat(r.test().get("top_decile_lift")).isGreaterThan(2.5);
        assertThat(out.resolve("evaluation/report.html")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("training.json"))).contains("\"leakage_checked\" : true");
        try (ChurnModel m = ChurnModel.load(out)) {
            assertThat(m.schema().names()).contains("offnet_share_3m", "rival_hotline_last", "contract_days_left");
        }
    }

    @Test
    void aModelOfOtherColumnsIsRefusedForTheFeedsWithTheColumnNamed() {
        var table = io.tenure.model.Table.readCsv(Path.of("..", "data", "churn", "mlc_churn_train3333.csv"));
        try (ChurnModel other = new io.tenure.model.Trainer(TrainConfig.DEFAULTS).train(table, "churn")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RiskStage(conn, other,
                            io.tenure.core.risk.RiskBands.DEFAULTS, io.tenure.report.Lang.ZH).run(AS_OF))
                    .hasMessageContaining("'state'").hasMessageContaining("tenure model train --data")
                    .satisfies(e -> assertThat(((io.tenure.core.error.TenureException) e).code())
                            .isEqualTo(io.tenure.core.error.ErrorCode.MODEL_MISMATCH));
        }
    }

    @Test
    void scoringInRangesGivesWhatOneRangeGives() throws Exception {
        Path out = tmp.resolve("model-ranges");
        RiskTraining.train(conn, AS_OF, TrainConfig.DEFAULTS, out);
        try (ChurnModel m = ChurnModel.load(out)) {
            var bands = new io.tenure.core.risk.RiskBands(0.05, 0.02);
            var whole = new RiskStage(conn, m, bands, io.tenure.report.Lang.ZH).run(AS_OF);
            Duck.exec(conn, "CREATE OR REPLACE TABLE risk_whole AS SELECT * FROM risk_rows");
            var parts = new RiskStage(conn, m, bands, io.tenure.report.Lang.ZH, 7_000).run(AS_OF);

            assertThat(List.of(parts.scored(), parts.high(), parts.medium(), parts.low()))
                    .isEqualTo(List.of(whole.scored(), whole.high(), whole.medium(), whole.low()));
            assertThat(whole.high()).isPositive();
            assertThat(Duck.scalarLong(conn, "SELECT count(*) FROM (SELECT * FROM risk_whole EXCEPT ALL SELECT * FROM risk_rows)"))
                    .isZero();
            assertThat(Duck.scalarLong(conn, "SELECT count(*) FROM risk_rows WHERE band = 'HIGH' AND reason_1 IS NULL")).isZero();
        }
    }
}
