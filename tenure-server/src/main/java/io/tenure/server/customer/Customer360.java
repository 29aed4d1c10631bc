package io.tenure.server.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything the operator knows about one subscriber, as the 360 page and the API show it. Phone number and name
 * are masked when the row is read, so the full values never reach a page or an answer; identity numbers are not
 * published to the server at all. Timestamps are Asia/Shanghai local time with their offset.
 */
@Schema(description = "Customer 360 of one subscriber (phone number and name masked)")
public record Customer360(
        @Schema(description = "as-of date of the published data") LocalDate asOf,
        Profile profile,
        @Schema(description = "the current plan; null when the plan is missing from the tariff catalogue") Plan plan,
        @Schema(description = "optional packs in the order of the subscriber's addon_ids") List<Pack> packs,
        @Schema(description = "the last 12 months of bills and usage, oldest first") List<Month> months,
        @Schema(description = "usage of the current month so far; null when there is no daily usage") MonthToDate monthToDate,
        List<Vas> vas,
        @Schema(description = "complaints from the feed and those received since, newest first") List<Complaint> complaints,
        @Schema(description = "satisfaction surveys, newest first") List<Survey> surveys,
        @Schema(description = "number portability events from the feed and those received since, newest first") List<PortEvent> portEvents,
        @Schema(description = "the 50 latest contacts from the feed and those recorded since, newest first") List<Contact> contacts,
        @Schema(description = "four-high tags of the latest closed month, returned-to-normal ones last") List<FourHigh> fourHigh,
        @Schema(description = "early warnings of the current month") List<Warning> warnings,
        @Schema(description = "port-out risk; null when the subscriber was not scored") Risk risk,
        @Schema(description = "recommended care options of the four-high tags that carry one") List<Offer> offers,
        @Schema(description = "open and call-back tasks for this subscriber") List<Task> openTasks) {

    public Customer360 {
        packs = List.copyOf(packs);
        months = List.copyOf(months);
        vas = List.copyOf(vas);
        complaints = List.copyOf(complaints);
        surveys = List.copyOf(surveys);
        portEvents = List.copyOf(portEvents);
        contacts = List.copyOf(contacts);
        fourHigh = List.copyOf(fourHigh);
        warnings = List.copyOf(warnings);
        offers = List.copyOf(offers);
        openTasks = List.copyOf(openTasks);
    }

    /** The subscriber's attributes from the snapshot; {@code phone} and {@code name} are masked. */
    public record Profile(String subscriberId, String customerId,
                          @Schema(example = "138****5678") String phone,
                          @Schema(example = "张*") String name,
                          String gender, AgeBand ageBand, String city, String county, LocalDate activationDate,
                          @Schema(description = "whole months from activation to the as-of date") int tenureMonths,
                          String status, String vipLevel, boolean realName, String ownerType, String contractKind,
                          LocalDate contractEndDate,
                          @Schema(description = "whether the minimum term still runs on the as-of date") boolean contractActive,
                          BigDecimal minSpend, String familyId, String groupId, Boolean broadbandBundle, Boolean handset5g,
                          Boolean dualSim, boolean marketingConsent, Boolean dnd,
                          @Schema(description = "when the subscriber opted out of marketing; null if never") OffsetDateTime optedOutAt,
                          BigDecimal arrears, LocalDate lastPortInDate, String accountManagerId) {
        public Profile {
            if (subscriberId == null || subscriberId.isBlank() || phone == null) {
                throw new TenureException(ErrorCode.INTERNAL, "a customer profile needs its subscriber id and masked phone number");
            }
        }

        public boolean optedOut() {
            return optedOutAt != null;
        }
    }

    /** The plan with its fees and allowances. */
    public record Plan(String planId, String name, BigDecimal monthlyFee, long voiceMin, long dataMb, long sms,
                       BigDecimal voiceRate, BigDecimal dataRatePerGb, BigDecimal smsRate, String network, boolean published) {
    }

    /** An optional pack; only the id when the catalogue does not list it. */
    public record Pack(String addonId, String name, String kind, BigDecimal monthlyFee, Long voiceMin, Long dataMb,
                       Boolean published) {
    }

    /** One month's bill (yuan) and usage. */
    public record Month(String month, BigDecimal planFee, BigDecimal addonFee, BigDecimal voiceOverageFee,
                       BigDecimal dataOverageFee, BigDecimal smsFee, BigDecimal intlRoamingFee, BigDecimal iddFee,
                       BigDecimal vasFee, BigDecimal minSpendTopup, BigDecimal discount, BigDecimal totalFee,
                       Long voiceMin, BigDecimal dataGb, Long sms, Long offnetVoiceMin, Long intlRoamingMin, Long iddMin,
                       Integer activeDays) {
    }

    /** Usage of the current month up to and including {@code through}. */
    public record MonthToDate(LocalDate through, Long voiceMin, BigDecimal dataGb, Long sms) {
    }

    public record Vas(String serviceId, String name, BigDecimal monthlyFee, LocalDate subscribedOn, LocalDate lastUsedOn,
                      Long uses30d) {
    }

    /** {@code live}: received by the server since the last feed. */
    public record Complaint(String complaintId, OffsetDateTime createdAt, String channel, String category, String text,
                            OffsetDateTime closedAt, Boolean resolved, boolean live) {
    }

    public record Survey(String surveyId, LocalDate surveyDate, int overall, Integer network, Integer tariff,
                         Integer service, Integer billing) {
    }

    public record PortEvent(String eventId, OffsetDateTime eventTime, String type, String counterpart, String channel,
                            String reason, boolean live) {
    }

    public record Contact(OffsetDateTime contactTime, String channel, String purpose, String campaignId, String actionId,
                          String outcome, boolean live) {
    }

    /** A four-high tag of month {@code month}, with its movement against the month before and the care it calls for. */
    public record FourHigh(String tag, String level, String movement, String month, BigDecimal totalFee, String reason,
                           String careAction, String channel,
                           @Schema(description = "Y: marketing allowed; N: service notices only") String contactAllowed) {
    }

    /** A recommended option: a published offer, the texts for SMS and for the call. */
    public record Offer(String tag, String careAction, String offerKind, String offer, BigDecimal savingAvg, String sms,
                        String callNeeds, String callOffer) {
    }

    public record Warning(String tag, LocalDate trackedThrough, BigDecimal projectedFee, String careAction, String channel,
                          String contactAllowed, String sms, String callNeeds, String callOffer) {
    }

    public record Risk(double probability, String band, List<String> reasons) {
        public Risk {
            if (!(probability >= 0 && probability <= 1) || band == null) {
                throw new TenureException(ErrorCode.INTERNAL, "a risk score needs a probability in [0, 1] and a band, got "
                        + probability + " / " + band);
            }
            reasons = List.copyOf(reasons);
        }
    }

    public record Task(long id, String source, LocalDate asOf, String agent, LocalDate workDate, String status,
                      OffsetDateTime callbackAt) {
    }
}
