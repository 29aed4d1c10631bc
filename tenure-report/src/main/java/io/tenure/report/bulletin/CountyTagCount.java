package io.tenure.report.bulletin;

import io.tenure.core.error.TenureException;
import io.tenure.core.fourhigh.Tag;

/**
 * Counts of one tag in one county for month M.
 *
 * @param city      city (地市)
 * @param county    county (区县)
 * @param tag       the tag
 * @param held      subscribers holding the tag
 * @param entered   of which entered since M−1
 * @param stayed    of which held in M−1 too
 * @param exited    held in M−1, not in M (returned to normal)
 * @param evaluated subscribers evaluated in the county (the same for every tag of the county)
 */
public record CountyTagCount(String city, String county, Tag tag, long held, long entered, long stayed, long exited,
                             long evaluated) {
    public CountyTagCount {
        city = Checks.text(city, "county count: city");
        county = Checks.text(county, "county count: county");
        TenureException.require(tag != null, "county count " + city + "/" + county + ": tag must not be null");
        String what = "county count " + city + "/" + county + "/" + tag;
        Checks.nonNegative(what, held, entered, stayed, exited, evaluated);
        TenureException.require(entered + stayed == held, what + ": entered + stayed must equal held");
        TenureException.require(held <= evaluated, what + ": held (" + held + ") exceeds evaluated (" + evaluated + ")");
    }

    /** Subscribers holding the tag per 1,000 evaluated; 0 when nobody was evaluated. */
    public double perThousand() {
        return evaluated == 0 ? 0.0 : held * 1000.0 / evaluated;
    }
}
