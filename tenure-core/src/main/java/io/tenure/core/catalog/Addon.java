package io.tenure.core.catalog;

import io.tenure.core.error.TenureException;

/** An optional pack (可选包 / 加油包) adding voice minutes or data to a plan for a monthly fee. */
public record Addon(AddonId id, String name, AddonKind kind, long monthlyFeeCents, long voiceMin, long dataMb,
                    boolean published) {
    public Addon {
        TenureException.require(id != null, "addon id is required");
        TenureException.require(name != null && !name.isBlank(), "addon " + id + ": name is required");
        TenureException.require(kind != null, "addon " + id + ": kind is required");
        TenureException.require(monthlyFeeCents >= 0 && voiceMin >= 0 && dataMb >= 0,
                "addon " + id + ": fee and allowances must not be negative");
    }
}
