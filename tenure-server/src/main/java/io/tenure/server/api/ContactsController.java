package io.tenure.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.server.security.Current;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The contact history the server holds (agents' outcomes and contacts received from other systems), for the
 * warehouse to pull back into its contacts feed. Paged by the time each row was received and its id.
 */
@RestController
@Tag(name = "Contacts", description = "The contact history received or recorded by the server (scope contacts:read)")
class ContactsController {
    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;

    /** A page of contacts and where the next one starts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ContactPage")
    record Page(@JsonProperty("contacts") List<ReceivedContact> contacts,
                @JsonProperty("more")
                @Schema(description = "true when the page is full: call again with next_since and next_after_id") boolean more,
                @JsonProperty("next_since") Instant nextSince,
                @JsonProperty("next_after_id") Long nextAfterId) {
    }

    private final LiveEvents live;

    ContactsController(LiveEvents live) {
        this.live = live;
    }

    @GetMapping(path = "/api/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Contacts received since a point", description = "Contacts of customers inside the token's "
            + "region that the server received (or agents recorded) after `since`, oldest first. To read everything, "
            + "call again with the answer's next_since and next_after_id while `more` is true.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Page.class)))
    @ApiResponse(responseCode = "400", description = "since, after_id or limit unreadable",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<Object> contacts(
            @Parameter(description = "ISO-8601 instant (without an offset: Asia/Shanghai local time)",
                    example = "2026-11-20T00:00:00+08:00")
            @RequestParam(name = "since", required = false) String since,
            @Parameter(description = "with since: also rows received exactly at since with a larger id (from next_after_id)")
            @RequestParam(name = "after_id", required = false) String afterId,
            @Parameter(description = "rows per answer, 1–10000, default 1000")
            @RequestParam(name = "limit", required = false) String limit) {
        if (since == null || since.isBlank()) {
            return invalid("since", "since is required: the time after which contacts are wanted, e.g. "
                    + "2026-11-20T00:00:00+08:00 (or the next_since of the previous answer)");
        }
        Instant from;
        try {
            from = EventReader.instant("since", since.strip());
        } catch (TenureException e) {
            return invalid("since", e.getMessage());
        }
        long after;
        int rows;
        try {
            after = afterId == null || afterId.isBlank() ? -1 : Long.parseLong(afterId.strip());
        } catch (NumberFormatException e) {
            return invalid("after_id", "after_id '" + afterId + "' is not a whole number; send the next_after_id of the "
                    + "previous answer");
        }
        try {
            rows = limit == null || limit.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            rows = -1;
        }
        if (rows < 1 || rows > MAX_LIMIT) {
            return invalid("limit", "limit '" + limit + "' must be a whole number from 1 to " + MAX_LIMIT);
        }
        List<ReceivedContact> page = live.contactsSince(Current.user().region(), from, after, rows);
        ReceivedContact last = page.isEmpty() ? null : page.get(page.size() - 1);
        return ResponseEntity.ok(new Page(page, page.size() == rows, last == null ? null : last.receivedAt(),
                last == null ? null : last.id()));
    }

    private static ResponseEntity<Object> invalid(String field, String message) {
        return new ApiError(ErrorCode.INVALID_VALUE.name(), field, null, message).answer(HttpStatus.BAD_REQUEST);
    }
}
