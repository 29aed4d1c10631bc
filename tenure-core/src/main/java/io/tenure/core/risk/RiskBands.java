package io.tenure.core.risk;

import io.tenure.core.error.TenureException;

/**
 * Risk bands by calibrated probability of porting out within 90 days: HIGH at or above {@code high}, MEDIUM at or
 * above {@code medium}, else LOW.
 */
public record RiskBands(double high, double medium) {
    /**
     * Defaults: high ≥ 0.20, medium ≥ 0.05 (a quarter's port-outs are a few percent of a province: a one-in-five chance
     * is eight times the usual risk).
     */
    public static final RiskBands DEFAULTS = new RiskBands(0.20, 0.05);

    public RiskBands {
        TenureException.require(0 < medium && medium < high && high <= 1, "risk cut-offs need 0 < medium < high ≤ 1");
    }

    public enum Band { HIGH, MEDIUM, LOW }

    public Band band(double probability) {
        return probability >= high ? Band.HIGH : probability >= medium ? Band.MEDIUM : Band.LOW;
    }
}
