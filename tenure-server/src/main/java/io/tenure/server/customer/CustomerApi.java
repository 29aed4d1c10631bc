package io.tenure.server.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenure.server.security.Current;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The customer 360 for other systems (CRM, call centre): a token with scope customers:read, inside its region. */
@RestController
@Tag(name = "customers", description = "Customer 360 inside the token's region; phone numbers and names masked")
class CustomerApi {
    private final Customers customers;

    CustomerApi(Customers customers) {
        this.customers = customers;
    }

    @GetMapping(value = "/api/customers/{subscriber_id}", produces = "application/json")
    @Operation(summary = "Look a customer up: the card of one subscriber",
            description = "Profile (phone number and name masked, age band instead of the birth date), plan, month-to-date "
                    + "usage, four-high tags, early warnings, port-out risk with its reasons, recommended options and open "
                    + "tasks: what a CRM shows when the customer calls. The history is GET /api/customers/{subscriber_id}/360. "
                    + "Needs scope customers:read; a subscriber outside the token's region answers 404 like a missing one. "
                    + "Every call is audited.")
    @ApiResponse(responseCode = "200", description = "the subscriber's card")
    @ApiResponse(responseCode = "401", description = "no or unknown bearer token", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "the token lacks scope customers:read", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "no such subscriber in the token's region", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    CustomerCard card(@Parameter(description = "the subscriber id of the feeds", example = "S000000401")
                      @PathVariable("subscriber_id") String subscriberId, HttpServletRequest request) {
        return customers.card(Current.user(), subscriberId, "api", Current.addr(request));
    }

    @GetMapping(value = "/api/customers/{subscriber_id}/360", produces = "application/json")
    @Operation(summary = "Customer 360 of one subscriber",
            description = "The card plus the history: packs, bills and usage by month, value-added services, complaints, "
                    + "surveys, port events and the latest 50 contacts (those received since the feed included). Dates are "
                    + "ISO-8601; timestamps carry their offset (Asia/Shanghai). Needs scope customers:read; a subscriber "
                    + "outside the token's region answers 404 like a missing one. Every call is audited.")
    @ApiResponse(responseCode = "200", description = "the subscriber's 360")
    @ApiResponse(responseCode = "401", description = "no or unknown bearer token", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "the token lacks scope customers:read", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "no such subscriber in the token's region", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    Customer360 get(@Parameter(description = "the subscriber id of the feeds", example = "S000000401")
                    @PathVariable("subscriber_id") String subscriberId, HttpServletRequest request) {
        return customers.view(Current.user(), subscriberId, "api", Current.addr(request));
    }

    /** The error answer every API call shares (written by the error handler). */
    @Schema(name = "Error")
    record ErrorBody(@Schema(example = "NOT_FOUND") String code, String message) {
    }
}
