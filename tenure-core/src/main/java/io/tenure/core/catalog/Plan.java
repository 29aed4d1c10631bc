package io.tenure.core.catalog;

import io.tenure.core.error.TenureException;

/**
 * A tariff plan (资费套餐). Money is in cents (分) so that all arithmetic is exact.
 *
 * @param dataMb included domestic data in MB
 * @param dataRatePerGbCents price of each started GB (1024 MB) beyond the allowance
 * @param published on the public tariff list; only published plans may be offered
 */
public record Plan(PlanId id, String name, long monthlyFeeCents, long voiceMin, long dataMb, long sms,
                   long voiceRateCents, long dataRatePerGbCents, long smsRateCents, Network network,
                   boolean published) {
    public Plan {
        TenureException.require(id != null, "plan id is required");
        TenureException.require(name != null && !name.isBlank(), "plan " + id + ": name is required");
        TenureException.require(monthlyFeeCents >= 0 && voiceRateCents >= 0 && dataRatePerGbCents >= 0 && smsRateCents >= 0,
                "plan " + id + ": fees and rates must not be negative");
        TenureException.require(voiceMin >= 0 && dataMb >= 0 && sms >= 0, "plan " + id + ": allowances must not be negative");
    }
}
