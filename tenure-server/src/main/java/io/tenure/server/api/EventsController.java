package io.tenure.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.server.audit.AuditLog;
import io.tenure.server.security.Current;
import io.tenure.server.security.StaffUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Events the operator's systems send between daily runs: complaints, number portability events and contacts. A
 * request is one event object or an array of up to 1,000, taken whole or not at all: every value is checked first
 * (400 naming the field and the element), then every subscriber or number must be a customer inside the token's
 * region (404 otherwise, the same as an unknown one), then ids must be new (409). Accepted writes are audited.
 */
@RestController
@RequestMapping(path = "/api/events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Events", description = "Complaints, number portability events and contacts received between daily runs "
        + "(scope events:write)")
class EventsController {
    static final int MAX_BATCH = 1000;

    /** What a write answers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Accepted")
    record Accepted(@Schema(description = "events taken") int accepted,
                    @JsonProperty("opted_out") @Schema(description = "contacts only: subscribers newly opted out")
                    Integer optedOut) {
    }

    /** The answers every write documents besides its success. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = "Optional. The same key with the same "
            + "body replays the first answer without writing again; with another body the answer is 409",
            example = "7c9e6679-7425-40de-944b-e07fc1f90ae7")
    @ApiResponse(responseCode = "201", description = "taken",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "400", description = "a value breaks the data contract: the field, the element of a batch "
            + "and what to send", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "no valid token",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "403", description = "the token lacks events:write",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "a subscriber or number is unknown or outside the token's region",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "an event id was already received or repeats in the batch, or the "
            + "Idempotency-Key was used for another request",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @interface WriteAnswers {
    }

    private record Batch<T>(List<T> events, boolean array, ApiError error) {
        Integer index(int i) {
            return array ? i : null;
        }
    }

    private final LiveEvents live;
    private final Idempotency idempotency;
    private final AuditLog audit;

    EventsController(LiveEvents live, Idempotency idempotency, AuditLog audit) {
        this.live = live;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    @PostMapping(path = "/complaints", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Receive complaints", description = "One complaint or an array of up to 1,000. Each subscriber "
            + "must be a customer inside the token's region; a complaint_id already received answers 409.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(oneOf = {ComplaintEvent.class, ComplaintEvents.class}))))
    @WriteAnswers
    ResponseEntity<JsonNode> complaints(@RequestBody JsonNode body,
                                        @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                        HttpServletRequest request) {
        StaffUser token = Current.user();
        return idempotency.write(Idempotency.clientOf(token), key, "POST /api/events/complaints", body, () -> {
            Batch<ComplaintEvent> batch = read(body, ComplaintEvent::read);
            if (batch.error() != null) {
                return batch.error().answer(HttpStatus.BAD_REQUEST);
            }
            List<ComplaintEvent> events = batch.events();
            List<String> ids = events.stream().map(ComplaintEvent::complaintId).toList();
            ApiError refused = firstRepeated(batch, ids, "complaint_id");
            if (refused == null) {
                refused = firstOutside(batch, events.stream().map(ComplaintEvent::subscriberId).toList(),
                        live.subscribersIn(token.region(), events.stream().map(ComplaintEvent::subscriberId).toList()),
                        "subscriber_id", "subscriber");
            }
            if (refused == null) {
                refused = firstKnown(batch, ids, live.knownComplaints(ids), "complaint_id", "complaint");
            }
            if (refused != null) {
                return refused.answer(statusOf(refused));
            }
            Instant now = Instant.now();
            insert(() -> live.addComplaints(events, token.username(), now));
            audited(token, request, "complaints", ids);
            return ResponseEntity.status(HttpStatus.CREATED).body(new Accepted(events.size(), null));
        });
    }

    @PostMapping(path = "/port-events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Receive number portability events", description = "One event or an array of up to 1,000. "
            + "Each msisdn must be the number of a customer inside the token's region; an event_id already received "
            + "answers 409.", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(oneOf = {PortEvent.class, PortEvents.class}))))
    @WriteAnswers
    ResponseEntity<JsonNode> portEvents(@RequestBody JsonNode body,
                                        @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                        HttpServletRequest request) {
        StaffUser token = Current.user();
        return idempotency.write(Idempotency.clientOf(token), key, "POST /api/events/port-events", body, () -> {
            Batch<PortEvent> batch = read(body, PortEvent::read);
            if (batch.error() != null) {
                return batch.error().answer(HttpStatus.BAD_REQUEST);
            }
            List<PortEvent> events = batch.events();
            List<String> ids = events.stream().map(PortEvent::eventId).toList();
            List<String> numbers = events.stream().map(PortEvent::msisdn).toList();
            ApiError refused = firstRepeated(batch, ids, "event_id");
            if (refused == null) {
                refused = firstOutside(batch, numbers, live.numbersIn(token.region(), numbers), "msisdn", "number");
            }
            if (refused == null) {
                refused = firstKnown(batch, ids, live.knownPortEvents(ids), "event_id", "port event");
            }
            if (refused != null) {
                return refused.answer(statusOf(refused));
            }
            Instant now = Instant.now();
            insert(() -> live.addPortEvents(events, token.username(), now));
            audited(token, request, "port-events", ids);
            return ResponseEntity.status(HttpStatus.CREATED).body(new Accepted(events.size(), null));
        });
    }

    @PostMapping(path = "/contacts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Receive contacts", description = "One contact or an array of up to 1,000. Each subscriber must "
            + "be a customer inside the token's region. An OPTED_OUT outcome also records the subscriber's opt-out, "
            + "which takes effect at once and is kept.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(oneOf = {ContactEvent.class, ContactEvents.class}))))
    @WriteAnswers
    ResponseEntity<JsonNode> contacts(@RequestBody JsonNode body,
                                      @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                      HttpServletRequest request) {
        StaffUser token = Current.user();
        return idempotency.write(Idempotency.clientOf(token), key, "POST /api/events/contacts", body, () -> {
            Batch<ContactEvent> batch = read(body, ContactEvent::read);
            if (batch.error() != null) {
                return batch.error().answer(HttpStatus.BAD_REQUEST);
            }
            List<ContactEvent> events = batch.events();
            List<String> subscribers = events.stream().map(ContactEvent::subscriberId).toList();
            ApiError refused = firstOutside(batch, subscribers, live.subscribersIn(token.region(), subscribers),
                    "subscriber_id", "subscriber");
            if (refused != null) {
                return refused.answer(statusOf(refused));
            }
            int opted = live.addContacts(events, token.username(), Instant.now());
            audited(token, request, "contacts", events.stream().map(e -> e.subscriberId() + " " + e.channel()
                    + (e.outcome() == null ? "" : " " + e.outcome())).toList());
            return ResponseEntity.status(HttpStatus.CREATED).body(new Accepted(events.size(), opted));
        });
    }

    /** A body that is not JSON at all. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        return new ApiError(ErrorCode.INVALID_VALUE.name(), null, null, "the body is not readable JSON; send one event "
                + "as a JSON object or up to " + MAX_BATCH + " in an array (Content-Type: application/json)")
                .answer(HttpStatus.BAD_REQUEST);
    }

    static <T> Batch<T> read(JsonNode body, Function<EventReader, T> reader) {
        boolean array = body != null && body.isArray();
        if (body == null || !(body.isObject() || array)) {
            return new Batch<>(List.of(), false, invalid(null, null, "send one event as a JSON object or up to "
                    + MAX_BATCH + " in an array"));
        }
        if (array && (body.isEmpty() || body.size() > MAX_BATCH)) {
            return new Batch<>(List.of(), true, invalid(null, null, "an array must hold 1 to " + MAX_BATCH
                    + " events, got " + body.size() + "; split a larger batch into several requests"));
        }
        List<T> events = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        if (array) {
            body.forEach(nodes::add);
        } else {
            nodes.add(body);
        }
        for (int i = 0; i < nodes.size(); i++) {
            EventReader r = new EventReader(nodes.get(i));
            try {
                events.add(reader.apply(r));
            } catch (TenureException e) {
                String where = array ? "event " + i + ": " : "";
                return new Batch<>(List.of(), array, invalid(r.field(), array ? i : null, where + e.getMessage()));
            }
        }
        return new Batch<>(events, array, null);
    }

    private static ApiError invalid(String field, Integer index, String message) {
        return new ApiError(ErrorCode.INVALID_VALUE.name(), field, index, message);
    }

    private static ApiError firstRepeated(Batch<?> batch, List<String> ids, String field) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Integer earlier = first.putIfAbsent(ids.get(i), i);
            if (earlier != null) {
                return new ApiError(ErrorCode.CONFLICT.name(), field, batch.index(i), field + " '" + ids.get(i)
                        + "' appears twice in this request (elements " + earlier + " and " + i + "); send each event once");
            }
        }
        return null;
    }

    /** The first value not found inside the region: answered like an unknown one, so a region cannot be probed. */
    private static ApiError firstOutside(Batch<?> batch, List<String> values, Set<String> inRegion, String field, String what) {
        for (int i = 0; i < values.size(); i++) {
            if (!inRegion.contains(values.get(i))) {
                return new ApiError(ErrorCode.NOT_FOUND.name(), field, batch.index(i), "no " + what + " '" + values.get(i)
                        + "' among the customers of this token's region; check the " + field
                        + " (a new customer appears after the next daily run) or use a token of its region");
            }
        }
        return null;
    }

