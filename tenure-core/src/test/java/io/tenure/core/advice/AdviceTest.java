package io.tenure.core.advice;

import io.tenure.core.billing.Contract;
import io.tenure.core.billing.ContractKind;
import io.tenure.core.billing.Tariff;
import io.tenure.core.billing.Usage;
import io.tenure.core.catalog.Addon;
import io.tenure.core.catalog.AddonKind;
import io.tenure.core.catalog.Catalog;
import io.tenure.core.catalog.Plan;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.tenure.core.testing.PlanBuilder.aPlan;
import static io.tenure.core.testing.PlanBuilder.anAddon;
import static org.assertj.core.api.Assertions.assertThat;

class AdviceTest {
    private static final LocalDate T = LocalDate.of(2026, 11, 21);
    private final Plan p58 = aPlan().id("P58").fee(5800).voice(100).dataMb(10 * 1024).dataRatePerGb(500).build();
    private final Plan p88 = aPlan().id("P88").fee(8800).voice(300).dataMb(20 * 1024).build();
    private final Plan p128 = aPlan().id("P128").fee(12800).voice(500).dataMb(40 * 1024).build();
    private final Addon gb10 = anAddon("D10", AddonKind.DATA, 2000, 0, 10 * 1024);
    private final PlanAdvisor advisor = new PlanAdvisor(new Catalog(List.of(p58, p88, p128), List.of(gb10)));

    @Test
    void offersTheCheapestFitWithTheSavingOfEachMonthAndWhy() {
        // 14, 15 and 17 GB on 10 GB: 4, 5 and 7 started GB at 5 yuan
        List<Usage> months = List.of(Usage.ofMb(50, 14 * 1024, 0), Usage.ofMb(50, 15 * 1024, 0), Usage.ofMb(50, 17 * 1024, 0));

        Advice advice = Advice.of(advisor, Tariff.of(p58), Contract.NONE, T, months, Advice.Settings.DEFAULTS);

        Advice.Option best = advice.options().get(0);
        assertThat(best.kind()).isEqualTo(Advice.Kind.BEST_FOR_CUSTOMER);
        assertThat(best.plan()).isEqualTo(p58);
        assertThat(best.dataPack()).contains(gb10);
        assertThat(best.monthlySavingCents()).containsExactly(0L, 500L, 1500L);
        assertThat(best.averageSavingCents()).isEqualTo(666);
        assertThat(best.revenueChangeCents()).isEqualTo(-666);
        assertThat(best.needsContractChange()).isFalse();
        assertThat(advice.reasons()).containsExactly(new Advice.Reason(Advice.Reason.What.DATA_GB, 3, 3, 4, 7));
    }

    @Test
    void staysAsYouAreWhenNothingSavesTheMargin() {
        List<Usage> months = List.of(Usage.ofMb(50, 5 * 1024, 0));

        Advice advice = Advice.of(advisor, Tariff.of(p58), Contract.NONE, T, months, Advice.Settings.DEFAULTS);

        assertThat(advice.options()).extracting(Advice.Option::kind).containsExactly(Advice.Kind.STAY);
        assertThat(advice.reasons()).isEmpty();
    }

    @Test
    void addsAnOfferKeepingRevenueWithinTheBandAndFlagsAContractChange() {
        // on P128 with light use: P58 saves 70 yuan; within a 40 % band P88 (saves 40 yuan), not P58 padded
        // with a data pack the customer does not need
        List<Usage> months = List.of(Usage.ofMb(100, 8 * 1024, 0));
        Contract minSpend = new Contract(ContractKind.MIN_SPEND, T.plusMonths(6), 0);

        Advice advice = Advice.of(advisor, Tariff.of(p128), minSpend, T, months, new Advice.Settings(40, 500));

        assertThat(advice.options()).extracting(Advice.Option::kind)
                .containsExactly(Advice.Kind.BEST_FOR_CUSTOMER, Advice.Kind.WITHIN_REVENUE_BAND);
        assertThat(advice.options()).extracting(Advice.Option::plan).containsExactly(p58, p88);
        assertThat(advice.options().get(0).monthlySavingCents()).containsExactly(7000L);
        assertThat(advice.options().get(1).monthlySavingCents()).containsExactly(4000L);
        assertThat(advice.options()).allMatch(Advice.Option::needsContractChange);
    }
}
