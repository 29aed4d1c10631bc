package io.tenure.server.customer;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * What another system needs on a customer's call or visit (the CRM's screen pop): who, which plan, the tags, the
 * risk, the offers and the work already open. The history (bills, usage, VAS, complaints, surveys, port events,
 * contacts) is the 360.
 */
@Schema(name = "CustomerCard")
public record CustomerCard(
        @Schema(description = "as-of date of the published data") LocalDate asOf,
        Customer360.Profile profile,
        @Schema(description = "the current plan; null when the plan is missing from the tariff catalogue") Customer360.Plan plan,
        @Schema(description = "usage of the current month so far; null when there is no daily usage") Customer360.MonthToDate monthToDate,
        @Schema(description = "four-high tags of the latest closed month, returned-to-normal ones last") List<Customer360.FourHigh> fourHigh,
        @Schema(description = "early warnings of the current month") List<Customer360.Warning> warnings,
        @Schema(description = "port-out risk; null when the subscriber was not scored") Customer360.Risk risk,
        @Schema(description = "recommended care options of the four-high tags that carry one") List<Customer360.Offer> offers,
        @Schema(description = "open and call-back tasks for this subscriber") List<Customer360.Task> openTasks) {
    public CustomerCard {
        fourHigh = List.copyOf(fourHigh);
        warnings = List.copyOf(warnings);
        offers = List.copyOf(offers);
        openTasks = List.copyOf(openTasks);
    }
}
