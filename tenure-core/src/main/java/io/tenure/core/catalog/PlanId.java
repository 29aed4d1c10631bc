package io.tenure.core.catalog;

import io.tenure.core.error.TenureException;

/** Identifier of a tariff plan in the catalogue. */
public record PlanId(String value) {
    public PlanId {
        TenureException.require(value != null && !value.isBlank(), "plan_id must not be empty");
    }

    @Override
    public String toString() {
        return value;
    }
}
