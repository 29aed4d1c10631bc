package io.tenure.core.fourhigh;

import io.tenure.core.billing.BestFit;
import io.tenure.core.billing.ContractKind;
import io.tenure.core.catalog.Catalog;
import io.tenure.core.catalog.Plan;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.tenure.core.testing.PlanBuilder.aPlan;
import static io.tenure.core.testing.SubscriberMonthBuilder.aSubscriberMonth;
import static org.assertj.core.api.Assertions.assertThat;

class HighArpuRuleTest {
    private static final LocalDate MONTH_END = LocalDate.of(2026, 10, 31);
    private final Plan p60 = aPlan().id("P60").fee(6000).voice(300).dataMb(30720).build();
    private final Plan p100 = aPlan().id("P100").fee(10000).voice(300).dataMb(30720).build();
    private final Plan legacy = aPlan().id("OLD10").fee(1000).voice(300).dataMb(30720).unpublished().build();
    private final FourHighRule rule = new HighArpuRule(FourHighThresholds.DEFAULTS,
            new BestFit(new Catalog(List.of(p60, p100, legacy), List.of())));

    @Test
    void flagsDomesticSpendWhenBestFitIsAtMostSixtyPercent() {
        // domestic 100.00, best fit 60.00 = 60%
        assertThat(rule.holds(aSubscriberMonth().onPlan(p100).usage(10, 1000, 0).build())).isTrue();
    }

    @Test
    void doesNotFlagDomesticOneCentBelowOneHundred() {
        assertThat(rule.holds(aSubscriberMonth().onPlan(p100).planFee(9999).usage(10, 1000, 0).build())).isFalse();
    }

    @Test
    void doesNotFlagWhenBestFitIsAboveSixtyPercent() {
        var p61 = aPlan().id("P61").fee(6001).voice(300).dataMb(30720).build();
        var r = new HighArpuRule(FourHighThresholds.DEFAULTS, new BestFit(new Catalog(List.of(p61, p100), List.of())));
        assertThat(r.holds(aSubscriberMonth().onPlan(p100).usage(10, 1000, 0).build())).isFalse();
    }

    @Test
    void ignoresUnpublishedPlansAsBestFit() {
        var r = new HighArpuRule(FourHighThresholds.DEFAULTS, new BestFit(new Catalog(List.of(p100, legacy), List.of())));
        assertThat(r.holds(aSubscriberMonth().onPlan(p100).usage(10, 1000, 0).build())).isFalse();
    }

    @Test
    void noDowngradeContractKeepsBestFitAtTheCurrentFee() {
        assertThat(rule.holds(aSubscriberMonth().onPlan(p100).contract(ContractKind.HANDSET, MONTH_END, 0)
                .usage(10, 1000, 0).build())).isFalse();
        assertThat(rule.holds(aSubscriberMonth().onPlan(p100).contract(ContractKind.HANDSET, MONTH_END.minusDays(1), 0)
                .usage(10, 1000, 0).build())).isTrue();
    }

    @Test
    void minimumSpendFloorRaisesTheBestFitCost() {
        assertThat(rule.holds(aSubscriberMonth().onPlan(p100).contract(ContractKind.MIN_SPEND, MONTH_END, 6001)
                .usage(10, 1000, 0).build())).isFalse();
    }

    @Test
    void flagsMinimumSpendTopUpOfTwentyYuan() {
        assertThat(rule.holds(aSubscriberMonth().onPlan(p60).topup(2000).build())).isTrue();
        assertThat(rule.holds(aSubscriberMonth().onPlan(p60).topup(1999).build())).isFalse();
    }

    @Test
    void flagsVasFeeOfThirtyYuan() {
        assertThat(rule.holds(aSubscriberMonth().onPlan(p60).vasFee(3000).build())).isTrue();
        assertThat(rule.holds(aSubscriberMonth().onPlan(p60).vasFee(2999).build())).isFalse();
    }
}
