package io.tenure.model;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.core.risk.Metrics;
import io.tenure.core.risk.Platt;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains a port-out model: a stratified validation split is held out of the training rows; boosting stops when the
 * validation AUC has not improved for the configured rounds; the margins of the held-out rows calibrate the
 * probabilities (Platt scaling), so the classes may be weighted for training without biasing the probabilities.
 */
public final class Trainer {
    private final TrainConfig config;

    public Trainer(TrainConfig config) {
        this.config = config;
    }

    /** Trains on a table whose target column holds the labels. */
    public ChurnModel train(Table table, String target) {
        FeatureSchema schema = FeatureSchema.learn(table, target);
        return train(schema, schema.encode(table), schema.labels(table));
    }

    /** Trains on a matrix encoded by the schema (row-major) and its labels. */
    public ChurnModel train(FeatureSchema schema, float[] matrix, boolean[] labels) {
        int rows = labels.length;
        int cols = schema.features().size();
        TenureException.require(matrix.length == (long) rows * cols, "matrix and labels disagree");
        int positives = 0;
        for (boolean l : labels) {
            positives += l ? 1 : 0;
        }
        if (positives < 10 || rows - positives < 10) {
            throw new TenureException(ErrorCode.INVALID_VALUE, "training needs at least 10 rows of each class; got " + positives
                    + " positive and " + (rows - positives) + " negative rows");
        }
        boolean[] validation = split(labels, config.validationShare(), config.seed());
        int nv = 0;
        for (boolean v : validation) {
            nv += v ? 1 : 0;
        }
        float[] trainX = new float[(rows - nv) * cols];
        float[] validX = new float[nv * cols];
        float[] trainY = new float[rows - nv];
        boolean[] validY = new boolean[nv];
        float[] validYf = new float[nv];
        int t = 0;
        int v = 0;
        int trainPositives = 0;
        for (int i = 0; i < rows; i++) {
            if (validation[i]) {
                System.arraycopy(matrix, i * cols, validX, v * cols, cols);
                validY[v] = labels[i];
                validYf[v] = labels[i] ? 1 : 0;
                v++;
            } else {
                System.arraycopy(matrix, i * cols, trainX, t * cols, cols);
                trainY[t] = labels[i] ? 1 : 0;
                trainPositives += labels[i] ? 1 : 0;
                t++;
            }
        }
        double weight = config.balanceClasses() ? (double) (trainY.length - trainPositives) / trainPositives : 1.0;
        try (ChurnModel.Matrix dtrain = new ChurnModel.Matrix(trainX, trainY.length, cols);
             ChurnModel.Matrix dvalid = new ChurnModel.Matrix(validX, nv, cols)) {
            dtrain.d.setLabel(trainY);
            dvalid.d.setLabel(validYf);
            Booster booster = XGBoost.train(dtrain.d, config.params(weight), 0, Map.of(), null, null);
            // boosting round by round with early stopping on the validation AUC, read from the booster's own
            // evaluation (XGBoost's train loop would print every round on the console)
            double bestAuc = Double.NEGATIVE_INFINITY;
            int best = 0;
            ml.dmlc.xgboost4j.java.DMatrix[] evalSets = {dvalid.d};
            String[] evalNames = {"validation"};
            for (int i = 0; i < config.maxRounds(); i++) {
                booster.update(dtrain.d, i);
                String eval = booster.evalSet(evalSets, evalNames, i);
                double auc = Double.parseDouble(eval.substring(eval.lastIndexOf(':') + 1).strip());
                if (auc > bestAuc) {
                    bestAuc = auc;
                    best = i;
                } else if (i - best >= config.earlyStoppingRounds()) {
                    break;
                }
            }
            int rounds = best + 1;
            float[][] out = booster.predict(dvalid.d, true, rounds);
            double[] margins = new double[nv];
            for (int i = 0; i < nv; i++) {
                margins[i] = out[i][0];
            }
            Platt platt = Platt.fit(margins, validY);
            double[] p = new double[nv];
            for (int i = 0; i < nv; i++) {
                p[i] = platt.probability(margins[i]);
            }
            Map<String, Double> metrics = Evaluation.summary(new Metrics(p, validY));
            var meta = new ChurnModel.Meta(ChurnModel.FORMAT, xgboostVersion(), schema, platt, fingerprint(matrix, labels),
                    rows, positives, rounds, config, metrics);
            return new ChurnModel(booster, meta);
        } catch (XGBoostError e) {
            throw new TenureException(ErrorCode.INTERNAL, "training failed: " + e.getMessage(), e);
        }
    }

    /** A stratified random split: about {@code share} of each class, the same for the same seed. */
    static boolean[] split(boolean[] labels, double share, long seed) {
        Random r = new Random(seed);
        boolean[] out = new boolean[labels.length];
        for (boolean cls : new boolean[]{true, false}) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == cls) {
                    idx.add(i);
                }
            }
            java.util.Collections.shuffle(idx, r);
            int take = (int) Math.round(idx.size() * share);
            for (int k = 0; k < take; k++) {
                out[idx.get(k)] = true;
            }
        }
        return out;
    }

    /** SHA-256 of the encoded features and labels: the same data gives the same fingerprint. */
    static String fingerprint(float[] matrix, boolean[] labels) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (float f : matrix) {
                if (b.remaining() < 4) {
                    md.update(b.array(), 0, b.position());
                    b.clear();
                }
                b.putFloat(f);
            }
            md.update(b.array(), 0, b.position());
            for (boolean l : labels) {
                md.update((byte) (l ? 1 : 0));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new TenureException(ErrorCode.INTERNAL, "SHA-256 unavailable", e);
        }
    }

    static String xgboostVersion() {
        Package p = XGBoost.class.getPackage();
        return p == null || p.getImplementationVersion() == null ? "2.1" : p.getImplementationVersion();
    }
}
