package io.tenure.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tenure.core.error.TenureException;

import java.time.Instant;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** A complaint received by the operator's systems between daily runs (the data contract's complaints feed). */
@Schema(name = "Complaint", description = "A complaint, as in the data contract's complaints feed")
record ComplaintEvent(
        @JsonProperty("complaint_id") @Schema(requiredMode = REQUIRED, maxLength = 64, example = "C2026112000017")
        String complaintId,
        @JsonProperty("subscriber_id") @Schema(requiredMode = REQUIRED, maxLength = 64, example = "S000001234")
        String subscriberId,
        @JsonProperty("created_at") @Schema(requiredMode = REQUIRED, type = "string", example = "2026-11-20T09:30:00+08:00",
                description = "ISO-8601; without an offset it is Asia/Shanghai local time") Instant createdAt,
        @JsonProperty("channel") Channel channel,
        @JsonProperty("category") @Schema(maxLength = 200, example = "资费争议") String category,
        @JsonProperty("text") @Schema(maxLength = 4000, example = "套餐外流量费过高") String text,
        @JsonProperty("closed_at") @Schema(type = "string", example = "2026-11-20T15:00:00+08:00",
                description = "ISO-8601, not before created_at; null while open") Instant closedAt,
        @JsonProperty("resolved") @Schema(description = "true/false (Y/N and 1/0 accepted)") Boolean resolved) {
    /** Where the complaint was made. */
    enum Channel { HOTLINE, APP, STORE, REGULATOR }

    static final List<String> FIELDS = List.of("complaint_id", "subscriber_id", "created_at", "channel", "category", "text",
            "closed_at", "resolved");

    ComplaintEvent {
        TenureException.require(complaintId != null && subscriberId != null && createdAt != null,
                "a complaint needs complaint_id, subscriber_id and created_at");
        TenureException.require(closedAt == null || !closedAt.isBefore(createdAt), "a complaint cannot close before it is made");
    }

    static ComplaintEvent read(EventReader r) {
        r.only(FIELDS);
        String id = r.text("complaint_id", true, 64);
        String subscriber = r.text("subscriber_id", true, 64);
        Instant created = r.time("created_at", true);
        Channel channel = r.code("channel", Channel.class, false);
        String category = r.text("category", false, 200);
        String text = r.text("text", false, 4000);
        Instant closed = r.time("closed_at", false);
        r.require("closed_at", closed == null || !closed.isBefore(created), "closed_at " + closed + " is before created_at "
                + created + "; send the time the complaint was closed, or null while it is open");
        Boolean resolved = r.flag("resolved");
        return new ComplaintEvent(id, subscriber, created, channel, category, text, closed, resolved);
    }
}
