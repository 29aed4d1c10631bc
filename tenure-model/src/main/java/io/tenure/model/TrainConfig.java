package io.tenure.model;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyper-parameters of training (defaults in brackets): max-rounds [2000], early-stopping-rounds [50] on the
 * validation split, validation-share [0.2], eta [0.1: half the trees of 0.05 to score], max-depth [4: shallow trees
 * explain some 20× faster than depth 6, at about the same AUC on the public data], min-child-weight [1], subsample [0.8],
 * colsample [0.8], lambda [1], balance-classes [false: when true, positives are weighted by negatives/positives;
 * the probabilities are calibrated afterwards either way], seed [20191127], threads [0: all cores].
 */
public record TrainConfig(int maxRounds, int earlyStoppingRounds, double validationShare, double eta, int maxDepth,
                          double minChildWeight, double subsample, double colsample, double lambda,
                          boolean balanceClasses, long seed, int threads) {
    public static final TrainConfig DEFAULTS = new TrainConfig(2000, 50, 0.2, 0.1, 4, 1, 0.8, 0.8, 1, false, 20191127, 0);

    public TrainConfig {
        if (maxRounds < 1 || earlyStoppingRounds < 1 || validationShare <= 0 || validationShare >= 0.5 || eta <= 0
                || maxDepth < 1 || subsample <= 0 || subsample > 1 || colsample <= 0 || colsample > 1) {
            throw new TenureException(ErrorCode.INVALID_CONFIG, "model training settings out of range: " + this
                    + " (rounds ≥ 1, 0 < validation-share < 0.5, eta > 0, depth ≥ 1, 0 < subsample, colsample ≤ 1)");
        }
    }

    /** The booster's parameters. */
    Map<String, Object> params(double scalePosWeight) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "binary:logistic");
        p.put("eval_metric", "auc");
        p.put("tree_method", "hist");
        p.put("eta", eta);
        p.put("max_depth", maxDepth);
        p.put("min_child_weight", minChildWeight);
        p.put("subsample", subsample);
        p.put("colsample_bytree", colsample);
        p.put("lambda", lambda);
        p.put("scale_pos_weight", scalePosWeight);
        p.put("seed", seed);
        p.put("nthread", threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads);
        p.put("verbosity", 0);
        return p;
    }
}
