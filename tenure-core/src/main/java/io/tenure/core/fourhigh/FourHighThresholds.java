package io.tenure.core.fourhigh;

import io.tenure.core.error.TenureException;

/**
 * Thresholds of the four-high model (rules §2). Money in cents, shares in whole percent.
 * {@link #DEFAULTS} are the values of rules.md; operators tune them per province.
 *
 * @param tariffFeeMinCents        HIGH_TARIFF: voice overage + roaming + IDD at least this (30.00)
 * @param tariffSharePct           HIGH_TARIFF: and at least this share of total_fee (25%)
 * @param dataOverageMinCents      HIGH_DATA: data_overage_fee at least this (20.00)
 * @param silenceTenureDays        HIGH_SILENCE: tenure at month end at least this (90 days)
 * @param silenceUsagePct          HIGH_SILENCE: voice and data below this share of the allowance (20%)
 * @param silenceVasIdleDays       HIGH_SILENCE: an idle paid VAS subscribed at least this long before month end (60 days)
 * @param arpuDomesticMinCents     HIGH_ARPU (a): domestic spend at least this (100.00)
 * @param arpuBestFitPct           HIGH_ARPU (a): and best-fit plan cost at most this share of it (60%)
 * @param arpuTopupMinCents        HIGH_ARPU (b): min_spend_topup at least this (20.00)
 * @param arpuVasMinCents          HIGH_ARPU (c): vas_fee at least this (30.00)
 * @param earlyVoiceFeeMinCents    daily tracking: projected voice overage fee at least this (30.00)
 */
public record FourHighThresholds(long tariffFeeMinCents, int tariffSharePct, long dataOverageMinCents,
                                 int silenceTenureDays, int silenceUsagePct, int silenceVasIdleDays,
                                 long arpuDomesticMinCents, int arpuBestFitPct, long arpuTopupMinCents,
                                 long arpuVasMinCents, long earlyVoiceFeeMinCents) {
    public static final FourHighThresholds DEFAULTS =
            new FourHighThresholds(3000, 25, 2000, 90, 20, 60, 10000, 60, 2000, 3000, 3000);

    public FourHighThresholds {
        TenureException.require(tariffFeeMinCents >= 0 && dataOverageMinCents >= 0 && arpuDomesticMinCents >= 0
                        && arpuTopupMinCents >= 0 && arpuVasMinCents >= 0 && earlyVoiceFeeMinCents >= 0,
                "four-high money thresholds must not be negative");
        TenureException.require(pct(tariffSharePct) && pct(silenceUsagePct) && pct(arpuBestFitPct),
                "four-high percentages must be between 0 and 100");
        TenureException.require(silenceTenureDays >= 0 && silenceVasIdleDays >= 0, "four-high day counts must not be negative");
    }

    private static boolean pct(int p) {
        return p >= 0 && p <= 100;
    }
}
