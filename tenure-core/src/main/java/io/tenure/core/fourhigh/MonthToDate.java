package io.tenure.core.fourhigh;

import io.tenure.core.billing.Usage;
import io.tenure.core.error.TenureException;

/**
 * Month-to-date usage of T's month (usage_daily rows dated before T) and the day of month d of the
 * latest tracked date, projected linearly to month end: mtd × daysInMonth / d.
 */
public record MonthToDate(Usage usage, int day, int daysInMonth) {
    public MonthToDate {
        TenureException.require(usage != null, "month-to-date usage is required");
        TenureException.require(daysInMonth >= 28 && daysInMonth <= 31 && day >= 1 && day <= daysInMonth,
                "tracked day " + day + " must be within the month of " + daysInMonth + " days");
    }

    public double projectedVoiceMin() {
        return (double) usage.voiceMin() * daysInMonth / day;
    }

    public double projectedDataMb() {
        return (double) usage.dataMicroMb() * daysInMonth / day / Usage.MICROS_PER_MB;
    }
}
