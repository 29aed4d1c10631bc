package io.tenure.core.advice;

import io.tenure.core.billing.BillSimulator;
import io.tenure.core.billing.Contract;
import io.tenure.core.billing.ContractKind;
import io.tenure.core.billing.Usage;
import io.tenure.core.catalog.Addon;
import io.tenure.core.catalog.AddonKind;
import io.tenure.core.catalog.Catalog;
import io.tenure.core.catalog.Plan;
import io.tenure.core.error.TenureException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cheapest published combination for a customer (rules §1): a plan with at most one data pack and at
 * most one voice pack, minimising the cost summed over the months given (the last closed months), under the
 * contract's constraints on the evaluation date.
 *
 * <p>Exact without trying every plan × pack × pack: the cost of a month is the plan's fee, its SMS overage,
 * a voice part that depends only on the voice pack and a data part that depends only on the data pack, so
 * for each plan the best voice pack and the best data pack are found apart. Plans are tried by fee, and the
 * search stops at the first plan whose fee alone reaches the best cost found. A {@code MIN_SPEND} floor
 * couples the parts month by month; the plans it leaves in play are then searched pack by pack. A pack
 * that adds to the other part (a data pack with minutes, a voice pack with data) couples them too and is
 * searched the same way.
 *
 * <p>Ties go to the lower plan fee, then plan id, then no pack before a pack, then pack id.
 */
public final class PlanAdvisor {
    private final List<Plan> plans;
    private final List<Addon> dataPacks;
    private final List<Addon> voicePacks;
    private final boolean separable;

    public PlanAdvisor(Catalog catalog) {
        this.plans = catalog.publishedPlansByFee();
        List<Addon> data = new ArrayList<>();
        List<Addon> voice = new ArrayList<>();
        boolean oneDimension = true;
        for (Addon a : catalog.addons()) {
            if (!a.published()) {
                continue;
            }
            // a data pack with minutes, or a voice pack with data, adds to the other part too
            oneDimension &= a.kind() == AddonKind.DATA ? a.voiceMin() == 0 : a.dataMb() == 0;
            switch (a.kind()) {
                case DATA -> data.add(a);
                case VOICE -> voice.add(a);
            }
        }
        data.sort(PlanAdvisor::byId);
        voice.sort(PlanAdvisor::byId);
        this.dataPacks = List.copyOf(data);
        this.voicePacks = List.copyOf(voice);
        this.separable = oneDimension;
    }

    /**
     * The cheapest eligible combination over the months' usage; empty when no published plan is eligible.
     *
     * @param current  the customer's plan, for the no-downgrade rule
     * @param contract the customer's contract (or {@link Contract#NONE})
     * @param date     evaluation date: the contract binds when it is active on it
     * @param months   usage of each month, at least one
     */
    public Optional<Combination> cheapest(Plan current, Contract contract, LocalDate date, List<Usage> months) {
        return overPlans(current, contract, date, months, (p, floor, minSpend, best) -> floor || !separable
                ? bestPair(p, months, minSpend, 0, false) : apart(p, months, best));
    }

    /**
     * The cheapest eligible combination costing at least {@code minTotalCents} over the months: the offer that
     * keeps the operator's revenue within a band. Each pack in it must pay for itself (the combination costs
     * less with it than without it), so revenue is never kept by selling a pack the customer does not need.
     * Empty when none reaches the minimum.
     */
    public Optional<Combination> cheapestAtLeast(Plan current, Contract contract, LocalDate date, List<Usage> months,
                                                 long minTotalCents) {
        return overPlans(current, contract, date, months, (p, floor, minSpend, best) -> floor || !separable
                ? bestPair(p, months, minSpend, minTotalCents, true) : apartAtLeast(p, months, minTotalCents));
    }

    /** One plan's best combination for a search, or null; {@code best} is the best of the plans before it. */
    private interface PerPlan {
        Combination best(Plan p, boolean floor, long minSpend, Combination best);
    }

