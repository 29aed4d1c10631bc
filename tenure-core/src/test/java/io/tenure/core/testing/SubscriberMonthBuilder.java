package io.tenure.core.testing;

import io.tenure.core.billing.Contract;
import io.tenure.core.billing.ContractKind;
import io.tenure.core.billing.Tariff;
import io.tenure.core.billing.Usage;
import io.tenure.core.catalog.Addon;
import io.tenure.core.catalog.Plan;
import io.tenure.core.fourhigh.MonthlyBill;
import io.tenure.core.fourhigh.SubscriberMonth;
import io.tenure.core.subscriber.VasSubscription;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-data builder: {@code aSubscriberMonth().onPlan(p).dataOverage(2000).build()}.
 * Defaults: October 2026, active for years, plan fee billed, nothing else; total_fee follows the components.
 */
public final class SubscriberMonthBuilder {
    private YearMonth month = YearMonth.of(2026, 10);
    private LocalDate activation = LocalDate.of(2020, 1, 1);
    private Plan plan = PlanBuilder.aPlan().build();
    private final List<Addon> addons = new ArrayList<>();
    private Contract contract = Contract.NONE;
    private Usage usage = Usage.NONE;
    private final List<VasSubscription> vas = new ArrayList<>();
    private Long planFee;
    private long addonFee;
    private long voiceOverage;
    private long dataOverage;
    private long smsFee;
    private long roaming;
    private long idd;
    private long vasFee;
    private long topup;
    private long discount;
    private Long total;

    public static SubscriberMonthBuilder aSubscriberMonth() {
        return new SubscriberMonthBuilder();
    }

    public SubscriberMonthBuilder month(YearMonth v) { month = v; return this; }
    public SubscriberMonthBuilder activatedOn(LocalDate v) { activation = v; return this; }
    public SubscriberMonthBuilder onPlan(Plan v) { plan = v; return this; }
    public SubscriberMonthBuilder withAddon(Addon v) { addons.add(v); return this; }
    public SubscriberMonthBuilder contract(ContractKind kind, LocalDate end, long minSpendCents) {
        contract = new Contract(kind, end, minSpendCents);
        return this;
    }
    public SubscriberMonthBuilder usage(long voiceMin, long dataMb, long sms) { usage = Usage.ofMb(voiceMin, dataMb, sms); return this; }
    public SubscriberMonthBuilder usage(Usage v) { usage = v; return this; }
    public SubscriberMonthBuilder noUsageRow() { usage = null; return this; }
    public SubscriberMonthBuilder vas(VasSubscription v) { vas.add(v); return this; }
    public SubscriberMonthBuilder planFee(long v) { planFee = v; return this; }
    public SubscriberMonthBuilder addonFee(long v) { addonFee = v; return this; }
    public SubscriberMonthBuilder voiceOverage(long v) { voiceOverage = v; return this; }
    public SubscriberMonthBuilder dataOverage(long v) { dataOverage = v; return this; }
    public SubscriberMonthBuilder smsFee(long v) { smsFee = v; return this; }
    public SubscriberMonthBuilder roaming(long v) { roaming = v; return this; }
    public SubscriberMonthBuilder idd(long v) { idd = v; return this; }
    public SubscriberMonthBuilder vasFee(long v) { vasFee = v; return this; }
    public SubscriberMonthBuilder topup(long v) { topup = v; return this; }
    public SubscriberMonthBuilder discount(long v) { discount = v; return this; }
    public SubscriberMonthBuilder totalFee(long v) { total = v; return this; }

    public SubscriberMonth build() {
        long pf = planFee != null ? planFee : plan.monthlyFeeCents();
        long sum = pf + addonFee + voiceOverage + dataOverage + smsFee + roaming + idd + vasFee + topup - discount;
        var bill = new MonthlyBill(month, pf, addonFee, voiceOverage, dataOverage, smsFee, roaming, idd, vasFee, topup,
                discount, total != null ? total : sum);
        return new SubscriberMonth(month, activation, Tariff.of(plan, addons), contract, bill, usage, vas);
    }
}
