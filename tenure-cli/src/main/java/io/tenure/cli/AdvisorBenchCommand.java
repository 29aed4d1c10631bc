package io.tenure.cli;

import io.tenure.core.advice.PlanAdvisor;
import io.tenure.core.billing.BillSimulator;
import io.tenure.core.billing.Contract;
import io.tenure.core.billing.ContractKind;
import io.tenure.core.billing.Tariff;
import io.tenure.core.billing.Usage;
import io.tenure.core.catalog.Addon;
import io.tenure.core.catalog.AddonId;
import io.tenure.core.catalog.AddonKind;
import io.tenure.core.catalog.Catalog;
import io.tenure.core.catalog.Network;
import io.tenure.core.catalog.Plan;
import io.tenure.core.catalog.PlanId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;

/**
 * {@code tenure bench-advisor}: the plan advisor on N customers (three months of usage each, a quarter with
 * a contract) against a catalogue of 50 plans and 20 packs, on every core; then, on a sample, the same
 * customers by trying every plan × data pack × voice pack, side by side, with the answers compared.
 */
@Command(name = "bench-advisor", mixinStandardHelpOptions = true,
        description = "Benchmark the plan advisor against trying every combination.")
final class AdvisorBenchCommand implements Callable<Integer> {
    private static final LocalDate T = LocalDate.of(2026, 11, 21);
    @Option(names = "--customers", defaultValue = "10000000", description = "Customers (default ${DEFAULT-VALUE}).")
    long customers;
    @Option(names = "--sample", defaultValue = "200000", description = "Customers also tried by brute force (default ${DEFAULT-VALUE}).")
    long sample;
    @Option(names = "--seed", defaultValue = "20261122", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;
    /** Packs of each kind, with null for none. */
    private final List<Addon> dataPacks = new ArrayList<>(java.util.Arrays.asList((Addon) null));
    private final List<Addon> voicePacks = new ArrayList<>(java.util.Arrays.asList((Addon) null));

    @Override
    public Integer call() {
        Catalog catalog = catalogue(new SplittableRandom(seed));
        PlanAdvisor advisor = new PlanAdvisor(catalog);
        for (Addon a : catalog.addons()) {
            (a.kind() == AddonKind.DATA ? dataPacks : voicePacks).add(a);
        }
        List<Plan> plans = catalog.plans();

        long t0 = System.nanoTime();
        long total = LongStream.range(0, customers).parallel()
                .map(i -> solve(advisor, plans, i, false)).sum();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "advisor: %,d customers x 3 months, 50 plans, 20 packs in %.1f s on %d cores"
                        + " (%,.0f customers/s); sum of best costs %,d cents%n", customers, s,
                Runtime.getRuntime().availableProcessors(), customers / s, total);

        long n = Math.min(sample, customers);
        t0 = System.nanoTime();
        long fast = LongStream.range(0, n).parallel().map(i -> solve(advisor, plans, i, false)).sum();
        double sf = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        long slow = LongStream.range(0, n).parallel().map(i -> solve(advisor, plans, i, true)).sum();
        double ss = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "side by side on %,d customers: advisor %.2f s, every combination %.2f s"
                + " (%.1fx); sums of best costs %s%n", n, sf, ss, ss / sf, fast == slow ? "equal" : "DIFFER");
        return fast == slow ? 0 : 1;
    }

    /** Customer i's best cost over three months, by the advisor or by trying every combination. */
    private long solve(PlanAdvisor advisor, List<Plan> plans, long i, boolean brute) {
        SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
        List<Usage> months = new ArrayList<>(3);
        long voice = r.nextLong(50, 1500);
        long dataMb = r.nextLong(200, 80 * 1024);
        for (int m = 0; m < 3; m++) {
            months.add(new Usage(voice * r.nextInt(70, 131) / 100, dataMb * r.nextInt(60, 141) / 100 * 1_000_000L,
                    r.nextInt(0, 120)));
        }
        Contract contract = switch (r.nextInt(8)) {
            case 0 -> new Contract(ContractKind.MIN_SPEND, T.plusMonths(r.nextInt(1, 24)), 100L * r.nextInt(30, 200));
            case 1 -> new Contract(ContractKind.HANDSET, T.plusMonths(r.nextInt(1, 24)), 0);
            default -> Contract.NONE;
        };
        Plan current = plans.get(r.nextInt(plans.size()));
        return brute ? everyCombination(plans, current, contract, months)
                : advisor.cheapest(current, contract, T, months).map(PlanAdvisor.Combination::totalCents).orElse(-1L);
    }

    /** The naive answer: every published plan with every data pack or none and every voice pack or none. */
    private long everyCombination(List<Plan> plans, Plan current, Contract contract, List<Usage> months) {
        long best = -1;
        for (Plan p : plans) {
            if (!p.published() || !contract.allowsPlan(p, current, T)) {
                continue;
            }
            for (Addon d : dataPacks) {
                for (Addon v : voicePacks) {
                    List<Addon> with = d == null ? (v == null ? List.of() : List.of(v)) : v == null ? List.of(d) : List.of(d, v);
                    Tariff tariff = Tariff.of(p, with);
                    long cost = 0;
                    for (Usage u : months) {
                        cost += contract.applyFloor(BillSimulator.cost(tariff, u), T);
                    }
                    best = best < 0 ? cost : Math.min(best, cost);
                }
            }
        }
        return best;
    }

    /** 50 plans of 19–398 yuan (a few unpublished), 10 data and 10 voice packs. */
    static Catalog catalogue(SplittableRandom r) {
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long fee = 1900 + (39800 - 1900) * i / 49;
            plans.add(new Plan(new PlanId("P" + i), "套餐" + i, fee, fee / 100 * 5 + r.nextInt(0, 200),
                    fee / 100 * 200 + r.nextInt(0, 4096), 100, 15 + r.nextInt(0, 10), 300 + 100L * r.nextInt(0, 3),
                    10, i % 2 == 0 ? Network.G5 : Network.G4, i % 17 != 3));
        }
        List<Addon> packs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            packs.add(new Addon(new AddonId("D" + i), "流量包" + i, AddonKind.DATA, 500L * (i + 1), 0, 1024L * 2 * (i + 1), true));
            packs.add(new Addon(new AddonId("V" + i), "语音包" + i, AddonKind.VOICE, 500L * (i + 1), 50L * (i + 1), 0, true));
        }
        return new Catalog(plans, packs);
    }
}
