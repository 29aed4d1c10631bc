package io.tenure.core.fourhigh;

/** 高资费: voice overage + roaming + IDD ≥ 30.00 and ≥ 25% of total_fee. */
final class HighTariffRule implements FourHighRule {
    private final FourHighThresholds t;

    HighTariffRule(FourHighThresholds t) {
        this.t = t;
    }

    @Override
    public Tag tag() {
        return Tag.HIGH_TARIFF;
    }

    @Override
    public boolean holds(SubscriberMonth m) {
        long fee = m.bill().tariffFee();
        return fee >= t.tariffFeeMinCents() && fee * 100 >= (long) t.tariffSharePct() * m.bill().totalFee();
    }
}