    private static ApiError firstKnown(Batch<?> batch, List<String> ids, Set<String> known, String field, String what) {
        for (int i = 0; i < ids.size(); i++) {
            if (known.contains(ids.get(i))) {
                return new ApiError(ErrorCode.CONFLICT.name(), field, batch.index(i), what + " '" + ids.get(i)
                        + "' was already received; send each event once, or repeat the first request's Idempotency-Key "
                        + "to get its answer again");
            }
        }
        return null;
    }

    private static HttpStatus statusOf(ApiError e) {
        return ErrorCode.NOT_FOUND.name().equals(e.code()) ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
    }

    /** An id taken by a request running at the same moment: refused like any repeated id. */
    private static void insert(Runnable insert) {
        try {
            insert.run();
        } catch (DuplicateKeyException e) {
            throw new TenureException(ErrorCode.CONFLICT, "an event id of this request was received by another request "
                    + "at the same moment; send each event once");
        }
    }

    private void audited(StaffUser token, HttpServletRequest request, String kind, List<String> items) {
        String target = items.size() == 1 ? kind + " " + items.get(0) : items.size() + " " + kind;
        audit.append(token.username(), AuditLog.Action.API_WRITE, target,
                items.stream().collect(Collectors.joining(", ")), Current.addr(request));
    }

    /** Documentation only: a batch of complaints. */
    @ArraySchema(schema = @Schema(implementation = ComplaintEvent.class), maxItems = MAX_BATCH)
    private static final class ComplaintEvents extends ArrayList<ComplaintEvent> {
    }

    /** Documentation only: a batch of port events. */
    @ArraySchema(schema = @Schema(implementation = PortEvent.class), maxItems = MAX_BATCH)
    private static final class PortEvents extends ArrayList<PortEvent> {
    }

    /** Documentation only: a batch of contacts. */
    @ArraySchema(schema = @Schema(implementation = ContactEvent.class), maxItems = MAX_BATCH)
    private static final class ContactEvents extends ArrayList<ContactEvent> {
    }
}
