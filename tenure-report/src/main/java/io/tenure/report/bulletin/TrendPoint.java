package io.tenure.report.bulletin;

import io.tenure.core.error.TenureException;
import io.tenure.core.fourhigh.Tag;

import java.time.YearMonth;

/**
 * Province-wide holders of one tag in one month.
 *
 * @param month     billing month
 * @param tag       the tag
 * @param held      subscribers holding the tag that month
 * @param evaluated subscribers evaluated that month
 */
public record TrendPoint(YearMonth month, Tag tag, long held, long evaluated) {
    public TrendPoint {
        TenureException.require(month != null, "trend point: month must not be null");
        TenureException.require(tag != null, "trend point " + month + ": tag must not be null");
        Checks.nonNegative("trend point " + month + "/" + tag, held, evaluated);
        TenureException.require(held <= evaluated,
                "trend point " + month + "/" + tag + ": held (" + held + ") exceeds evaluated (" + evaluated + ")");
    }

    /** Subscribers holding the tag per 1,000 evaluated; 0 when nobody was evaluated. */
    public double perThousand() {
        return evaluated == 0 ? 0.0 : held * 1000.0 / evaluated;
    }
}
