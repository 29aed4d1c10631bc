package io.tenure.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A contact the server holds (an agent's recorded outcome or one received by the API), as the warehouse pulls it back. */
@Schema(name = "ReceivedContact")
record ReceivedContact(@JsonProperty("id") long id,
                       @JsonProperty("subscriber_id") String subscriberId,
                       @JsonProperty("contact_time") Instant contactTime,
                       @JsonProperty("channel") @Schema(example = "CALL") String channel,
                       @JsonProperty("purpose") @Schema(example = "MARKETING") String purpose,
                       @JsonProperty("campaign_id") String campaignId,
                       @JsonProperty("action_id") String actionId,
                       @JsonProperty("outcome") @Schema(example = "ACCEPTED") String outcome,
                       @JsonProperty("task_id") @Schema(description = "the task an agent recorded it on") Long taskId,
                       @JsonProperty("source") @Schema(description = "who recorded it: an agent's task or an API token")
                       String source,
                       @JsonProperty("received_at") Instant receivedAt) {
}
