package io.tenure.core.care;

import io.tenure.core.advice.Advice;
import io.tenure.core.billing.Usage;
import io.tenure.core.fourhigh.SubscriberMonth;
import io.tenure.core.fourhigh.Tag;
import io.tenure.core.subscriber.VasSubscription;

import java.time.LocalDate;
import java.util.ArrayList;

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
 * @param doNotDisturb      the customer refused marketing contact (no consent, or do-not-disturb)
 */
public record CareCase(Tag tag, Advice advice, String vipLevel, long monthlyBillCents, boolean highRisk,
                       long unusedVoiceMin, long unusedDataMb, List<String> idleServices, long roamingFeeCents,
                       long projectedFeeCents, boolean doNotDisturb) {

    public CareCase {
        idleServices = List.copyOf(idleServices);
        advice = advice == null ? new Advice(List.of(), List.of()) : advice;
    }

    /**
     * The case of a tag held in month {@code m}: the month's bill, its unused allowances, the paid services idle
     * since {@code vasIdleDays} before month end (as HIGH_SILENCE reads them) and its roaming and IDD fees.
     *
     * @param noMarketing the customer gave no marketing consent or registered do-not-disturb
     */
    public static CareCase ofMonth(Tag tag, Advice advice, SubscriberMonth m, int vasIdleDays, String vipLevel,
                                   boolean highRisk, boolean noMarketing) {
        long unusedVoice = Math.max(0, m.tariff().voiceAllowance() - m.usage().voiceMin());
        long unusedData = Math.max(0, m.tariff().dataAllowanceMb() - m.usage().dataMicroMb() / Usage.MICROS_PER_MB);
        LocalDate latest = m.monthEnd().minusDays(vasIdleDays);
        List<String> idle = new ArrayList<>();
        for (VasSubscription v : m.vas()) {
            if (v.idlePaidSince(latest)) {
                idle.add(v.name() == null ? v.serviceId() : v.name());
            }
        }
        return new CareCase(tag, advice, vipLevel, m.bill().totalFee(), highRisk, unusedVoice, unusedData, idle,
                m.bill().intlRoamingFee() + m.bill().iddFee(), 0, noMarketing);
    }

    /** The advisor's first offer, unless it is to stay as you are. */
    Optional<Advice.Option> offer() {
        return advice.options().stream().findFirst().filter(o -> o.kind() != Advice.Kind.STAY);
    }

    List<Advice.Reason> reasons() {
        return advice.reasons();
    }
}
