package io.tenure.generator;

import io.tenure.core.billing.BillSimulator;
import io.tenure.core.billing.SimulatedBill;
import io.tenure.core.billing.Tariff;
import io.tenure.core.billing.Usage;
import io.tenure.core.catalog.Addon;
import io.tenure.core.catalog.AddonId;
import io.tenure.core.catalog.AddonKind;
import io.tenure.core.catalog.Network;
import io.tenure.core.catalog.Plan;
import io.tenure.core.catalog.PlanId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.tenure.generator.CsvTable.cents;
import static io.tenure.generator.CsvTable.microMb;
import static org.assertj.core.api.Assertions.assertThat;

/** Bills are what the core bill simulation says the month's usage costs on the line's tariff. */
class BillConsistencyTest {
    private static RulesOracle data;
    private static Map<String, Plan> plans;
    private static Map<String, Addon> addons;

    @BeforeAll
    static void load() {
        data = new RulesOracle(Fixtures.standard());
        plans = new HashMap<>();
        CsvTable p = Fixtures.standard("plans");
        for (String[] r : p.rows) {
            plans.put(r[0], new Plan(new PlanId(r[0]), p.get(r, "name"), cents(p.get(r, "monthly_fee")),
                    Long.parseLong(p.get(r, "voice_min")), Long.parseLong(p.get(r, "data_mb")), Long.parseLong(p.get(r, "sms")),
                    cents(p.get(r, "voice_rate")), cents(p.get(r, "data_rate_per_gb")), cents(p.get(r, "sms_rate")),
                    Network.parse(p.get(r, "network")), p.get(r, "published").equals("Y")));
        }
        addons = new HashMap<>();
        CsvTable a = Fixtures.standard("addons");
        for (String[] r : a.rows) {
            addons.put(r[0], new Addon(new AddonId(r[0]), a.get(r, "name"), AddonKind.valueOf(a.get(r, "kind")),
                    cents(a.get(r, "monthly_fee")), Long.parseLong(a.get(r, "voice_min")),
                    Long.parseLong(a.get(r, "data_mb")), a.get(r, "published").equals("Y")));
        }
    }

    @Test
    void everyTotalIsTheSumOfTheComponentsLessTheDiscount() {
        CsvTable b = data.billTable;
        List<String> bad = new ArrayList<>();
        for (String[] r : b.rows) {
            long sum = 0;
            for (String c : List.of("plan_fee", "addon_fee", "voice_overage_fee", "data_overage_fee", "sms_fee",
                    "intl_roaming_fee", "idd_fee", "vas_fee", "min_spend_topup")) {
                sum += cents(b.get(r, c));
            }
            if (sum - cents(b.get(r, "discount")) != cents(b.get(r, "total_fee")) || cents(b.get(r, "discount")) < 0) {
                bad.add(String.join(",", r));
            }
        }
        assertThat(bad).isEmpty();
        assertThat(b.rows).hasSizeGreaterThan(50_000);
    }

    @Test
    void billsAgreeWithTheCoreSimulationOnTheMonthsUsage() {
        CsvTable b = data.billTable;
        List<String> bad = new ArrayList<>();
        int withTopup = 0;
        for (String[] r : b.rows) {
            String sid = b.get(r, "subscriber_id");
            String month = b.get(r, "month");
            Plan plan = plans.get(data.s(sid, "plan_id"));
            List<Addon> list = new ArrayList<>();
            String ids = data.s(sid, "addon_ids");
            if (!ids.isEmpty()) {
                for (String id : ids.split(";")) {
                    list.add(addons.get(id));
                }
            }
            Tariff tariff = Tariff.of(plan, list);
            String[] u = data.usage.get(sid).get(month);
            Usage usage = new Usage(Long.parseLong(data.usageTable.get(u, "voice_min")),
                    microMb(data.usageTable.get(u, "data_mb")), Long.parseLong(data.usageTable.get(u, "sms")));
            SimulatedBill sim = BillSimulator.simulate(tariff, usage);
            long topup = 0;
            LocalDate end = YearMonth.parse(month).atEndOfMonth();
            if (data.s(sid, "contract_kind").equals("MIN_SPEND")
                    && !LocalDate.parse(data.s(sid, "contract_end_date")).isBefore(end)) {
                topup = Math.max(0, cents(data.s(sid, "min_spend")) - sim.totalCents());
            }
            boolean ok = cents(b.get(r, "plan_fee")) == plan.monthlyFeeCents()
                    && cents(b.get(r, "addon_fee")) == tariff.fixedFeeCents() - plan.monthlyFeeCents()
                    && cents(b.get(r, "voice_overage_fee")) == sim.voiceOverageCents()
                    && cents(b.get(r, "data_overage_fee")) == sim.dataOverageCents()
                    && cents(b.get(r, "sms_fee")) == sim.smsOverageCents()
                    && cents(b.get(r, "min_spend_topup")) == topup;
            if (!ok) {
                bad.add(String.join(",", r));
            }
            if (topup > 0) {
                withTopup++;
            }
        }
        assertThat(bad).isEmpty();
        assertThat(withTopup).isPositive();
    }

    @Test
    void vasFeeIsTheSumOfPaidServicesSubscribedByMonthEnd() {
        CsvTable b = data.billTable;
        List<String> bad = new ArrayList<>();
        for (String[] r : b.rows) {
            String sid = b.get(r, "subscriber_id");
            if (data.s(sid, "status").equals("CANCELLED")) {
                continue; // a closed line's subscriptions are no longer in the snapshot
            }
            LocalDate end = YearMonth.parse(b.get(r, "month")).atEndOfMonth();
            long fee = 0;
            for (String[] v : data.vas.getOrDefault(sid, List.of())) {
                if (!LocalDate.parse(data.vasTable.get(v, "subscribed_on")).isAfter(end)) {
                    fee += cents(data.vasTable.get(v, "monthly_fee"));
                }
            }
            if (fee != cents(b.get(r, "vas_fee"))) {
                bad.add(String.join(",", r));
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void everyBillHasAUsageRowAndNoUsageRowLacksABill() {
        assertThat(data.usageTable.rows).hasSameSizeAs(data.billTable.rows);
        data.bills.forEach((sid, months) -> assertThat(data.usage.get(sid).keySet()).isEqualTo(months.keySet()));
    }
}
