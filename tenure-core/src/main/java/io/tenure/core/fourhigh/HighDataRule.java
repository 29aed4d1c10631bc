package io.tenure.core.fourhigh;

/** 高流量: data_overage_fee ≥ 20.00. */
final class HighDataRule implements FourHighRule {
    private final FourHighThresholds t;

    HighDataRule(FourHighThresholds t) {
        this.t = t;
    }

    @Override
    public Tag tag() {
        return Tag.HIGH_DATA;
    }

    @Override
    public boolean holds(SubscriberMonth m) {
        return m.bill().dataOverageFee() >= t.dataOverageMinCents();
    }
}
