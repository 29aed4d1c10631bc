package io.tenure.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tenure.core.error.TenureException;

import java.time.Instant;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A contact with a subscriber made by another system (SMS platform, CRM, stores). An {@code OPTED_OUT} outcome
 * also records the opt-out, which takes effect at once and is kept (rules §4).
 */
@Schema(name = "Contact", description = "A contact, as in the data contract's contacts feed")
record ContactEvent(
        @JsonProperty("subscriber_id") @Schema(requiredMode = REQUIRED, maxLength = 64, example = "S000001234")
        String subscriberId,
        @JsonProperty("contact_time") @Schema(requiredMode = REQUIRED, type = "string", example = "2026-11-20T10:30:00+08:00",
                description = "ISO-8601; without an offset it is Asia/Shanghai local time") Instant contactTime,
        @JsonProperty("channel") @Schema(requiredMode = REQUIRED) Channel channel,
        @JsonProperty("purpose") Purpose purpose,
        @JsonProperty("campaign_id") @Schema(maxLength = 64) String campaignId,
        @JsonProperty("action_id") @Schema(maxLength = 64) String actionId,
        @JsonProperty("outcome") @Schema(description = "OPTED_OUT also records the subscriber's opt-out") Outcome outcome) {
    enum Channel { SMS, CALL, APP, MANAGER, STORE }

    enum Purpose { MARKETING, SERVICE }

    enum Outcome { SENT, DELIVERED, ANSWERED, ACCEPTED, DECLINED, UNREACHABLE, OPTED_OUT }

    static final List<String> FIELDS = List.of("subscriber_id", "contact_time", "channel", "purpose", "campaign_id",
            "action_id", "outcome");

    ContactEvent {
        TenureException.require(subscriberId != null && contactTime != null && channel != null,
                "a contact needs subscriber_id, contact_time and channel");
    }

    static ContactEvent read(EventReader r) {
        r.only(FIELDS);
        return new ContactEvent(r.text("subscriber_id", true, 64), r.time("contact_time", true),
                r.code("channel", Channel.class, true), r.code("purpose", Purpose.class, false),
                r.text("campaign_id", false, 64), r.text("action_id", false, 64), r.code("outcome", Outcome.class, false));
    }

    boolean optsOut() {
        return outcome == Outcome.OPTED_OUT;
    }
}
