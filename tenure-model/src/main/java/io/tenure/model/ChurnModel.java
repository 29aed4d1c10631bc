package io.tenure.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.core.risk.Platt;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A trained port-out model: the boosted trees, the schema of what they read, the calibration of their margin
 * into a probability, and what is known of the training (data fingerprint, metrics, settings, version).
 * Saved as a folder: {@code model.json} (the trees, XGBoost's own format) and {@code meta.json}.
 */
public final class ChurnModel implements AutoCloseable {
    /** Version of the saved form; a folder of another version is refused. */
    public static final int FORMAT = 1;
    private final Booster booster;
    private final Meta meta;

    /**
     * What the model carries beside its trees.
     *
     * @param fingerprint SHA-256 of the training table's encoded features and labels
     * @param rounds      trees used (the best iteration of early stopping, plus one)
     */
    public record Meta(int format, String xgboostVersion, FeatureSchema schema, Platt calibration, String fingerprint,
                       int rows, int positives, int rounds, TrainConfig config, Map<String, Double> validation) {
    }

    ChurnModel(Booster booster, Meta meta) {
        this.booster = booster;
        this.meta = meta;
    }

    public Meta meta() {
        return meta;
    }

    public FeatureSchema schema() {
        return meta.schema();
    }

    /** The margins (log-odds before calibration) of the rows of a matrix encoded by the schema. */
    public float[] margins(float[] matrix, int rows) {
        try {
            // straight from the Java array: no native matrix to build for a prediction
            float[][] out = booster.inplace_predict(matrix, rows, meta.schema().features().size(), Float.NaN,
                    new int[]{0, meta.rounds()}, Booster.PredictionType.kMargin, null);
            float[] margins = new float[rows];
            for (int i = 0; i < rows; i++) {
                margins[i] = out[i][0];
            }
            return margins;
        } catch (XGBoostError e) {
            throw new TenureException(ErrorCode.INTERNAL, "scoring failed: " + e.getMessage(), e);
        }
    }

    /** Calibrated probabilities of the positive class. */
    public double[] probabilities(float[] matrix, int rows) {
        float[] m = margins(matrix, rows);
        double[] p = new double[rows];
        for (int i = 0; i < rows; i++) {
            p[i] = meta.calibration().probability(m[i]);
        }
        return p;
    }

    /**
     * Each row's contribution of every feature to its margin (tree SHAP), the last entry the bias: a row's entries
     * add up to its margin.
     */
    public float[][] contributions(float[] matrix, int rows) {
        try (Matrix m = new Matrix(matrix, rows, meta.schema().features().size())) {
            return booster.predictContrib(m.d, meta.rounds());
        } catch (XGBoostError e) {
            throw new TenureException(ErrorCode.INTERNAL, "explaining failed: " + e.getMessage(), e);
        }
    }

    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            booster.saveModel(dir.resolve("model.json").toString());
            mapper().writeValue(dir.resolve("meta.json").toFile(), meta);
        } catch (IOException | XGBoostError e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot save the model into " + dir + ": " + e.getMessage(), e);
        }
    }

    public static ChurnModel load(Path dir) {
        Path trees = dir.resolve("model.json");
        Path metaFile = dir.resolve("meta.json");
        if (!Files.isRegularFile(trees) || !Files.isRegularFile(metaFile)) {
            throw new TenureException(ErrorCode.MODEL_UNREADABLE, dir + " holds no saved model (model.json and meta.json);"
                    + " train one with `tenure model train`");
        }
        Meta meta;
        try {
            meta = mapper().readValue(metaFile.toFile(), Meta.class);
        } catch (IOException e) {
            throw new TenureException(ErrorCode.MODEL_UNREADABLE, metaFile + " is not a model description: " + e.getMessage(), e);
        }
        if (meta.format() != FORMAT) {
            throw new TenureException(ErrorCode.MODEL_UNREADABLE, dir + " is a model of format " + meta.format() + ", this version"
                    + " reads format " + FORMAT + "; train the model again");
        }
        try {
            return new ChurnModel(XGBoost.loadModel(trees.toString()), meta);
        } catch (XGBoostError e) {
            throw new TenureException(ErrorCode.MODEL_UNREADABLE, "cannot read the trees of " + trees + ": " + e.getMessage(), e);
        }
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Override
    public void close() {
        booster.dispose();
    }

    /** A native matrix, freed when closed. */
    static final class Matrix implements AutoCloseable {
        final DMatrix d;

        Matrix(float[] data, int rows, int cols) throws XGBoostError {
            this.d = new DMatrix(data, rows, cols, Float.NaN);
        }

        @Override
        public void close() {
            d.dispose();
        }
    }
}
