package io.tenure.core.catalog;

import io.tenure.core.error.TenureException;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tariff catalogue: every plan and pack, published or not. Immutable. */
public final class Catalog {
    private final List<Plan> plans;
    private final List<Addon> addons;
    private final Map<PlanId, Plan> planById;
    private final Map<AddonId, Addon> addonById;
    private final List<Plan> publishedByFee;

    public Catalog(List<Plan> plans, List<Addon> addons) {
        this.plans = List.copyOf(plans);
        this.addons = List.copyOf(addons);
        Map<PlanId, Plan> p = new LinkedHashMap<>();
        for (Plan plan : this.plans) {
            TenureException.require(p.put(plan.id(), plan) == null, "duplicate plan_id " + plan.id());
        }
        Map<AddonId, Addon> a = new LinkedHashMap<>();
        for (Addon addon : this.addons) {
            TenureException.require(a.put(addon.id(), addon) == null, "duplicate addon_id " + addon.id());
        }
        this.planById = Map.copyOf(p);
        this.addonById = Map.copyOf(a);
        this.publishedByFee = this.plans.stream().filter(Plan::published)
                .sorted(Comparator.comparingLong(Plan::monthlyFeeCents).thenComparing(x -> x.id().value()))
                .toList();
    }

    public List<Plan> plans() {
        return plans;
    }

    public List<Addon> addons() {
        return addons;
    }

    /** Published plans ordered by monthly fee, then id. */
    public List<Plan> publishedPlansByFee() {
        return publishedByFee;
    }

    public Optional<Plan> plan(PlanId id) {
        return Optional.ofNullable(planById.get(id));
    }

    public Optional<Addon> addon(AddonId id) {
        return Optional.ofNullable(addonById.get(id));
    }
}
