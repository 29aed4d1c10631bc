package io.tenure.core.fourhigh;

import io.tenure.core.billing.Contract;
import io.tenure.core.billing.Tariff;
import io.tenure.core.billing.Usage;
import io.tenure.core.error.TenureException;
import io.tenure.core.subscriber.VasSubscription;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Everything the four-high rules read about one subscriber in one month: the snapshot's tariff,
 * contract, activation date and VAS (the feeds carry no attribute history), and that month's bill
 * and usage (a missing usage row is zero usage).
 */
public record SubscriberMonth(YearMonth month, LocalDate activationDate, Tariff tariff, Contract contract,
                              MonthlyBill bill, Usage usage, List<VasSubscription> vas) {
    public SubscriberMonth {
        TenureException.require(month != null && activationDate != null && tariff != null && contract != null && bill != null,
                "subscriber month needs month, activation date, tariff, contract and bill");
        TenureException.require(bill.month().equals(month), "bill of " + bill.month() + " evaluated as " + month);
        usage = usage == null ? Usage.NONE : usage;
        vas = vas == null ? List.of() : List.copyOf(vas);
    }

    public LocalDate monthEnd() {
        return month.atEndOfMonth();
    }

    /** Days from activation to the end of the month. */
    public long tenureDays() {
        return ChronoUnit.DAYS.between(activationDate, monthEnd());
    }
}
