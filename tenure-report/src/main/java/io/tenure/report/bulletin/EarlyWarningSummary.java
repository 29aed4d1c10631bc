package io.tenure.report.bulletin;

import io.tenure.core.error.TenureException;

import java.time.LocalDate;
import java.util.List;

/**
 * Daily tracking (按日跟踪) of the as-of month.
 *
 * @param trackedThrough latest {@code usage_daily} date used, {@code null} when the month has none yet
 * @param daysInMonth    days in the as-of month (28..31)
 * @param counts         warnings per county and tag
 */
public record EarlyWarningSummary(LocalDate trackedThrough, int daysInMonth, List<EarlyWarningCount> counts) {
    public EarlyWarningSummary {
        TenureException.require(daysInMonth >= 28 && daysInMonth <= 31,
                "early warnings: days in month must be 28..31, got " + daysInMonth);
        TenureException.require(trackedThrough == null || trackedThrough.lengthOfMonth() == daysInMonth,
                "early warnings: " + trackedThrough + " is in a month of " + (trackedThrough == null ? 0
                        : trackedThrough.lengthOfMonth()) + " days, not " + daysInMonth);
        TenureException.require(counts != null, "early warnings: counts must not be null");
        counts = List.copyOf(counts);
        TenureException.require(trackedThrough != null || counts.stream().allMatch(c -> c.subscribers() == 0),
                "early warnings: warnings without a tracked-through date");
    }

    /** Day of month of {@link #trackedThrough()}, 0 when nothing is tracked yet. */
    public int day() {
        return trackedThrough == null ? 0 : trackedThrough.getDayOfMonth();
    }

    /** Subscribers warned, all tags and counties. */
    public long total() {
        return counts.stream().mapToLong(EarlyWarningCount::subscribers).sum();
    }
}
