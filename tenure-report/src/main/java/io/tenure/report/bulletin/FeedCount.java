package io.tenure.report.bulletin;

import io.tenure.core.error.TenureException;

import java.util.Map;

/**
 * Load result of one input feed.
 *
 * @param feed             feed name (e.g. {@code bills})
 * @param read             rows read
 * @param loaded           rows loaded
 * @param rejected         rows rejected
 * @param rejectedByReason rejected rows per reason
 */
public record FeedCount(String feed, long read, long loaded, long rejected, Map<String, Long> rejectedByReason) {
    public FeedCount {
        feed = Checks.text(feed, "feed count: feed");
        Checks.nonNegative("feed " + feed, read, loaded, rejected);
        TenureException.require(loaded + rejected <= read,
                "feed " + feed + ": loaded + rejected (" + (loaded + rejected) + ") exceeds rows read (" + read + ")");
        TenureException.require(rejectedByReason != null, "feed " + feed + ": rejected-by-reason must not be null");
        rejectedByReason = Map.copyOf(rejectedByReason);
        for (Map.Entry<String, Long> e : rejectedByReason.entrySet()) {
            TenureException.require(!e.getKey().isBlank() && e.getValue() >= 0,
                    "feed " + feed + ": reject reasons need a name and a count of 0 or more");
        }
    }

    /** Rejected ÷ read, 0 when nothing was read. */
    public double rejectRate() {
        return read == 0 ? 0.0 : (double) rejected / read;
    }
}
