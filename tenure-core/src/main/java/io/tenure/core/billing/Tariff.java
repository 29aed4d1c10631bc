package io.tenure.core.billing;

import io.tenure.core.catalog.Addon;
import io.tenure.core.catalog.Plan;
import io.tenure.core.error.TenureException;

import java.util.List;

/**
 * A plan with the subscriber's addons. Allowances count the plan plus every addon (rules §1).
 */
public record Tariff(Plan plan, List<Addon> addons, long voiceAllowance, long dataAllowanceMb, long fixedFeeCents) {
    public Tariff {
        TenureException.require(plan != null, "tariff needs a plan");
        addons = List.copyOf(addons);
    }

    public static Tariff of(Plan plan, List<Addon> addons) {
        long voice = plan.voiceMin();
        long data = plan.dataMb();
        long fee = plan.monthlyFeeCents();
        for (Addon a : addons) {
            voice += a.voiceMin();
            data += a.dataMb();
            fee += a.monthlyFeeCents();
        }
        return new Tariff(plan, addons, voice, data, fee);
    }

    public static Tariff of(Plan plan) {
        return new Tariff(plan, List.of(), plan.voiceMin(), plan.dataMb(), plan.monthlyFeeCents());
    }
}
