package io.tenure.core.billing;

import io.tenure.core.catalog.Plan;
import io.tenure.core.error.TenureException;

import java.time.LocalDate;

/**
 * A minimum-term agreement and its constraints on bills and plan changes (rules §1).
 * {@link #NONE} stands for a subscriber without one.
 */
public record Contract(ContractKind kind, LocalDate endDate, long minSpendCents) {
    public static final Contract NONE = new Contract(null, null, 0);

    public Contract {
        TenureException.require(minSpendCents >= 0, "min_spend must not be negative");
        TenureException.require(kind == null || endDate != null, "contract " + kind + " needs contract_end_date");
    }

    /** Active on a date when contract_end_date ≥ that date. */
    public boolean activeOn(LocalDate date) {
        return kind != null && !endDate.isBefore(date);
    }

    /** MIN_SPEND floor: cost = max(cost, min_spend) while active. */
    public long applyFloor(long costCents, LocalDate date) {
        return kind == ContractKind.MIN_SPEND && activeOn(date) ? Math.max(costCents, minSpendCents) : costCents;
    }

    /** HANDSET / BUNDLE forbid a downgrade while active: only plans at least as dear as the current one. */
    public boolean allowsPlan(Plan candidate, Plan current, LocalDate date) {
        boolean noDowngrade = (kind == ContractKind.HANDSET || kind == ContractKind.BUNDLE) && activeOn(date);
        return !noDowngrade || candidate.monthlyFeeCents() >= current.monthlyFeeCents();
    }
}
