package io.tenure.core.care;

import io.tenure.core.advice.Advice;
import io.tenure.core.fourhigh.Tag;

import java.util.List;
import java.util.Optional;

/**
 * One customer to care for.
 *
 * @param tag               the four-high tag, or null for an early warning
 * @param advice            the advisor's short list and reasons
 * @param monthlyBillCents  the customer's bill of the month
 * @param highRisk          in the high port-out risk band
 * @param idleServices      names of paid services not used
 * @param projectedFeeCents the early warning's projected bill
 * @param doNotDisturb      the customer refused marketing contact
 */
public record CareCase(Tag tag, Advice advice, String vipLevel, long monthlyBillCents, boolean highRisk,
                       long unusedVoiceMin, long unusedDataMb, List<String> idleServices, long roamingFeeCents,
                       long projectedFeeCents, boolean doNotDisturb) {

    public CareCase {
        idleServices = List.copyOf(idleServices);
        advice = advice == null ? new Advice(List.of(), List.of()) : advice;
    }

    /** The advisor's first offer, unless it is to stay as you are. */
    Optional<Advice.Option> offer() {
        return advice.options().stream().findFirst().filter(o -> o.kind() != Advice.Kind.STAY);
    }

    List<Advice.Reason> reasons() {
        return advice.reasons();
    }
}
