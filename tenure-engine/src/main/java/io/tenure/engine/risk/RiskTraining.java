package io.tenure.engine.risk;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.engine.duck.Duck;
import io.tenure.model.ChurnModel;
import io.tenure.model.Evaluation;
import io.tenure.model.FeatureSchema;
import io.tenure.model.Table;
import io.tenure.model.TrainConfig;
import io.tenure.model.Trainer;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training the port-out model from the contract's feeds: one row per subscriber and cutoff, the cutoffs being the
 * first days of the months whose 90-day label window ends by the as-of date, each after at least one closed month.
 * Every cutoff's features are first checked for leakage. The latest cutoff is held out as an out-of-time test:
 * the model learns from the earlier ones and is measured on it.
 */
public final class RiskTraining {
    private RiskTraining() {
    }

    /** What the training did. */
    public record Result(List<LocalDate> trainCutoffs, LocalDate testCutoff, long trainRows, long testRows,
                         Map<String, Double> test) {
    }

    /** Cutoffs with a closed month of bills before them and their whole label window before {@code asOf}. */
    public static List<LocalDate> cutoffs(DuckDBConnection conn, LocalDate asOf) {
        String first = Duck.scalarString(conn, "SELECT min(month) FROM bills");
        if (first == null) {
            throw new TenureException(ErrorCode.NO_BILLING_MONTH, "the bills feed is empty: nothing to learn from");
        }
        List<LocalDate> out = new ArrayList<>();
        for (YearMonth m = YearMonth.parse(first).plusMonths(1); !m.atDay(1).plusDays(RiskFeatures.HORIZON_DAYS).isAfter(asOf);
             m = m.plusMonths(1)) {
            out.add(m.atDay(1));
        }
        if (out.size() < 2) {
            throw new TenureException(ErrorCode.INVALID_VALUE, "the feeds hold " + out.size() + " cutoff(s) with a closed month"
                    + " before and " + RiskFeatures.HORIZON_DAYS + " days after before " + asOf + "; training needs two"
                    + " (one to learn from, one to test on): give feeds with more months of history");
        }
        return out;
    }

    /** Trains on the loaded feeds, saves the model and its out-of-time evaluation under {@code out}. */
    public static Result train(DuckDBConnection conn, LocalDate asOf, TrainConfig config, Path out) {
        List<LocalDate> cutoffs = cutoffs(conn, asOf);
        for (LocalDate c : cutoffs) {
            List<String> leaking = RiskFeatures.leaks(conn, c, "s.sub_idx % 20 = 0");
            if (!leaking.isEmpty()) {
                throw new TenureException(ErrorCode.INTERNAL, "features " + leaking + " read data after the cutoff " + c
                        + ": they would not be known on the day they are scored");
            }
        }
        List<LocalDate> train = cutoffs.subList(0, cutoffs.size() - 1);
        LocalDate test = cutoffs.get(cutoffs.size() - 1);
        Table trainTable = table(conn, train);
        Table testTable = table(conn, List.of(test));
        try (ChurnModel model = new Trainer(config).train(trainTable, "port_out")) {
            model.save(out);
            Evaluation e = Evaluation.of(model, testTable);
            e.write(out.resolve("evaluation"));
            Result r = new Result(train, test, trainTable.rows(), testTable.rows(), e.summary());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("source", "feeds");
            json.put("as_of", asOf.toString());
            json.put("train_cutoffs", train.stream().map(LocalDate::toString).toList());
            json.put("test_cutoff", test.toString());
            json.put("horizon_days", RiskFeatures.HORIZON_DAYS);
            json.put("train_rows", trainTable.rows());
            json.put("test_rows", testTable.rows());
            json.put("leakage_checked", true);
            json.put("out_of_time_test", e.summary());
            new com.fasterxml.jackson.databind.ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.resolve("training.json").toFile(), json);
            return r;
        } catch (IOException e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot write the training summary into " + out + ": " + e.getMessage(), e);
        }
    }

    /** The features and labels of the cutoffs, one row per subscriber and cutoff. */
    static Table table(DuckDBConnection conn, List<LocalDate> cutoffs) {
        StringBuilder sql = new StringBuilder("SELECT * EXCLUDE (sub_idx) FROM (");
        for (int i = 0; i < cutoffs.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("(").append(RiskFeatures.training(cutoffs.get(i), RiskFeatures.months(conn, cutoffs.get(i)))).append(")");
        }
        sql.append(")");
        try (Statement s = conn.createStatement(); ResultSet r = s.executeQuery(sql.toString())) {
            return new PlanFit(io.tenure.engine.fourhigh.TariffBook.load(conn).catalog()).fill(Table.read(r));
        } catch (SQLException e) {
            throw Duck.failure("training rows", e);
        }
    }

    /** Fails, naming the feature, when the model reads a feature the feeds do not give (a model of another table). */
    public static void checkSchema(FeatureSchema schema) {
        for (FeatureSchema.Feature f : schema.features()) {
            RiskFeatures.feature(f.source());
        }
    }
}
