package io.tenure.core.advice;

import io.tenure.core.billing.BillSimulator;
import io.tenure.core.billing.Contract;
import io.tenure.core.billing.Tariff;
import io.tenure.core.billing.Usage;
import io.tenure.core.catalog.Addon;
import io.tenure.core.catalog.Plan;
import io.tenure.core.error.TenureException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ranked short list for one customer: the best offer for the customer, the best that keeps the
 * operator's revenue within a band, or "stay as you are" when nothing beats the current tariff by the margin.
 *
 * @param options best first
 * @param reasons what the customer's months show about the current tariff
 */
public record Advice(List<Option> options, List<Reason> reasons) {

    public Advice {
        options = List.copyOf(options);
        reasons = List.copyOf(reasons);
    }

    /** What kind of offer an option is. */
    public enum Kind { BEST_FOR_CUSTOMER, WITHIN_REVENUE_BAND, STAY }

    /**
     * Settings of the short list.
     *
     * @param revenueBandPct     the band offer costs at least this much less than the current tariff (default 10 %)
     * @param stayMarginCents    an offer must save at least this a month on average (default 5 yuan)
     */
    public record Settings(int revenueBandPct, long stayMarginCents) {
        public static final Settings DEFAULTS = new Settings(10, 500);

        public Settings {
            TenureException.require(revenueBandPct >= 0 && revenueBandPct <= 100, "revenue band must be 0–100 %");
            TenureException.require(stayMarginCents >= 0, "the margin must not be negative");
        }
    }

    /**
     * One offer.
     *
     * @param monthlySavingCents    the customer's saving in each month given (current bill − offer's bill)
     * @param averageSavingCents    their average, rounded down
     * @param revenueChangeCents    the operator's change of revenue a month, on average (− saving)
     * @param needsContractChange   the plan changes while a minimum-term contract is active
     * @param planChange            the offer is another plan (else packs on the current plan)
     */
    public record Option(Kind kind, Plan plan, Optional<Addon> dataPack, Optional<Addon> voicePack,
                         List<Long> monthlySavingCents, long averageSavingCents, long revenueChangeCents,
                         boolean needsContractChange, boolean planChange) {
        public Option {
            monthlySavingCents = List.copyOf(monthlySavingCents);
        }

        /** The offer's packs: the data pack, then the voice pack, those it has. */
        public List<Addon> packs() {
            List<Addon> packs = new ArrayList<>(2);
            dataPack.ifPresent(packs::add);
            voicePack.ifPresent(packs::add);
            return packs;
        }
    }

    /**
     * A pattern in the customer's months, e.g. 3 of 3 months over the data allowance by 4–7 GB.
     *
     * @param over   how many months went over the allowance
     * @param months how many months were looked at
     * @param least  smallest excess of those months (started GB for data, minutes for voice)
     * @param most   largest excess
     */
    public record Reason(What what, int over, int months, long least, long most) {
        /** Which allowance was exceeded. */
        public enum What { DATA_GB, VOICE_MIN }
    }

    /** The short list for a customer on {@code current} with these months of usage. */
    public static Advice of(PlanAdvisor advisor, Tariff current, Contract contract, LocalDate date, List<Usage> months,
                            Settings settings) {
        int n = months.size();
        long[] now = new long[n];
        long sum = 0;
        for (int m = 0; m < n; m++) {
            now[m] = contract.applyFloor(BillSimulator.cost(current, months.get(m)), date);
            sum += now[m];
        }
        long nowTotal = sum;
        List<Option> options = new ArrayList<>();
        var best = advisor.cheapest(current.plan(), contract, date, months);
        if (best.isPresent() && nowTotal - best.get().totalCents() >= settings.stayMarginCents() * n) {
            options.add(option(Kind.BEST_FOR_CUSTOMER, best.get(), current, contract, date, months, now));
            long floor = (nowTotal * (100 - settings.revenueBandPct()) + 99) / 100;
            advisor.cheapestAtLeast(current.plan(), contract, date, months, floor)
                    .filter(c -> c.totalCents() > best.get().totalCents()
                            && nowTotal - c.totalCents() >= settings.stayMarginCents() * n)
                    .ifPresent(c -> options.add(option(Kind.WITHIN_REVENUE_BAND, c, current, contract, date, months, now)));
        } else {
            options.add(new Option(Kind.STAY, current.plan(), Optional.empty(), Optional.empty(),
                    java.util.Collections.nCopies(n, 0L), 0, 0, false, false));
        }
        return new Advice(options, reasons(current, months));
    }

    private static Option option(Kind kind, PlanAdvisor.Combination c, Tariff current, Contract contract, LocalDate date,
                                 List<Usage> months, long[] now) {
        List<Addon> packs = new ArrayList<>();
        c.dataPack().ifPresent(packs::add);
        c.voicePack().ifPresent(packs::add);
        Tariff offer = Tariff.of(c.plan(), packs);
        List<Long> saving = new ArrayList<>();
        long total = 0;
        for (int m = 0; m < months.size(); m++) {
            long s = now[m] - contract.applyFloor(BillSimulator.cost(offer, months.get(m)), date);
            saving.add(s);
            total += s;
        }
        long average = Math.floorDiv(total, months.size());
        boolean planChange = !c.plan().id().equals(current.plan().id());
        return new Option(kind, c.plan(), c.dataPack(), c.voicePack(), saving, average, -average,
                planChange && contract.activeOn(date), planChange);
    }

    private static List<Reason> reasons(Tariff current, List<Usage> months) {
        List<Reason> out = new ArrayList<>();
        int dataOver = 0;
        long dataLeast = Long.MAX_VALUE;
        long dataMost = 0;
        int voiceOver = 0;
        long voiceLeast = Long.MAX_VALUE;
        long voiceMost = 0;
        for (Usage u : months) {
            long gb = BillSimulator.startedGb(u.dataMicroMb() - current.dataAllowanceMb() * Usage.MICROS_PER_MB);
            if (gb > 0) {
                dataOver++;
                dataLeast = Math.min(dataLeast, gb);
                dataMost = Math.max(dataMost, gb);
            }
            long min = u.voiceMin() - current.voiceAllowance();
            if (min > 0) {
                voiceOver++;
                voiceLeast = Math.min(voiceLeast, min);
                voiceMost = Math.max(voiceMost, min);
            }
        }
        if (dataOver > 0) {
            out.add(new Reason(Reason.What.DATA_GB, dataOver, months.size(), dataLeast, dataMost));
        }
        if (voiceOver > 0) {
            out.add(new Reason(Reason.What.VOICE_MIN, voiceOver, months.size(), voiceLeast, voiceMost));
        }
        return out;
    }
}
