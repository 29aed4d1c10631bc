package io.tenure.core.catalog;

import io.tenure.core.error.TenureException;

/** Identifier of an optional pack in the catalogue. */
public record AddonId(String value) {
    public AddonId {
        TenureException.require(value != null && !value.isBlank(), "addon_id must not be empty");
    }

    @Override
    public String toString() {
        return value;
    }
}
