package io.tenure.server.lists;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenure.server.ServerSettings;
import io.tenure.server.api.ApiError;
import io.tenure.server.security.Current;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lists for other systems (CRM, outbound platform): same filters as the pages, inside the token's region, masked. */
@RestController
@RequestMapping("/api/lists")
@Tag(name = "Lists", description = "The published four-high, port-out risk and early-warning lists of the token's region")
class ListsApi {
    static final int MAX_SIZE = 500;

    /** One page of a list. */
    record Answer<T>(LocalDate asOf, int page, int size, long total, List<T> rows) {
    }

    private final ListRepository lists;
    private final ServerSettings settings;

    ListsApi(ListRepository lists, ServerSettings settings) {
        this.lists = lists;
        this.settings = settings;
    }

    @ApiResponse(responseCode = "400", description = "a value cannot be used: the field and what to send",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @GetMapping("/four-high")
    @Operation(summary = "Four-high list (四高清单)", description = "Rows sorted by county, tag and subscriber; phone and name "
            + "masked. Filters: tag, level, movement, county, band (risk band), vip, careAction, channel, contactAllowed (Y/N). "
            + "A county outside the token's region gives no rows. Needs scope lists:read.")
    public ResponseEntity<Object> fourHigh(
            @Parameter(description = "filters, and page (from 1) and size (1–500, default the page size, 50)") @RequestParam Map<String, String> params) {
        return answer(Listing.FOUR_HIGH, params);
    }

    @ApiResponse(responseCode = "400", description = "a value cannot be used: the field and what to send",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @GetMapping("/risk")
    @Operation(summary = "Port-out risk list (携转风险)", description = "Rows sorted by probability, highest first; phone and "
            + "name masked. Filters: county, band (HIGH/MEDIUM/LOW), vip, tag (a four-high tag the subscriber also carries). "
            + "Needs scope lists:read.")
    public ResponseEntity<Object> risk(
            @Parameter(description = "filters, and page (from 1) and size (1–500, default the page size, 50)") @RequestParam Map<String, String> params) {
        return answer(Listing.RISK, params);
    }

    @ApiResponse(responseCode = "400", description = "a value cannot be used: the field and what to send",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @GetMapping("/early-warning")
    @Operation(summary = "Early-warning list (超套预警)", description = "Subscribers whose month-to-date usage, projected to "
            + "the month's end, reaches the high-data or high-tariff threshold: care before the bill. Rows sorted by county, "
            + "projected fee (highest first) and subscriber; phone and name masked. Filters: county, tag (HIGH_DATA or "
            + "HIGH_TARIFF), channel, contactAllowed (Y/N). Needs scope lists:read.")
    public ResponseEntity<Object> earlyWarning(
            @Parameter(description = "filters, and page (from 1) and size (1–500, default the page size, 50)") @RequestParam Map<String, String> params) {
        return answer(Listing.EARLY_WARNING, params);
    }

    private ResponseEntity<Object> answer(Listing<?> list, Map<String, String> params) {
        Optional<ApiError> problem = list.problem(params)
                .or(() -> number(params, "page", 1, 100_000))
                .or(() -> number(params, "size", 1, MAX_SIZE));
        if (problem.isPresent()) {
            return ResponseEntity.badRequest().body(problem.get());
        }
        int page = params.containsKey("page") ? Integer.parseInt(params.get("page").strip()) : 1;
        int size = params.containsKey("size") ? Integer.parseInt(params.get("size").strip()) : settings.pageSize();
        ListPage<?> rows = lists.page(list, Current.user().region(), ListFilter.from(params), page, size);
        return ResponseEntity.ok(new Answer<>(lists.asOf().orElse(null), page, size, rows.total(), rows.rows()));
    }

    private static Optional<ApiError> number(Map<String, String> params, String field, int min, int max) {
        String v = params.get(field);
        if (v == null) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        return Optional.of(ListFilter.invalid(field, field + " must be a whole number from " + min + " to " + max));
    }
}
