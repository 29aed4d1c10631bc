package io.tenure.core.billing;

/** The plan-dependent part of a month's bill, in cents (rules §1). */
public record SimulatedBill(long fixedFeeCents, long voiceOverageCents, long dataOverageCents, long smsOverageCents) {
    public long totalCents() {
        return fixedFeeCents + voiceOverageCents + dataOverageCents + smsOverageCents;
    }
}
