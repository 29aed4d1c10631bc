package io.tenure.core.fourhigh;

import io.tenure.core.catalog.Plan;

/**
 * The figures behind a subscriber's tags in a month, published with every list row so staff see why.
 * Money in cents; bestFitCost is -1 and bestFitPlan null when no published plan is eligible.
 */
public record MonthFigures(long totalFee, long tariffFee, long dataOverageFee, long domestic, long minSpendTopup,
                           long vasFee, long voiceUsed, long dataUsedMicroMb, long voiceAllowance, long dataAllowanceMb,
                           Plan bestFitPlan, long bestFitCost, int idlePaidVasCount, long idlePaidVasFee) {
}
