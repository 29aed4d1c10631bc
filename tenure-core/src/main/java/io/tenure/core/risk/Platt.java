package io.tenure.core.risk;

import io.tenure.core.error.TenureException;

/**
 * Platt scaling: a probability from a model's margin, p = 1 / (1 + exp(−(a·margin + b))), with a and b fitted by
 * Newton's method on held-out margins and labels (with Platt's smoothed targets, so that a separable set still
 * gives finite parameters).
 */
public record Platt(double a, double b) {
    public static final Platt IDENTITY = new Platt(1, 0);

    public Platt {
        TenureException.require(Double.isFinite(a) && Double.isFinite(b), "calibration parameters must be finite");
    }

    public double probability(double margin) {
        double z = a * margin + b;
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** Fits a and b to margins and labels. */
    public static Platt fit(double[] margins, boolean[] labels) {
        TenureException.require(margins.length == labels.length && margins.length > 0, "calibration needs margins and labels");
        int pos = 0;
        for (boolean l : labels) {
            pos += l ? 1 : 0;
        }
        int neg = labels.length - pos;
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        double a = 1;
        double b = 0;
        for (int iter = 0; iter < 100; iter++) {
            double g1 = 0;
            double g2 = 0;
            double h11 = 1e-12;
            double h22 = 1e-12;
            double h21 = 0;
            for (int i = 0; i < margins.length; i++) {
                double t = labels[i] ? hi : lo;
                double p = new Platt(a, b).probability(margins[i]);
                double d = p - t;
                double w = p * (1 - p);
                g1 += d * margins[i];
                g2 += d;
                h11 += w * margins[i] * margins[i];
                h22 += w;
                h21 += w * margins[i];
            }
            double det = h11 * h22 - h21 * h21;
            if (Math.abs(det) < 1e-18) {
                break;
            }
            double da = (h22 * g1 - h21 * g2) / det;
            double db = (h11 * g2 - h21 * g1) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) {
                break;
            }
        }
        return new Platt(a, b);
    }
}
