package io.tenure.core.advice;

import io.tenure.core.billing.BillSimulator;
import io.tenure.core.billing.Contract;
import io.tenure.core.billing.ContractKind;
import io.tenure.core.billing.Tariff;
import io.tenure.core.billing.Usage;
import io.tenure.core.catalog.Addon;
import io.tenure.core.catalog.AddonId;
import io.tenure.core.catalog.AddonKind;
import io.tenure.core.catalog.Catalog;
import io.tenure.core.catalog.Plan;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static io.tenure.core.testing.PlanBuilder.aPlan;
import static io.tenure.core.testing.PlanBuilder.anAddon;
import static org.assertj.core.api.Assertions.assertThat;

class PlanAdvisorTest {
    private static final LocalDate T = LocalDate.of(2026, 11, 21);

    @Test
    void addsADataPackWhenItCostsLessThanTheOverage() {
        Plan p58 = aPlan().id("P58").fee(5800).dataMb(10 * 1024).dataRatePerGb(500).build();
        Plan p98 = aPlan().id("P98").fee(9800).dataMb(30 * 1024).build();
        Addon gb10 = anAddon("D10", AddonKind.DATA, 2000, 0, 10 * 1024);
        var advisor = new PlanAdvisor(new Catalog(List.of(p58, p98), List.of(gb10)));
        // 16 GB a month: 6 started GB over P58 = 30 yuan, the 10 GB pack 20 yuan
        Usage u = Usage.ofMb(50, 16 * 1024, 0);

        var best = advisor.cheapest(p58, Contract.NONE, T, List.of(u, u, u)).orElseThrow();

        assertThat(best.plan()).isEqualTo(p58);
        assertThat(best.dataPack()).contains(gb10);
        assertThat(best.voicePack()).isEmpty();
        assertThat(best.totalCents()).isEqualTo(3 * 7800);
    }

    @Test
    void neverOffersUnpublishedPlansOrPacks() {
        Plan cheapSecret = aPlan().id("P9").fee(900).dataMb(100 * 1024).unpublished().build();
        Plan p58 = aPlan().id("P58").fee(5800).build();
        Addon secret = new Addon(new AddonId("DX"), "DX", AddonKind.DATA, 1, 0, 100 * 1024, false);
        var advisor = new PlanAdvisor(new Catalog(List.of(cheapSecret, p58), List.of(secret)));

        var best = advisor.cheapest(cheapSecret, Contract.NONE, T, List.of(Usage.ofMb(10, 50 * 1024, 0))).orElseThrow();

        assertThat(best.plan()).isEqualTo(p58);
        assertThat(best.dataPack()).isEmpty();
    }

    @Test
    void keepsAHandsetContractFromDowngradingAndFloorsAMinimumSpend() {
        Plan p38 = aPlan().id("P38").fee(3800).build();
        Plan p58 = aPlan().id("P58").fee(5800).build();
        var advisor = new PlanAdvisor(new Catalog(List.of(p38, p58), List.of()));
        List<Usage> light = List.of(Usage.ofMb(10, 100, 0));

        assertThat(advisor.cheapest(p58, new Contract(ContractKind.HANDSET, T, 0), T, light).orElseThrow().plan())
                .isEqualTo(p58);
        assertThat(advisor.cheapest(p58, new Contract(ContractKind.HANDSET, T.minusDays(1), 0), T, light)
                .orElseThrow().plan()).isEqualTo(p38);
        assertThat(advisor.cheapest(p58, new Contract(ContractKind.MIN_SPEND, T, 5000), T, light).orElseThrow()
                .totalCents()).isEqualTo(5000);
    }

