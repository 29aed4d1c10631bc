package io.tenure.model;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a model reads: the target column and its positive value, and each feature (a numeric column as is, or
 * one level of a text column as 0/1). Learnt from a training table, saved with the model, and checked against
 * every table the model scores: a missing column, or one of another kind, fails with the column named.
 *
 * @param ignored text columns left out (too many distinct values to be categories, e.g. identifiers)
 */
public record FeatureSchema(String target, String positive, List<Feature> features, List<String> ignored) {
    /** Text columns with more distinct values than this are not treated as categories. */
    static final int MAX_LEVELS = 64;
    private static final Set<String> POSITIVE = Set.of("yes", "y", "true", "1", "churn", "churned", "port_out", "ported");

    public FeatureSchema {
        features = List.copyOf(features);
        ignored = List.copyOf(ignored);
        TenureException.require(!features.isEmpty(), "a model needs at least one feature");
    }

    public enum Kind { NUMBER, LEVEL }

    /**
     * One feature.
     *
     * @param name   as shown in explanations: the column, or column=level
     * @param source the table column it reads
     * @param level  the text value that gives 1 (LEVEL only)
     */
    public record Feature(String name, String source, Kind kind, String level) {
    }

    /** The schema of a training table: every column but the target, text columns as their levels. */
    public static FeatureSchema learn(Table t, String target) {
        if (!t.has(target)) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "the table has no column '" + target + "' to learn; its columns are "
                    + t.names() + " (check --target)");
        }
        List<Feature> features = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String c : t.names()) {
            if (c.equals(target)) {
                continue;
            }
            if (t.numeric(c)) {
                features.add(new Feature(c, c, Kind.NUMBER, null));
                continue;
            }
            TreeSet<String> levels = new TreeSet<>();
            for (String v : t.texts(c)) {
                if (v != null) {
                    levels.add(v);
                }
            }
            if (levels.size() > MAX_LEVELS || levels.size() < 2) {
                ignored.add(c);
                continue;
            }
            for (String l : levels) {
                features.add(new Feature(c + "=" + l, c, Kind.LEVEL, l));
            }
        }
        return new FeatureSchema(target, positiveValue(t, target), features, ignored);
    }

    private static String positiveValue(Table t, String target) {
        if (t.numeric(target)) {
            return "1";
        }
        TreeSet<String> values = new TreeSet<>();
        for (String v : t.texts(target)) {
            if (v != null) {
                values.add(v);
            }
        }
        for (String v : values) {
            if (POSITIVE.contains(v.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new TenureException(ErrorCode.INVALID_VALUE, "target '" + target + "' has values " + values
                + ", none of which reads as the positive class (yes, true, 1, churn, PORT_OUT)");
    }

    public List<String> names() {
        return features.stream().map(Feature::name).toList();
    }

    /** The feature matrix of a table, row-major, NaN for missing; fails when the table does not fit the schema. */
    public float[] encode(Table t) {
        for (Feature f : features) {
            if (!t.has(f.source())) {
                throw new TenureException(ErrorCode.MODEL_MISMATCH, "the model reads column '" + f.source()
                        + "', which the table lacks; score a table with the columns the model was trained on ("
                        + sources() + ")");
            }
            if (t.numeric(f.source()) != (f.kind() == Kind.NUMBER)) {
                throw new TenureException(ErrorCode.MODEL_MISMATCH, "column '" + f.source() + "' is "
                        + (t.numeric(f.source()) ? "numeric" : "text") + " in the table but was "
                        + (f.kind() == Kind.NUMBER ? "numeric" : "text") + " in training; check the file's values");
            }
        }
        int n = t.rows();
        int k = features.size();
        float[] m = new float[n * k];
        for (int j = 0; j < k; j++) {
            Feature f = features.get(j);
            if (f.kind() == Kind.NUMBER) {
                double[] v = t.numbers(f.source());
                for (int i = 0; i < n; i++) {
                    m[i * k + j] = (float) v[i];
                }
            } else {
                String[] v = t.texts(f.source());
                for (int i = 0; i < n; i++) {
                    m[i * k + j] = v[i] == null ? Float.NaN : v[i].equals(f.level()) ? 1f : 0f;
                }
            }
        }
        return m;
    }

    /** The labels of a table that has the target column. */
    public boolean[] labels(Table t) {
        if (!t.has(target)) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "the table has no target column '" + target + "' (check --target)");
        }
        boolean[] y = new boolean[t.rows()];
        if (t.numeric(target)) {
            double[] v = t.numbers(target);
            for (int i = 0; i < y.length; i++) {
                y[i] = v[i] == 1.0;
            }
        } else {
            String[] v = t.texts(target);
            for (int i = 0; i < y.length; i++) {
                y[i] = positive.equals(v[i]);
            }
        }
        return y;
    }

    private List<String> sources() {
        return features.stream().map(Feature::source).distinct().toList();
    }
}
