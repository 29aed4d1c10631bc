package io.tenure.engine.risk;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.core.risk.RiskBands;
import io.tenure.engine.duck.ArrowRows;
import io.tenure.engine.duck.ArrowRows.Column;
import io.tenure.engine.duck.Duck;
import io.tenure.model.ChurnModel;
import io.tenure.model.FeatureSchema;
import io.tenure.report.Lang;
import io.tenure.report.Messages;
import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.tenure.engine.duck.ArrowRows.Type.BIGINT;
import static io.tenure.engine.duck.ArrowRows.Type.DOUBLE;
import static io.tenure.engine.duck.ArrowRows.Type.VARCHAR;

/**
 * Scores every ACTIVE subscriber with the configured port-out model, as of the run date: calibrated probability,
 * band, and for the high and medium bands the three features that push the risk up most (tree contributions), in
 * words ("异网通话占比 62%"). Rows go to {@code risk_rows}.
 */
public final class RiskStage {
    private static final int BATCH = 100_000;
    private static final int REASONS = 3;
    private final DuckDBConnection conn;
    private final ChurnModel model;
    private final RiskBands bands;
    private final Messages messages;

    public RiskStage(DuckDBConnection conn, ChurnModel model, RiskBands bands, Lang lang) {
        this.conn = conn;
        this.model = model;
        this.bands = bands;
        this.messages = Messages.of(lang);
    }

    /** Counts per band. */
    public record Result(long scored, long high, long medium, long low) {
        public static final Result NONE = new Result(0, 0, 0, 0);
    }

    private static final List<Column> COLUMNS = List.of(new Column("sub_idx", BIGINT), new Column("probability", DOUBLE),
            new Column("band", VARCHAR), new Column("reason_1", VARCHAR), new Column("reason_2", VARCHAR),
            new Column("reason_3", VARCHAR), new Column("reason_features", VARCHAR));

    /** An empty {@code risk_rows}: the run without a model joins it all the same. */
    public static void createEmpty(DuckDBConnection conn) {
        ArrowRows.createTable(conn, "risk_rows", COLUMNS);
    }

    public Result run(LocalDate asOf) {
        FeatureSchema schema = model.schema();
        String sql = RiskTraining.scoringSql(schema, asOf);
        ArrowRows.createTable(conn, "risk_rows", COLUMNS);
        int k = schema.features().size();
        long[] counts = new long[3];
        try (DuckDBConnection c = conn.duplicate(); Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql);
             ArrowRows out = new ArrowRows(COLUMNS)) {
            int[] at = new int[k];
            for (int j = 0; j < k; j++) {
                at[j] = r.findColumn(schema.features().get(j).source());
            }
            long[] subs = new long[BATCH];
            float[] x = new float[BATCH * k];
            int n = 0;
            boolean more = r.next();
            while (more) {
                subs[n] = r.getLong(1);
                for (int j = 0; j < k; j++) {
                    double v = r.getDouble(at[j]);
                    x[n * k + j] = r.wasNull() ? Float.NaN : (float) v;
                }
                n++;
                more = r.next();
                if (n == BATCH || !more) {
                    score(subs, x, n, k, out, counts);
                    n = 0;
                }
            }
            out.insertInto(conn, "risk_rows");
        } catch (SQLException e) {
            throw Duck.failure("risk scoring", e);
        }
        return new Result(counts[0] + counts[1] + counts[2], counts[0], counts[1], counts[2]);
    }

    private void score(long[] subs, float[] x, int n, int k, ArrowRows out, long[] counts) {
        float[] rows = n * k == x.length ? x : java.util.Arrays.copyOf(x, n * k);
        double[] p = model.probabilities(rows, n);
        // contributions only where the reasons are shown: the high and medium bands
        List<Integer> explain = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (bands.band(p[i]) != RiskBands.Band.LOW) {
                explain.add(i);
            }
        }
        float[][] contrib = new float[0][];
        if (!explain.isEmpty()) {
            float[] sub = new float[explain.size() * k];
            for (int e = 0; e < explain.size(); e++) {
                System.arraycopy(rows, explain.get(e) * k, sub, e * k, k);
            }
            contrib = model.contributions(sub, explain.size());
        }
        int e = 0;
        for (int i = 0; i < n; i++) {
            RiskBands.Band band = bands.band(p[i]);
            counts[band.ordinal()]++;
            out.beginRow();
            out.append(subs[i]);
            out.append(p[i]);
            out.append(band.name());
            if (band == RiskBands.Band.LOW) {
                for (int j = 0; j <= REASONS; j++) {
                    out.appendNull();
                }
            } else {
                int[] top = top(contrib[e++], k);
                StringBuilder names = new StringBuilder();
                for (int t = 0; t < REASONS; t++) {
                    if (t < top.length) {
                        out.append(reason(top[t], rows[i * k + top[t]]));
                        names.append(t == 0 ? "" : ";").append(model.schema().features().get(top[t]).name());
                    } else {
                        out.appendNull();
                    }
                }
                out.append(names.toString());
            }
            out.endRow();
        }
    }

    /** The features with the largest positive contributions, largest first (the bias, last, is not a feature). */
    static int[] top(float[] contributions, int features) {
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            if (contributions[j] > 0) {
                idx.add(j);
            }
        }
        idx.sort((a, b) -> Float.compare(contributions[b], contributions[a]));
        return idx.stream().limit(REASONS).mapToInt(Integer::intValue).toArray();
    }

    /** A reason in words: the feature's phrase with its value. */
    String reason(int feature, float value) {
        String name = model.schema().features().get(feature).source();
        RiskFeatures.Feature f = RiskFeatures.feature(name);
        String v = Float.isNaN(value) ? messages.get("risk.value.none") : switch (f.format()) {
            case PERCENT -> BigDecimal.valueOf(value * 100.0).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
            case YUAN -> BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
            case GB -> BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
            case FLAG -> messages.get(value >= 0.5 ? "flag.Y" : "flag.N");
            default -> String.valueOf(Math.round(value));
        };
        String key = "risk.reason." + name;
        if (name.equals("contract_days_left") && value < 0) {
            key += ".past";
            v = String.valueOf(Math.round(-value));
        }
        if (!messages.has(key)) {
            throw new TenureException(ErrorCode.INTERNAL, "no words for the risk feature " + name + " (" + key + ")");
        }
        return messages.get(key, v);
    }
}
