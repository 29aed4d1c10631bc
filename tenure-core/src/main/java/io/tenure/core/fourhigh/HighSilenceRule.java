package io.tenure.core.fourhigh;

import io.tenure.core.billing.Usage;
import io.tenure.core.subscriber.VasSubscription;

/**
 * 高沉默: tenure ≥ 90 days and either both voice and data under 20% of the included allowances
 * (plan with voice and data), or a paid VAS unused for 30 days subscribed at least 60 days before month end.
 */
final class HighSilenceRule implements FourHighRule {
    private final FourHighThresholds t;

    HighSilenceRule(FourHighThresholds t) {
        this.t = t;
    }

    @Override
    public Tag tag() {
        return Tag.HIGH_SILENCE;
    }

    @Override
    public boolean holds(SubscriberMonth m) {
        return m.tenureDays() >= t.silenceTenureDays() && (lowUsage(m) || idlePaidVas(m) != null);
    }

    boolean lowUsage(SubscriberMonth m) {
        var plan = m.tariff().plan();
        if (plan.voiceMin() <= 0 || plan.dataMb() <= 0) {
            return false;
        }
        // used < pct% of allowance, compared in integers: used × 100 < pct × allowance
        long pct = t.silenceUsagePct();
        boolean voiceLow = m.usage().voiceMin() * 100 < pct * m.tariff().voiceAllowance();
        boolean dataLow = m.usage().dataMicroMb() * 100 < pct * m.tariff().dataAllowanceMb() * Usage.MICROS_PER_MB;
        return voiceLow && dataLow;
    }

    /** The first idle paid VAS that qualifies in this month, or null. */
    VasSubscription idlePaidVas(SubscriberMonth m) {
        var latest = m.monthEnd().minusDays(t.silenceVasIdleDays());
        for (VasSubscription v : m.vas()) {
            if (v.idlePaidSince(latest)) {
                return v;
            }
        }
        return null;
    }
}
