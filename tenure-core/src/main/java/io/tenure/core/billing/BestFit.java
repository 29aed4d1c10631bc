package io.tenure.core.billing;

import io.tenure.core.catalog.Catalog;
import io.tenure.core.catalog.Plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Best-fit plan cost (rules §1): the minimum simulated cost over eligible published plans, no addons,
 * with the contract's floor and no-downgrade constraints as of the evaluation date.
 */
public final class BestFit {
    private final List<Plan> candidates;

    public BestFit(Catalog catalog) {
        this.candidates = catalog.publishedPlansByFee();
    }

    /** The cheapest eligible published plan and its cost; empty when no published plan is eligible. */
    public Optional<Result> find(Plan current, Usage usage, Contract contract, LocalDate date) {
        Plan best = null;
        long bestCost = Long.MAX_VALUE;
        for (Plan p : candidates) {
            if (p.monthlyFeeCents() >= bestCost) {
                break; // ordered by fee, and cost ≥ fee: no later plan can be cheaper
            }
            if (!contract.allowsPlan(p, current, date)) {
                continue;
            }
            long cost = contract.applyFloor(BillSimulator.planCost(p, usage), date);
            if (cost < bestCost) {
                bestCost = cost;
                best = p;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Result(best, bestCost));
    }

    /** A best-fit answer. */
    public record Result(Plan plan, long costCents) {
    }
}
