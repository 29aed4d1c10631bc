package io.tenure.core.fourhigh;

import io.tenure.core.billing.BillSimulator;
import io.tenure.core.billing.Tariff;
import io.tenure.core.billing.Usage;
import org.junit.jupiter.api.Test;

import static io.tenure.core.testing.PlanBuilder.aPlan;
import static org.assertj.core.api.Assertions.assertThat;

class EarlyWarningRuleTest {
    // 100 min at 0.20/min, 10240 MB at 5.00 per started GB
    private final Tariff tariff = Tariff.of(aPlan().voice(100).voiceRate(20).dataMb(10240).dataRatePerGb(500).build());
    private final EarlyWarningRule rule = new EarlyWarningRule(FourHighThresholds.DEFAULTS);

    @Test
    void warnsWhenProjectedDataOverageReachesTwentyYuan() {
        // day 10 of 30: 5120 MB projects to 15360 MB, 5120 over = 5 started GB = 25.00
        var w = rule.evaluate(tariff, new MonthToDate(Usage.ofMb(0, 5120, 0), 10, 30));
        assertThat(w).containsExactly(new EarlyWarning(Tag.HIGH_DATA, 2500));
    }

    @Test
    void countsStartedGigabytesOfTheExactProjection() {
        // 4437.333.. MB × 30 / 10 = 13312 MB exactly = 3 GB over: 15.00, no warning
        long mtd = 13312L * Usage.MICROS_PER_MB / 3;
        assertThat(rule.evaluate(tariff, new MonthToDate(new Usage(0, mtd, 0), 10, 30))).isEmpty();
        // one millionth of a MB more per day projects into a 4th GB: 20.00
        assertThat(rule.evaluate(tariff, new MonthToDate(new Usage(0, mtd + 1, 0), 10, 30)))
                .containsExactly(new EarlyWarning(Tag.HIGH_DATA, 2000));
    }

    @Test
    void warnsWhenProjectedVoiceOverageReachesThirtyYuanWithFractionalMinutes() {
        // day 7 of 31: 60 min projects to 265.714.. min; (265.714 − 100) × 0.20 = 33.14
        var w = rule.evaluate(tariff, new MonthToDate(Usage.ofMb(60, 0, 0), 7, 31));
        assertThat(w).containsExactly(new EarlyWarning(Tag.HIGH_TARIFF, 3314));
    }

    @Test
    void doesNotWarnJustBelowTheVoiceThreshold() {
        // day 10 of 30: 83 min → 249 min → 149 × 0.20 = 29.80; 84 min → 252 → 30.40
        assertThat(rule.evaluate(tariff, new MonthToDate(Usage.ofMb(83, 0, 0), 10, 30))).isEmpty();
        assertThat(rule.evaluate(tariff, new MonthToDate(Usage.ofMb(84, 0, 0), 10, 30)))
                .containsExactly(new EarlyWarning(Tag.HIGH_TARIFF, 3040));
    }

    @Test
    void projectionOnTheLastDayEqualsTheClosedMonthDataTerm() {
        var usage = new Usage(0, 14_000_123_456L, 0);
        assertThat(EarlyWarningRule.projectedDataFee(tariff, new MonthToDate(usage, 30, 30)))
                .isEqualTo(BillSimulator.dataOverage(usage.dataMicroMb(), 10240, 500));
    }
}
