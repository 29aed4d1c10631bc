package io.tenure.core.fourhigh;

import io.tenure.core.billing.Usage;
import io.tenure.core.catalog.AddonKind;
import io.tenure.core.subscriber.VasSubscription;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.tenure.core.testing.PlanBuilder.aPlan;
import static io.tenure.core.testing.PlanBuilder.anAddon;
import static io.tenure.core.testing.SubscriberMonthBuilder.aSubscriberMonth;
import static org.assertj.core.api.Assertions.assertThat;

class HighSilenceRuleTest {
    private static final LocalDate MONTH_END = LocalDate.of(2026, 10, 31);
    private final HighSilenceRule rule = new HighSilenceRule(FourHighThresholds.DEFAULTS);
    // 100 min and 10240 MB: 20% is 20 min and 2048 MB
    private final io.tenure.core.catalog.Plan plan = aPlan().voice(100).dataMb(10240).build();

    @Test
    void flagsUsageUnderAFifthOfBothAllowances() {
        assertThat(rule.holds(aSubscriberMonth().onPlan(plan).usage(19, 2047, 0).build())).isTrue();
    }

    @Test
    void doesNotFlagUsageAtExactlyAFifth() {
        assertThat(rule.holds(aSubscriberMonth().onPlan(plan).usage(20, 0, 0).build())).isFalse();
        assertThat(rule.holds(aSubscriberMonth().onPlan(plan).usage(0, 2048, 0).build())).isFalse();
        assertThat(rule.holds(aSubscriberMonth().onPlan(plan).usage(new Usage(0, 2048 * Usage.MICROS_PER_MB - 1, 0)).build())).isTrue();
    }

    @Test
    void treatsAMissingUsageRowAsZeroUsage() {
        assertThat(rule.holds(aSubscriberMonth().onPlan(plan).noUsageRow().build())).isTrue();
    }

    @Test
    void requiresNinetyDaysOfTenureAtMonthEnd() {
        assertThat(rule.holds(aSubscriberMonth().onPlan(plan).activatedOn(MONTH_END.minusDays(90)).build())).isTrue();
        assertThat(rule.holds(aSubscriberMonth().onPlan(plan).activatedOn(MONTH_END.minusDays(89)).build())).isFalse();
    }

    @Test
    void needsAPlanWithBothVoiceAndData() {
        var dataOnly = aPlan().voice(0).dataMb(10240).build();
        assertThat(rule.holds(aSubscriberMonth().onPlan(dataOnly).build())).isFalse();
    }

    @Test
    void countsAddonsInTheIncludedAllowances() {
        // plan alone: 25 min ≥ 20% of 100; with a 100-minute pack: 25 < 20% of 200 = 40
        assertThat(rule.holds(aSubscriberMonth().onPlan(plan).usage(25, 0, 0).build())).isFalse();
        assertThat(rule.holds(aSubscriberMonth().onPlan(plan).withAddon(anAddon("V100", AddonKind.VOICE, 1000, 100, 0))
                .usage(25, 0, 0).build())).isTrue();
    }

    @Test
    void flagsAnIdlePaidVasSubscribedSixtyDaysBeforeMonthEnd() {
        var busy = aSubscriberMonth().onPlan(plan).usage(100, 10240, 0);
        assertThat(rule.holds(busy.vas(vas(500, MONTH_END.minusDays(60), 0)).build())).isTrue();
        assertThat(rule.holds(aSubscriberMonth().onPlan(plan).usage(100, 10240, 0)
                .vas(vas(500, MONTH_END.minusDays(59), 0)).build())).isFalse();
    }

    @Test
    void ignoresFreeOrUsedVas() {
        assertThat(rule.holds(aSubscriberMonth().onPlan(plan).usage(100, 10240, 0)
                .vas(vas(0, MONTH_END.minusDays(300), 0)).build())).isFalse();
        assertThat(rule.holds(aSubscriberMonth().onPlan(plan).usage(100, 10240, 0)
                .vas(vas(500, MONTH_END.minusDays(300), 1)).build())).isFalse();
    }

    private static VasSubscription vas(long fee, LocalDate since, long uses) {
        return new VasSubscription("SP1", "视频会员", fee, since, uses);
    }
}
