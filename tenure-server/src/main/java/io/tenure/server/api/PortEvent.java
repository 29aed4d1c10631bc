package io.tenure.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tenure.core.error.TenureException;

import java.time.Instant;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A number portability event (携号转网) from the portability platform: an eligibility query or an authorisation code
 * request is a retention moment (rules §3), so it should reach the server before the next daily run.
 */
@Schema(name = "PortEvent", description = "A number portability event, as in the data contract's mnp_events feed")
record PortEvent(
        @JsonProperty("event_id") @Schema(requiredMode = REQUIRED, maxLength = 64, example = "P2026112000042") String eventId,
        @JsonProperty("msisdn") @Schema(requiredMode = REQUIRED, pattern = "^\\d{11}$", example = "13812345678") String msisdn,
        @JsonProperty("event_time") @Schema(requiredMode = REQUIRED, type = "string", example = "2026-11-20T10:05:00+08:00",
                description = "ISO-8601; without an offset it is Asia/Shanghai local time") Instant eventTime,
        @JsonProperty("type") @Schema(requiredMode = REQUIRED) Type type,
        @JsonProperty("counterpart") @Schema(description = "the other operator, for PORT_OUT and PORT_IN") Operator counterpart,
        @JsonProperty("channel") Channel channel,
        @JsonProperty("reason") @Schema(maxLength = 1000, example = "外地工作，换用当地运营商") String reason) {
    /** Eligibility query, authorisation code issued, ported out, ported in, cancelled. */
    enum Type { QUERY, AUTH_CODE, PORT_OUT, PORT_IN, CANCELLED }

    enum Operator { CMCC, CUCC, CTCC, CBN }

    enum Channel { SMS, APP, STORE }

    static final List<String> FIELDS = List.of("event_id", "msisdn", "event_time", "type", "counterpart", "channel", "reason");

    PortEvent {
        TenureException.require(eventId != null && msisdn != null && eventTime != null && type != null,
                "a port event needs event_id, msisdn, event_time and type");
        TenureException.require(msisdn.matches("\\d{11}"), "a port event's msisdn must be 11 digits");
    }

    static PortEvent read(EventReader r) {
        r.only(FIELDS);
        return new PortEvent(r.text("event_id", true, 64), r.msisdn("msisdn"), r.time("event_time", true),
                r.code("type", Type.class, true), r.code("counterpart", Operator.class, false),
                r.code("channel", Channel.class, false), r.text("reason", false, 1000));
    }
}
