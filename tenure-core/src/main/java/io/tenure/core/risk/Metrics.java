package io.tenure.core.risk;

import io.tenure.core.error.TenureException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Measures of a scored, labelled set: ROC AUC (ties counted half), PR AUC (average precision), accuracy at a
 * threshold, lift of the top decile, a calibration table and a threshold table.
 */
public final class Metrics {
    private final double[] scores;
    private final boolean[] labels;
    private final Integer[] order; // by score, highest first
    private final int positives;

    public Metrics(double[] scores, boolean[] labels) {
        TenureException.require(scores.length == labels.length, "scores and labels differ in length");
        TenureException.require(scores.length > 0, "nothing to measure");
        this.scores = scores.clone();
        this.labels = labels.clone();
        this.order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -this.scores[i]));
        int p = 0;
        for (boolean l : labels) {
            p += l ? 1 : 0;
        }
        this.positives = p;
    }

    public int size() {
        return scores.length;
    }

    public int positives() {
        return positives;
    }

    /** Area under the ROC curve: the chance a positive scores above a negative, ties counting half. */
    public double auc() {
        int n = scores.length;
        int negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        // ranks ascending, averaged over ties
        Integer[] asc = order.clone();
        java.util.Collections.reverse(Arrays.asList(asc));
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[asc[j + 1]] == scores[asc[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[asc[k]]) {
                    rankSum += rank;
                }
            }
            i = j + 1;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Area under the precision-recall curve as average precision: the mean precision at each positive's rank. */
    public double prAuc() {
        if (positives == 0) {
            return Double.NaN;
        }
        double sum = 0;
        int hits = 0;
        int i = 0;
        int n = scores.length;
        while (i < n) {
            int j = i;
            int groupHits = 0;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                groupHits += labels[order[j]] ? 1 : 0;
                j++;
            }
            hits += groupHits;
            sum += groupHits * ((double) hits / j); // a tie group shares one precision
            i = j;
        }
        return sum / positives;
    }

    /** Share of right answers when scores at or above the threshold are called positive. */
    public double accuracy(double threshold) {
        int right = 0;
        for (int i = 0; i < scores.length; i++) {
            right += (scores[i] >= threshold) == labels[i] ? 1 : 0;
        }
        return (double) right / scores.length;
    }

    /** Positive rate of the highest-scored tenth over the overall positive rate. */
    public double topDecileLift() {
        int top = Math.max(1, (int) Math.ceil(scores.length / 10.0));
        int hits = 0;
        for (int i = 0; i < top; i++) {
            hits += labels[order[i]] ? 1 : 0;
        }
        double base = (double) positives / scores.length;
        return base == 0 ? Double.NaN : ((double) hits / top) / base;
    }

    /** One bin of the calibration table: scores in [from, to), their mean and the observed positive rate. */
    public record Bin(double from, double to, int count, double meanScore, double observedRate) {
    }

    /** Ten equal-width bins of score. */
    public List<Bin> calibration() {
        int bins = 10;
        int[] count = new int[bins];
        double[] sum = new double[bins];
        int[] hits = new int[bins];
        for (int i = 0; i < scores.length; i++) {
            int b = Math.min(bins - 1, Math.max(0, (int) (scores[i] * bins)));
            count[b]++;
            sum[b] += scores[i];
            hits[b] += labels[i] ? 1 : 0;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            out.add(new Bin(b / 10.0, (b + 1) / 10.0, count[b], count[b] == 0 ? Double.NaN : sum[b] / count[b],
                    count[b] == 0 ? Double.NaN : (double) hits[b] / count[b]));
        }
        return out;
    }

    /** At a threshold: how many are called, precision, recall and accuracy. */
    public record Threshold(double threshold, int called, double precision, double recall, double accuracy) {
    }

    /** Thresholds 0.05, 0.10, … 0.95. */
    public List<Threshold> thresholds() {
        List<Threshold> out = new ArrayList<>();
        for (int k = 1; k < 20; k++) {
            double t = k / 20.0;
            int called = 0;
            int tp = 0;
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] >= t) {
                    called++;
                    tp += labels[i] ? 1 : 0;
                }
            }
            out.add(new Threshold(t, called, called == 0 ? Double.NaN : (double) tp / called,
                    positives == 0 ? Double.NaN : (double) tp / positives, accuracy(t)));
        }
        return out;
    }

    /** The ROC curve's points (false positive rate, true positive rate), one per distinct score, from (0,0). */
    public List<double[]> roc() {
        List<double[]> out = new ArrayList<>();
        out.add(new double[]{0, 0});
        int negatives = scores.length - positives;
        int tp = 0;
        int fp = 0;
        int i = 0;
        while (i < scores.length) {
            int j = i;
            while (j < scores.length && scores[order[j]] == scores[order[i]]) {
                if (labels[order[j]]) {
                    tp++;
                } else {
                    fp++;
                }
                j++;
            }
            out.add(new double[]{negatives == 0 ? 0 : (double) fp / negatives, positives == 0 ? 0 : (double) tp / positives});
            i = j;
        }
        return out;
    }
}