    /** The best of every eligible plan's combination, plans by fee, stopping when a plan's fees alone cost more. */
    private Optional<Combination> overPlans(Plan current, Contract contract, LocalDate date, List<Usage> months, PerPlan perPlan) {
        TenureException.require(!months.isEmpty(), "the advisor needs at least one month of usage");
        int n = months.size();
        boolean floor = contract.kind() == ContractKind.MIN_SPEND && contract.activeOn(date);
        long minSpend = floor ? contract.minSpendCents() : 0;
        Combination best = null;
        for (Plan p : plans) {
            if (best != null && n * Math.max(p.monthlyFeeCents(), minSpend) >= best.totalCents()) {
                break; // by fee: no later plan can cost less
            }
            if (!contract.allowsPlan(p, current, date)) {
                continue;
            }
            Combination c = perPlan.best(p, floor, minSpend, best);
            if (c != null && (best == null || c.totalCents() < best.totalCents())) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Base + voice option + data option ≥ the minimum, cheapest: each voice option meets its data option by search. */
    private Combination apartAtLeast(Plan p, List<Usage> months, long minTotal) {
        long base = base(p, months);
        int nd = dataPacks.size() + 1;
        long[] dataCost = new long[nd];
        Integer[] byCost = new Integer[nd];
        int useful = 0;
        for (int j = 0; j < nd; j++) {
            dataCost[j] = part(p, j == 0 ? null : dataPacks.get(j - 1), months, AddonKind.DATA);
            if (j == 0 || dataCost[j] < dataCost[0]) {
                byCost[useful++] = j;
            }
        }
        nd = useful;
        java.util.Arrays.sort(byCost, 0, nd, (a, b) -> Long.compare(dataCost[a], dataCost[b]));
        long voiceAlone = part(p, null, months, AddonKind.VOICE);
        Combination found = null;
        for (int i = 0; i <= voicePacks.size(); i++) {
            Addon v = i == 0 ? null : voicePacks.get(i - 1);
            long voice = i == 0 ? voiceAlone : part(p, v, months, AddonKind.VOICE);
            if (i > 0 && voice >= voiceAlone) {
                continue; // the pack does not pay for itself
            }
            long head = base + voice;
            // the first data option, by cost, that lifts the total to the minimum
            int lo = 0;
            int hi = nd;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (head + dataCost[byCost[mid]] >= minTotal) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            if (lo < nd) {
                int j = byCost[lo];
                long total = head + dataCost[j];
                if (found == null || total < found.totalCents()) {
                    found = new Combination(p, Optional.ofNullable(j == 0 ? null : dataPacks.get(j - 1)),
                            Optional.ofNullable(v), total);
                }
            }
        }
        return found;
    }


    /** The plan's best voice pack and best data pack, found apart; null when it cannot beat {@code best}. */
    private Combination apart(Plan p, List<Usage> months, Combination best) {
        long bound = best == null ? Long.MAX_VALUE : best.totalCents();
        long base = base(p, months);
        if (base >= bound) {
            return null;
        }
        Addon voice = cheapestPack(p, voicePacks, months, AddonKind.VOICE);
        long voiceCost = part(p, voice, months, AddonKind.VOICE);
        if (base + voiceCost >= bound) {
            return null;
        }
        Addon data = cheapestPack(p, dataPacks, months, AddonKind.DATA);
        long dataCost = part(p, data, months, AddonKind.DATA);
        long total = base + voiceCost + dataCost;
        return total >= bound ? null : new Combination(p, Optional.ofNullable(data), Optional.ofNullable(voice), total);
    }

    /** The plan's fees and SMS overage over the months: what no pack changes. */
    private static long base(Plan p, List<Usage> months) {
        long base = 0;
        for (Usage u : months) {
            base += p.monthlyFeeCents() + BillSimulator.smsOverage(u.sms(), p.sms(), p.smsRateCents());
        }
        return base;
    }

    /** The pack of the list (or none, null) with the lowest part; the first of equals. */
    private static Addon cheapestPack(Plan p, List<Addon> packs, List<Usage> months, AddonKind kind) {
        Addon best = null;
        long cost = part(p, null, months, kind);
        for (Addon a : packs) {
            long c = part(p, a, months, kind);
            if (c < cost) {
                cost = c;
                best = a;
            }
        }
        return best;
    }

    /** The pack's fee and the voice or data overage over the months, on the plan. */
    private static long part(Plan p, Addon pack, List<Usage> months, AddonKind kind) {
        long fee = pack == null ? 0 : pack.monthlyFeeCents();
        long total = 0;
        for (Usage u : months) {
            total += fee + (kind == AddonKind.VOICE
                    ? BillSimulator.voiceOverage(u.voiceMin(), p.voiceMin() + (pack == null ? 0 : pack.voiceMin()),
                    p.voiceRateCents())
                    : BillSimulator.dataOverage(u.dataMicroMb(), p.dataMb() + (pack == null ? 0 : pack.dataMb()),
                    p.dataRatePerGbCents()));
        }
        return total;
    }

    /**
     * The cheapest pack pair on the plan costing at least {@code minTotal}, each month's bill floored: only when
     * the parts do not separate. With {@code packsMustPay}, a pack counts only if the pair costs less with it.
     */
    private Combination bestPair(Plan p, List<Usage> months, long minSpend, long minTotal, boolean packsMustPay) {
        Combination found = null;
        for (int di = -1; di < dataPacks.size(); di++) {
            Addon d = di < 0 ? null : dataPacks.get(di);
            for (int vi = -1; vi < voicePacks.size(); vi++) {
                Addon v = vi < 0 ? null : voicePacks.get(vi);
                long total = floored(p, d, v, months, minSpend);
                boolean packsPay = !packsMustPay || ((d == null || total < floored(p, null, v, months, minSpend))
                        && (v == null || total < floored(p, d, null, months, minSpend)));
                if (packsPay && total >= minTotal && (found == null || total < found.totalCents())) {
                    found = new Combination(p, Optional.ofNullable(d), Optional.ofNullable(v), total);
                }
            }
        }
        return found;
    }

    private static long floored(Plan p, Addon d, Addon v, List<Usage> months, long minSpend) {
        long total = 0;
        for (Usage u : months) {
            total += Math.max(minSpend, monthCost(p, d, v, u));
        }
        return total;
    }

    /** One month's bill of the plan with the packs (rules §1). */
    static long monthCost(Plan p, Addon d, Addon v, Usage u) {
        return BillSimulator.cost(p,
                p.monthlyFeeCents() + (d == null ? 0 : d.monthlyFeeCents()) + (v == null ? 0 : v.monthlyFeeCents()),
                p.voiceMin() + (d == null ? 0 : d.voiceMin()) + (v == null ? 0 : v.voiceMin()),
                p.dataMb() + (d == null ? 0 : d.dataMb()) + (v == null ? 0 : v.dataMb()), u);
    }

    private static int byId(Addon a, Addon b) {
        return a.id().value().compareTo(b.id().value());
    }

    /**
     * A plan with its packs and their cost summed over the months.
     *
     * @param totalCents cost over all months given, with the contract's floor
     */
    public record Combination(Plan plan, Optional<Addon> dataPack, Optional<Addon> voicePack, long totalCents) {
        public Combination {
            TenureException.require(plan != null, "a combination needs a plan");
            TenureException.require(totalCents >= 0, "cost must not be negative");
        }
    }
}
