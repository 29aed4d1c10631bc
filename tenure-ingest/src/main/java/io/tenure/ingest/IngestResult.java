package io.tenure.ingest;

import java.util.List;

/**
 * Outcome of {@link FeedLoader#loadAll}: one report per feed of the data contract, in load order.
 */
public record IngestResult(List<FeedReport> feeds) {

    public IngestResult {
        feeds = List.copyOf(feeds);
    }

    /** The report of the named feed. */
    public FeedReport feed(String name) {
        return feeds.stream().filter(f -> f.feed().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no feed named '" + name + "'; feeds are "
                        + feeds.stream().map(FeedReport::feed).toList()));
    }

    /** Rejected rows over all feeds. */
    public long totalRejected() {
        return feeds.stream().mapToLong(FeedReport::rejected).sum();
    }
}
