package io.tenure.report.bulletin;

import io.tenure.core.error.TenureException;
import io.tenure.core.fourhigh.Tag;

/**
 * Province-wide counts of one tag for month M. Every subscriber holding the tag is either
 * {@code NEW} or {@code PERSISTENT} and has either {@code ENTERED} or {@code STAYED}; every one
 * that held it in M−1 (among those evaluated in M) has either {@code STAYED} or {@code EXITED}.
 * The constructor checks these identities.
 *
 * @param tag           the tag
 * @param held          subscribers holding the tag in M
 * @param newLevel      of which level NEW
 * @param persistent    of which level PERSISTENT
 * @param entered       of which held in M but not in M−1
 * @param stayed        held in M and in M−1
 * @param exited        held in M−1 but not in M: returned to normal (回归正常)
 * @param heldLastMonth held in M−1 among subscribers evaluated in M
 */
public record TagSummary(Tag tag, long held, long newLevel, long persistent, long entered, long stayed, long exited,
                         long heldLastMonth) {
    public TagSummary {
        TenureException.require(tag != null, "tag summary: tag must not be null");
        Checks.nonNegative("tag summary " + tag, held, newLevel, persistent, entered, stayed, exited, heldLastMonth);
        TenureException.require(newLevel + persistent == held,
                "tag summary " + tag + ": new + persistent must equal held (" + newLevel + " + " + persistent
                        + " != " + held + ")");
        TenureException.require(entered + stayed == held,
                "tag summary " + tag + ": entered + stayed must equal held (" + entered + " + " + stayed
                        + " != " + held + ")");
        TenureException.require(stayed + exited == heldLastMonth,
                "tag summary " + tag + ": stayed + exited must equal held last month (" + stayed + " + " + exited
                        + " != " + heldLastMonth + ")");
    }

    /** Return-to-normal rate (回归正常率): exited ÷ held last month, 0 when nobody held the tag last month. */
    public double returnToNormalRate() {
        return heldLastMonth == 0 ? 0.0 : (double) exited / heldLastMonth;
    }
}