    @Test
    void answersLikeBruteForceOnThousandsOfRandomCataloguesAndCustomers() {
        Random r = new Random(20261122);
        for (int round = 0; round < 3000; round++) {
            List<Plan> plans = new ArrayList<>();
            for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
                var b = aPlan().id("P" + i).fee(100 * (19 + r.nextInt(380))).voice(r.nextInt(4) * 100L)
                        .dataMb(r.nextInt(40) * 1024L).sms(r.nextInt(3) * 50L).voiceRate(10 + r.nextInt(20))
                        .dataRatePerGb(300 + 100 * r.nextInt(3)).smsRate(10);
                plans.add(r.nextInt(6) == 0 ? b.unpublished().build() : b.build());
            }
            List<Addon> packs = new ArrayList<>();
            for (int i = 0, n = r.nextInt(6); i < n; i++) {
                boolean data = r.nextBoolean();
                // now and then a pack adding both, which couples voice and data
                boolean both = r.nextInt(10) == 0;
                packs.add(new Addon(new AddonId("A" + i), "A" + i, data ? AddonKind.DATA : AddonKind.VOICE,
                        100L * (5 + r.nextInt(40)), data && !both ? 0 : 100L * r.nextInt(5),
                        data || both ? 1024L * r.nextInt(20) : 0, r.nextInt(5) != 0));
            }
            List<Usage> months = new ArrayList<>();
            for (int m = 0, n = 1 + r.nextInt(3); m < n; m++) {
                months.add(new Usage(r.nextInt(900), (long) r.nextInt(60 * 1024) * 1_000_000L + r.nextInt(1_000_000),
                        r.nextInt(200)));
            }
            Contract contract = switch (r.nextInt(5)) {
                case 0 -> new Contract(ContractKind.MIN_SPEND, T.plusDays(r.nextInt(3) - 1), 100L * r.nextInt(200));
                case 1 -> new Contract(ContractKind.HANDSET, T.plusDays(r.nextInt(3) - 1), 0);
                case 2 -> new Contract(ContractKind.BUNDLE, T.plusDays(r.nextInt(3) - 1), 0);
                default -> Contract.NONE;
            };
            Plan current = plans.get(r.nextInt(plans.size()));
            Catalog catalog = new Catalog(plans, packs);

            PlanAdvisor advisor = new PlanAdvisor(catalog);
            Optional<PlanAdvisor.Combination> fast = advisor.cheapest(current, contract, T, months);
            Optional<Long> slow = bruteForce(catalog, current, contract, months, 0);
            long atLeast = 1 + 100L * r.nextInt(1000);
            assertThat(advisor.cheapestAtLeast(current, contract, T, months, atLeast).map(PlanAdvisor.Combination::totalCents))
                    .as("round %d, at least %d", round, atLeast).isEqualTo(bruteForce(catalog, current, contract, months, atLeast));

            assertThat(fast.map(PlanAdvisor.Combination::totalCents)).as("round %d", round).isEqualTo(slow);
            fast.ifPresent(c -> {
                assertThat(c.plan().published()).isTrue();
                assertThat(contract.allowsPlan(c.plan(), current, T)).isTrue();
                assertThat(c.dataPack().filter(a -> !a.published() || a.kind() != AddonKind.DATA)).isEmpty();
                assertThat(c.voicePack().filter(a -> !a.published() || a.kind() != AddonKind.VOICE)).isEmpty();
                assertThat(cost(c.plan(), c.dataPack(), c.voicePack(), contract, months)).isEqualTo(c.totalCents());
            });
        }
    }

    /** Every published plan × data pack or none × voice pack or none costing at least the minimum, by the bill simulator. */
    private static Optional<Long> bruteForce(Catalog catalog, Plan current, Contract contract, List<Usage> months,
                                             long atLeast) {
        Long best = null;
        List<Optional<Addon>> data = new ArrayList<>(List.of(Optional.empty()));
        List<Optional<Addon>> voice = new ArrayList<>(List.of(Optional.empty()));
        for (Addon a : catalog.addons()) {
            if (a.published()) {
                (a.kind() == AddonKind.DATA ? data : voice).add(Optional.of(a));
            }
        }
        for (Plan p : catalog.plans()) {
            if (!p.published() || !contract.allowsPlan(p, current, T)) {
                continue;
            }
            for (Optional<Addon> d : data) {
                for (Optional<Addon> v : voice) {
                    long c = cost(p, d, v, contract, months);
                    // with a minimum, each pack must lower the cost it is in
                    boolean pays = atLeast == 0 || ((d.isEmpty() || c < cost(p, Optional.empty(), v, contract, months))
                            && (v.isEmpty() || c < cost(p, d, Optional.empty(), contract, months)));
                    if (c >= atLeast && pays) {
                        best = best == null ? c : Math.min(best, c);
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static long cost(Plan p, Optional<Addon> d, Optional<Addon> v, Contract contract, List<Usage> months) {
        List<Addon> addons = new ArrayList<>();
        d.ifPresent(addons::add);
        v.ifPresent(addons::add);
        long total = 0;
        for (Usage u : months) {
            total += contract.applyFloor(BillSimulator.cost(Tariff.of(p, addons), u), T);
        }
        return total;
    }
}
