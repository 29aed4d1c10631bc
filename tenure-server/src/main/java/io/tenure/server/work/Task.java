package io.tenure.server.work;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A call task as staff see it: the list entry it came from, who does it, what to say, and how it ended. The
 * subscriber's phone and name are masked here; only the assigned agent may reveal the number.
 */
public record Task(long id, String subscriberId, String city, String county, String source, LocalDate asOf, long agentId,
                   String agent, String agentName, Instant assignedAt, LocalDate workDate, String offer,
                   String scriptNeeds, String scriptOffer, TaskStatus status, String outcome, Instant callbackAt,
                   String note, Instant outcomeAt, String phone, String name, String vipLevel) {
    /** Whether a call-back is due now. */
    public boolean callbackDue(Instant now) {
        return status == TaskStatus.CALL_BACK && callbackAt != null && !callbackAt.isAfter(now);
    }

    /** Marketing when the task carries an offer, a service call otherwise (contact policy, rules §4). */
    public String purpose() {
        return offer == null || offer.isBlank() ? "SERVICE" : "MARKETING";
    }
}
