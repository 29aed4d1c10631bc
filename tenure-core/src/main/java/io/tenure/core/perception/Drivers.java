package io.tenure.core.perception;

import io.tenure.core.error.TenureException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What moves satisfaction (影响客户感知的要素): the survey score regressed on every factor at once (ordinary least
 * squares with an intercept), so each effect is net of the others; each with its 95% confidence interval (normal
 * approximation), ranked by the size of the effect. A factor that does not vary in the data is left out.
 */
public final class Drivers {
    private Drivers() {
    }

    /**
     * One factor's effect.
     *
     * @param estimate change of the score for one unit of the factor (a flag: having it)
     * @param low      lower end of the 95% interval
     * @param high     upper end
     * @param share    share of the surveys with the factor present (non-zero)
     */
    public record Effect(String factor, double estimate, double low, double high, double share) {
        /** Whether the interval excludes zero. */
        public boolean significant() {
            return low > 0 || high < 0;
        }
    }

    /** The fit: effects by size, the number of surveys and the share of the score's variance explained. */
    public record Fit(List<Effect> effects, int n, double rSquared) {
        public Fit {
            effects = List.copyOf(effects);
        }
    }

    /**
     * @param factors one row per survey, one column per factor (no intercept column)
     * @param score   the survey's overall score
     */
    public static Fit fit(List<String> names, double[][] factors, double[] score) {
        int n = score.length;
        TenureException.require(factors.length == n, "one row of factors per score");
        List<Integer> used = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            double first = n == 0 ? 0 : factors[0][j];
            for (int i = 1; i < n; i++) {
                if (factors[i][j] != first) {
                    used.add(j);
                    break;
                }
            }
        }
        int p = used.size() + 1;
        if (n <= p + 1) {
            return new Fit(List.of(), n, Double.NaN);
        }
        double[][] xtx = new double[p][p];
        double[] xty = new double[p];
        double[] row = new double[p];
        for (int i = 0; i < n; i++) {
            row[0] = 1;
            for (int k = 1; k < p; k++) {
                row[k] = factors[i][used.get(k - 1)];
            }
            for (int a = 0; a < p; a++) {
                xty[a] += row[a] * score[i];
                for (int b = 0; b < p; b++) {
                    xtx[a][b] += row[a] * row[b];
                }
            }
        }
        double[][] inv = invert(xtx);
        if (inv == null) {
            return new Fit(List.of(), n, Double.NaN);
        }
        double[] beta = new double[p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                beta[a] += inv[a][b] * xty[b];
            }
        }
        double rss = 0;
        double mean = 0;
        for (double s : score) {
            mean += s / n;
        }
        double tss = 0;
        for (int i = 0; i < n; i++) {
            double fitted = beta[0];
            for (int k = 1; k < p; k++) {
                fitted += beta[k] * factors[i][used.get(k - 1)];
            }
            rss += (score[i] - fitted) * (score[i] - fitted);
            tss += (score[i] - mean) * (score[i] - mean);
        }
        double sigma2 = rss / (n - p);
        List<Effect> effects = new ArrayList<>();
        for (int k = 1; k < p; k++) {
            int j = used.get(k - 1);
            double se = Math.sqrt(sigma2 * inv[k][k]);
            int present = 0;
            for (double[] f : factors) {
                present += f[j] != 0 ? 1 : 0;
            }
            effects.add(new Effect(names.get(j), beta[k], beta[k] - 1.96 * se, beta[k] + 1.96 * se, (double) present / n));
        }
        effects.sort(Comparator.comparingDouble((Effect e) -> -Math.abs(e.estimate())));
        return new Fit(effects, n, tss == 0 ? Double.NaN : 1 - rss / tss);
    }

    /** Gauss-Jordan with partial pivoting; null when singular. */
    static double[][] invert(double[][] m) {
        int p = m.length;
        double[][] a = new double[p][2 * p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(m[i], 0, a[i], 0, p);
            a[i][p + i] = 1;
        }
        for (int c = 0; c < p; c++) {
            int pivot = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][c]) < 1e-12) {
                return null;
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            double d = a[c][c];
            for (int k = 0; k < 2 * p; k++) {
                a[c][k] /= d;
            }
            for (int r = 0; r < p; r++) {
                if (r != c && a[r][c] != 0) {
                    double f = a[r][c];
                    for (int k = 0; k < 2 * p; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[][] inv = new double[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(a[i], p, inv[i], 0, p);
        }
        return inv;
    }
}
