package io.tenure.report.bulletin;

import java.util.List;

/**
 * Port-out risk for the bulletin: customers scored per band, per county, and the most frequent reasons of the
 * high-risk customers (reason labels in the bulletin's language).
 */
public record RiskSummary(long scored, long high, long medium, long low, List<County> counties, List<Reason> reasons) {
    /** No model configured: nobody scored. */
    public static final RiskSummary NONE = new RiskSummary(0, 0, 0, 0, List.of(), List.of());

    public RiskSummary {
        Checks.nonNegative("bulletin risk", scored, high, medium, low);
        counties = List.copyOf(counties);
        reasons = List.copyOf(reasons);
    }

    public record County(String city, String county, long high, long medium, long low) {
    }

    public record Reason(String label, long customers) {
    }
}
