package io.tenure.server.lists;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A row of the early-warning list as staff see it, phone and name masked: the tag the month-to-date usage projects,
 * the last day tracked, the projected overage fee, and what the care sends or says.
 */
public record EarlyWarningRow(String subscriberId, String phone, String name, String city, String county, String tag,
                              LocalDate trackedThrough, BigDecimal projectedFee, String careAction, String channel,
                              String contactAllowed, String sms, String callNeeds, String callOffer) {
}
