package io.tenure.generator;

import io.tenure.core.billing.BestFit;
import io.tenure.core.billing.Contract;
import io.tenure.core.billing.Tariff;
import io.tenure.core.billing.Usage;
import io.tenure.core.catalog.Plan;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue is shaped like today's Chinese 4G/5G tariff lists. */
class CatalogTest {
    private final ProvinceCatalog c = new ProvinceCatalog();

    @Test
    void publishesTwentyFiveToThirtyPlansFrom29To398YuanWithALegacyTail() {
        List<Plan> published = c.catalog.publishedPlansByFee();
        assertThat(published).hasSizeBetween(25, 30);
        assertThat(published.get(0).monthlyFeeCents()).isLessThanOrEqualTo(2900);
        assertThat(published.get(published.size() - 1).monthlyFeeCents()).isEqualTo(39800);
        assertThat(c.legacy).isNotEmpty();
        assertThat(c.plans).anySatisfy(p -> {
            assertThat(p.id().value()).isEqualTo("P5G129");
            assertThat(p.voiceMin()).isEqualTo(500);
            assertThat(p.dataMb()).isEqualTo(30 * 1024);
        });
        assertThat(c.plans).allSatisfy(p -> {
            assertThat(p.voiceRateCents()).isBetween(15L, 19L);
            assertThat(p.dataRatePerGbCents()).isBetween(300L, 500L);
            assertThat(p.smsRateCents()).isEqualTo(10L);
        });
        assertThat(c.addons).anySatisfy(a -> assertThat(a.published()).isFalse());
    }

    @Test
    void aPublishedPlanUsedInFullIsNeverOverpayingSoHighArpuComesFromThePlantedLowUsage() {
        BestFit best = new BestFit(c.catalog);
        for (Plan p : c.catalog.publishedPlansByFee()) {
            if (p.monthlyFeeCents() < 10000) {
                continue;
            }
            Usage full = Usage.ofMb(p.voiceMin(), p.dataMb(), p.sms());
            long cost = best.find(p, full, Contract.NONE, LocalDate.of(2026, 10, 31)).orElseThrow().costCents();
            assertThat(cost * 10).as(p.id().value()).isGreaterThan(p.monthlyFeeCents() * 6);
        }
    }

    @Test
    void everyPlanAndAddonCombinationIsACoreTariff() {
        for (int p = 0; p < c.plans.size(); p++) {
            for (int k = 0; k < c.combos.length; k++) {
                Tariff t = c.tariffs[p][k];
                assertThat(t.plan()).isEqualTo(c.plans.get(p));
                assertThat(t.addons()).hasSize(c.combos[k].length);
            }
        }
        assertThat(c.combo(c.addonIndex("A_DATA10"), c.addonIndex("A_VOICE100"))).isPositive();
    }
}
