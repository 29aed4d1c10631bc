package io.tenure.generator;

/**
 * Ground truth of one run, counted while generating: the four-high tags as rules §2 evaluates them
 * on the written data, movements and early warnings, and the portability outcomes. Written to
 * {@code generator.json} so that an engine can be checked against what was planted.
 */
final class Truth {
    final int months;
    /** ACTIVE (snapshot) lines with a bill, per closed month. */
    final long[] evaluated;
    /** [month][tag] lines holding the tag. */
    final long[][] tags;
    /** Tags planted by the latent state in the latest month M (before rule evaluation). */
    final long[] plantedLatest = new long[4];
    /** Planted in M and found by the rules in M. */
    final long[] plantedFound = new long[4];
    final long[] entered = new long[4];
    final long[] stayed = new long[4];
    final long[] exited = new long[4];
    final long[] persistent = new long[4];
    long earlyWarningEvaluated;
    long earlyWarningData;
    long earlyWarningTariff;
    /** Per month 0..months (the last is the as-of month to date). */
    final long[] portOuts;
    final long[] atRisk;
    long portAttempts;
    long retained;
    long blockedQueries;
    long cancellations;
    final long[] status = new long[4];

    Truth(int months) {
        this.months = months;
        evaluated = new long[months];
        tags = new long[months][4];
        portOuts = new long[months + 1];
        atRisk = new long[months + 1];
    }

    void merge(Truth o) {
        for (int k = 0; k < months; k++) {
            evaluated[k] += o.evaluated[k];
            for (int t = 0; t < 4; t++) {
                tags[k][t] += o.tags[k][t];
            }
        }
        for (int t = 0; t < 4; t++) {
            plantedLatest[t] += o.plantedLatest[t];
            plantedFound[t] += o.plantedFound[t];
            entered[t] += o.entered[t];
            stayed[t] += o.stayed[t];
            exited[t] += o.exited[t];
            persistent[t] += o.persistent[t];
            status[t] += o.status[t];
        }
        earlyWarningEvaluated += o.earlyWarningEvaluated;
        earlyWarningData += o.earlyWarningData;
        earlyWarningTariff += o.earlyWarningTariff;
        for (int k = 0; k <= months; k++) {
            portOuts[k] += o.portOuts[k];
            atRisk[k] += o.atRisk[k];
        }
        portAttempts += o.portAttempts;
        retained += o.retained;
        blockedQueries += o.blockedQueries;
        cancellations += o.cancellations;
    }
}
