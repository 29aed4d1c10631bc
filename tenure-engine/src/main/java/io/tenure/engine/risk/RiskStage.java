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
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

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
 * band, and for the high band the three features that push the risk up most (tree SHAP contributions), in words
 * ("异网通话占比 62%"). Rows go to {@code risk_rows}.
 */
public final class RiskStage {
    private static final int BATCH = 100_000;
    /** Subscribers per feature query. */
    private static final long RANGE = 1_000_000;
    private final long range;
    private static final int REASONS = 3;
    private final DuckDBConnection conn;
    private final ChurnModel model;
    private final RiskBands bands;
    private final Messages messages;

    public RiskStage(DuckDBConnection conn, ChurnModel model, RiskBands bands, Lang lang) {
        this(conn, model, bands, lang, RANGE);
    }

    /** With another number of subscribers per feature query (tests). */
    RiskStage(DuckDBConnection conn, ChurnModel model, RiskBands bands, Lang lang, long range) {
        this.range = range;
        this.conn = conn;
        this.model = model;
        this.bands = bands;
        this.messages = Messages.of(lang);
    }

    /**
     * Counts per band, and the time the model took (predictions, calibration, reasons) apart from the features'
     * (their query and reading), which overlap.
     */
    public record Result(long scored, long high, long medium, long low, long modelMillis) {
        public static final Result NONE = new Result(0, 0, 0, 0, 0);
    }

    private final java.util.concurrent.atomic.AtomicLong modelNanos = new java.util.concurrent.atomic.AtomicLong();

    private static final List<Column> COLUMNS = List.of(new Column("sub_idx", BIGINT), new Column("probability", DOUBLE),
            new Column("band", VARCHAR), new Column("reason_1", VARCHAR), new Column("reason_2", VARCHAR),
            new Column("reason_3", VARCHAR), new Column("reason_features", VARCHAR));

    /** An empty {@code risk_rows}: the run without a model joins it all the same. */
    public static void createEmpty(DuckDBConnection conn) {
        ArrowRows.createTable(conn, "risk_rows", COLUMNS);
    }

    public Result run(LocalDate asOf) {
        FeatureSchema schema = model.schema();
        RiskTraining.checkSchema(schema);
        ArrowRows.createTable(conn, "risk_rows", COLUMNS);
        int k = schema.features().size();
        long[] counts = new long[3];
        long min = Duck.scalarLong(conn, "SELECT coalesce(min(sub_idx), 0) FROM subscribers");
        long max = Duck.scalarLong(conn, "SELECT coalesce(max(sub_idx), -1) FROM subscribers");
        List<String> months = RiskFeatures.months(conn, asOf);
        PlanFit planFit = new PlanFit(io.tenure.engine.fourhigh.TariffBook.load(conn).catalog());
        // a batch is scored on another thread while the next one is read
        java.util.concurrent.ExecutorService scorer = java.util.concurrent.Executors.newSingleThreadExecutor(t -> {
            Thread th = new Thread(t, "risk-scoring");
            th.setDaemon(true);
            return th;
        });
        try (ArrowRows out = new ArrowRows(COLUMNS)) {
            java.util.concurrent.Future<?> pending = null;
            // ranges of subscribers: each range's aggregates stay small and its scans skip the other ranges' row groups
            // (a range's features computed into a table while the previous range is scored was slower: 82.9 s at 10M
            // against 74.4–76.7 s streamed; both cores are busy either way)
            for (long lo = min; lo <= max; lo += range) {
                String sql = RiskFeatures.scoring(asOf, lo, Math.min(max, lo + range - 1), months);
                // columns out of the engine as Arrow batches: no per-value JDBC call
                try (DuckDBConnection c = conn.duplicate(); Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql);
                     BufferAllocator allocator = new RootAllocator();
                     ArrowReader reader = (ArrowReader) r.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, BATCH)) {
                    while (reader.loadNextBatch()) {
                        VectorSchemaRoot root = reader.getVectorSchemaRoot();
                        int n = root.getRowCount();
                        if (n == 0) {
                            continue;
                        }
                        BigIntVector ids = (BigIntVector) root.getVector("sub_idx");
                        long[] subs = new long[n];
                        for (int i = 0; i < n; i++) {
                            subs[i] = ids.get(i);
                        }
                        float[] x = new float[n * k];
                        for (int j = 0; j < k; j++) {
                            String name = schema.features().get(j).source();
                            if (name.equals(PlanFit.FEATURE)) {
                                Float8Vector[] pf = new Float8Vector[PlanFit.COLUMNS.size()];
                                for (int h = 0; h < pf.length; h++) {
                                    pf[h] = (Float8Vector) root.getVector(PlanFit.COLUMNS.get(h));
                                }
                                for (int i = 0; i < n; i++) {
                                    x[i * k + j] = (float) planFit.saving(pf[0].isNull(i) ? Double.NaN : pf[0].get(i), pf[1].get(i),
                                            pf[2].get(i), pf[3].get(i));
                                }
                                continue;
                            }
                            Float8Vector v = (Float8Vector) root.getVector(name);
                            for (int i = 0; i < n; i++) {
                                x[i * k + j] = v.isNull(i) ? Float.NaN : (float) v.get(i);
                            }
                        }
                        if (pending != null) {
                            pending.get();
                        }
                        pending = scorer.submit(() -> {
                            long t0 = System.nanoTime();
                            score(subs, x, n, k, out, counts);
                            modelNanos.addAndGet(System.nanoTime() - t0);
                        });
                    }
                } catch (java.io.IOException e) {
                    throw new TenureException(ErrorCode.ENGINE_FAILURE, "cannot read the risk features: " + e.getMessage(), e);
                }
            }
            if (pending != null) {
                pending.get();
            }
            out.insertInto(conn, "risk_rows");
        } catch (SQLException e) {
            throw Duck.failure("risk scoring", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenureException(ErrorCode.INTERNAL, "risk scoring interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new TenureException(ErrorCode.INTERNAL, "risk scoring failed: " + e.getCause(), e.getCause());
        } finally {
            scorer.shutdownNow();
        }
        return new Result(counts[0] + counts[1] + counts[2], counts[0], counts[1], counts[2], modelNanos.get() / 1_000_000);
    }

    /** Scores a batch: {@code rows} holds n rows of k features, row-major. */
    private void score(long[] subs, float[] rows, int n, int k, ArrowRows out, long[] counts) {
        double[] p = model.probabilities(rows, n);
        // contributions only where the reasons are shown: the high band, which the retention desk works
        List<Integer> explain = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (bands.band(p[i]) == RiskBands.Band.HIGH) {
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
            if (band != RiskBands.Band.HIGH) {
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
