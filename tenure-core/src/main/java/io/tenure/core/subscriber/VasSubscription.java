package io.tenure.core.subscriber;

import io.tenure.core.error.TenureException;

import java.time.LocalDate;

/** A value-added service subscription (增值业务) as of the snapshot. */
public record VasSubscription(String serviceId, String name, long monthlyFeeCents, LocalDate subscribedOn, long uses30d) {
    public VasSubscription {
        TenureException.require(serviceId != null && !serviceId.isBlank(), "vas service_id is required");
        TenureException.require(monthlyFeeCents >= 0 && uses30d >= 0, "vas " + serviceId + ": fee and uses must not be negative");
    }

    /** Paid, unused in the last 30 days, and subscribed on or before the given date. */
    public boolean idlePaidSince(LocalDate latestSubscribedOn) {
        return monthlyFeeCents > 0 && uses30d == 0 && subscribedOn != null && !subscribedOn.isAfter(latestSubscribedOn);
    }
}
