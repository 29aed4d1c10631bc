package io.tenure.core.billing;

import io.tenure.core.catalog.Catalog;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.tenure.core.testing.PlanBuilder.aPlan;
import static org.assertj.core.api.Assertions.assertThat;

class BestFitTest {
    private static final LocalDate DAY = LocalDate.of(2026, 10, 31);
    private final Fixture plans = new Fixture();

    private static final class Fixture {
        final io.tenure.core.catalog.Plan small = aPlan().id("P29").fee(2900).voice(50).dataMb(2048).build();
        final io.tenure.core.catalog.Plan mid = aPlan().id("P58").fee(5800).voice(200).dataMb(20480).build();
        final io.tenure.core.catalog.Plan big = aPlan().id("P128").fee(12800).voice(500).dataMb(61440).build();
        final io.tenure.core.catalog.Plan legacy = aPlan().id("OLD19").fee(1900).voice(500).dataMb(61440).unpublished().build();
        final Catalog catalog = new Catalog(List.of(small, mid, big, legacy), List.of());
    }

    @Test
    void picksTheCheapestPublishedPlanForTheUsage() {
        var r = new BestFit(plans.catalog).find(plans.big, Usage.ofMb(150, 15000, 0), Contract.NONE, DAY).orElseThrow();
        assertThat(r.plan()).isEqualTo(plans.mid);
        assertThat(r.costCents()).isEqualTo(5800);
    }

    @Test
    void neverPicksAnUnpublishedPlanEvenWhenCheaper() {
        var r = new BestFit(plans.catalog).find(plans.big, Usage.ofMb(10, 100, 0), Contract.NONE, DAY).orElseThrow();
        assertThat(r.plan()).isEqualTo(plans.small);
    }

    @Test
    void respectsNoDowngradeOfAnActiveHandsetContract() {
        var handset = new Contract(ContractKind.HANDSET, DAY, 0);
        var r = new BestFit(plans.catalog).find(plans.mid, Usage.ofMb(10, 100, 0), handset, DAY).orElseThrow();
        assertThat(r.plan()).isEqualTo(plans.mid);
        var expired = new BestFit(plans.catalog).find(plans.mid, Usage.ofMb(10, 100, 0), handset, DAY.plusDays(1));
        assertThat(expired.orElseThrow().plan()).isEqualTo(plans.small);
    }

    @Test
    void appliesTheMinimumSpendFloorToEveryCandidate() {
        var minSpend = new Contract(ContractKind.MIN_SPEND, DAY, 9900);
        var r = new BestFit(plans.catalog).find(plans.big, Usage.ofMb(10, 100, 0), minSpend, DAY).orElseThrow();
        assertThat(r.costCents()).isEqualTo(9900);
    }

    @Test
    void findsNothingWhenNoPublishedPlanIsEligible() {
        var handset = new Contract(ContractKind.BUNDLE, DAY, 0);
        var dear = aPlan().id("P999").fee(99900).unpublished().build();
        assertThat(new BestFit(plans.catalog).find(dear, Usage.NONE, handset, DAY)).isEmpty();
    }
}
