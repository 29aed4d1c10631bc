package io.tenure.model;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Trained on the public churn data (data/churn, 3333 rows), measured on its 1667 held-out rows. */
class ChurnModelTest {
    private static final Path DATA = Path.of("..", "data", "churn");
    private static Table train;
    private static Table test;
    private static ChurnModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnce() {
        train = Table.readCsv(DATA.resolve("mlc_churn_train3333.csv"));
        test = Table.readCsv(DATA.resolve("mlc_churn_test1667.csv"));
        model = new Trainer(TrainConfig.DEFAULTS).train(train, "churn");
    }

    @Test
    void learnsTheSchemaAndThePositiveClass() {
        FeatureSchema s = model.schema();
        assertThat(s.positive()).isEqualTo("yes");
        assertThat(s.names()).contains("total_day_minutes", "international_plan=yes", "area_code=area_code_415");
        assertThat(model.meta().positives()).isEqualTo(483);
        assertThat(model.meta().fingerprint()).hasSize(64);
    }

    @Test
    void ranksTheHeldOutCustomersWell() {
        var e = Evaluation.of(model, test);
        // the README's figure is the benchmark's; this floor catches a broken pipeline
        assertThat(e.metrics().auc()).isGreaterThan(0.88);
        assertThat(e.metrics().accuracy(0.5)).isGreaterThan(0.93);
        assertThat(e.metrics().topDecileLift()).isGreaterThan(4);
    }

    @Test
    void contributionsOfEveryRowAddUpToItsMargin() {
        float[] x = model.schema().encode(test);
        int n = 200;
        float[] head = java.util.Arrays.copyOf(x, n * model.schema().features().size());
        float[] margins = model.margins(head, n);
        float[][] contrib = model.contributions(head, n);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (float c : contrib[i]) {
                sum += c;
            }
            assertThat(sum).as("row %d", i).isCloseTo(margins[i], within(1e-3));
        }
        assertThat(contrib[0]).hasSize(model.schema().features().size() + 1);
    }

    @Test
    void aSavedModelScoresAsTheOneTrained() throws Exception {
        model.save(dir.resolve("m"));
        try (ChurnModel loaded = ChurnModel.load(dir.resolve("m"))) {
            float[] x = loaded.schema().encode(test);
            assertThat(loaded.probabilities(x, test.rows())).containsExactly(model.probabilities(x, test.rows()));
            assertThat(loaded.meta().fingerprint()).isEqualTo(model.meta().fingerprint());
            assertThat(loaded.meta().validation()).containsKeys("auc", "pr_auc", "accuracy", "top_decile_lift");
        }
    }

    @Test
    void scoringATableWithoutAModelColumnNamesTheColumn() throws Exception {
        Path csv = dir.resolve("no-day-minutes.csv");
        List<String> lines = Files.readAllLines(DATA.resolve("mlc_churn_test1667.csv"));
        Files.write(csv, lines.stream().map(l -> l.replaceFirst("^(([^,]*,){6})[^,]*,", "$1")).toList());

        Table t = Table.readCsv(csv);
        assertThatThrownBy(() -> model.schema().encode(t)).isInstanceOf(TenureException.class)
                .hasMessageContaining("total_day_minutes")
                .satisfies(e -> assertThat(((TenureException) e).code()).isEqualTo(ErrorCode.MODEL_MISMATCH));
    }

    @Test
    void aColumnOfAnotherKindIsAMismatch() throws Exception {
        Path csv = dir.resolve("text-calls.csv");
        List<String> lines = Files.readAllLines(DATA.resolve("mlc_churn_test1667.csv"));
        Files.write(csv, lines.stream().map(l -> l.replaceFirst(",(\\d+),\"(yes|no)\"$", ",\"n$1\",\"$2\"")).toList());

        assertThatThrownBy(() -> model.schema().encode(Table.readCsv(csv))).hasMessageContaining("number_customer_service_calls")
                .hasMessageContaining("text in the table");
    }

    @Test
    void aFolderWithoutAModelIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> ChurnModel.load(dir)).hasMessageContaining("tenure model train");
    }
}
