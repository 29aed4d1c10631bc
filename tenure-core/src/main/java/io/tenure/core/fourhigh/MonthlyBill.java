package io.tenure.core.fourhigh;

import java.time.YearMonth;

/** A closed monthly bill (bills feed), components in cents, nulls as 0. */
public record MonthlyBill(YearMonth month, long planFee, long addonFee, long voiceOverageFee, long dataOverageFee,
                          long smsFee, long intlRoamingFee, long iddFee, long vasFee, long minSpendTopup,
                          long discount, long totalFee) {
    public MonthlyBill {
        io.tenure.core.error.TenureException.require(month != null, "bill month is required");
    }

    /** Voice overage + international roaming + IDD: the HIGH_TARIFF amount. */
    public long tariffFee() {
        return voiceOverageFee + intlRoamingFee + iddFee;
    }

    /** Domestic spend of HIGH_ARPU (a): plan, addons, overages, SMS and the minimum-spend top-up. */
    public long domestic() {
        return planFee + addonFee + voiceOverageFee + dataOverageFee + smsFee + minSpendTopup;
    }
}
