package io.tenure.core.fourhigh;

import io.tenure.core.billing.BestFit;

/**
 * 高ARPU: (a) domestic ≥ 100.00 and best-fit plan cost ≤ 60% of it, or (b) min_spend_topup ≥ 20.00,
 * or (c) vas_fee ≥ 30.00. Best fit is only simulated when (a) can still hold.
 */
final class HighArpuRule implements FourHighRule {
    private final FourHighThresholds t;
    private final BestFit bestFit;

    HighArpuRule(FourHighThresholds t, BestFit bestFit) {
        this.t = t;
        this.bestFit = bestFit;
    }

    @Override
    public Tag tag() {
        return Tag.HIGH_ARPU;
    }

    @Override
    public boolean holds(SubscriberMonth m) {
        var bill = m.bill();
        if (bill.minSpendTopup() >= t.arpuTopupMinCents() || bill.vasFee() >= t.arpuVasMinCents()) {
            return true;
        }
        long domestic = bill.domestic();
        if (domestic < t.arpuDomesticMinCents()) {
            return false;
        }
        return bestFit.find(m.tariff().plan(), m.usage(), m.contract(), m.monthEnd())
                .map(r -> r.costCents() * 100 <= (long) t.arpuBestFitPct() * domestic)
                .orElse(false);
    }
}
