package io.tenure.core.fourhigh;

import io.tenure.core.billing.Tariff;
import io.tenure.core.billing.Usage;

import java.util.ArrayList;
import java.util.List;

/**
 * Daily tracking of rules §2. Projection is exact: instead of dividing by d, both sides of each
 * comparison are multiplied by d, so thresholds are met exactly when the rational projection meets them.
 */
public final class EarlyWarningRule {
    private static final long MICROS_PER_GB = 1024L * Usage.MICROS_PER_MB;
    private final FourHighThresholds t;

    public EarlyWarningRule(FourHighThresholds t) {
        this.t = t;
    }

    public List<EarlyWarning> evaluate(Tariff tariff, MonthToDate mtd) {
        List<EarlyWarning> out = new ArrayList<>(2);
        long dataFee = projectedDataFee(tariff, mtd);
        if (dataFee >= t.dataOverageMinCents()) {
            out.add(new EarlyWarning(Tag.HIGH_DATA, dataFee));
        }
        // voice: (mtd × n / d − allowance) × rate ≥ min  ⇔  (mtd × n − allowance × d) × rate ≥ min × d
        long d = mtd.day();
        long excessTimesD = mtd.usage().voiceMin() * mtd.daysInMonth() - tariff.voiceAllowance() * d;
        long rate = tariff.plan().voiceRateCents();
        if (excessTimesD > 0 && rate > 0 && excessTimesD * rate >= t.earlyVoiceFeeMinCents() * d) {
            long feeCents = (excessTimesD * rate * 2 + d) / (2 * d); // half-up rounding to cents
            out.add(new EarlyWarning(Tag.HIGH_TARIFF, feeCents));
        }
        return List.copyOf(out);
    }

    /** ceil((mtd × n / d − allowance) / 1024 MB) × rate, with the ceiling taken on the exact rational. */
    static long projectedDataFee(Tariff tariff, MonthToDate mtd) {
        long d = mtd.day();
        long excessTimesD = mtd.usage().dataMicroMb() * mtd.daysInMonth()
                - tariff.dataAllowanceMb() * Usage.MICROS_PER_MB * d;
        if (excessTimesD <= 0) {
            return 0;
        }
        long gb = (excessTimesD + MICROS_PER_GB * d - 1) / (MICROS_PER_GB * d);
        return gb * tariff.plan().dataRatePerGbCents();
    }

}
