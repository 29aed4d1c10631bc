package io.tenure.ingest;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What loading one feed did.
 *
 * @param feed             feed name, e.g. {@code bills}
 * @param files            files read, relative to the data folder, in the order read (empty when the feed is absent)
 * @param encoding         encodings found, e.g. {@code UTF-8}, {@code UTF-8 BOM}, {@code GB18030}, {@code Parquet};
 *                         several are joined with {@code ", "}; {@code none} when the feed is absent
 * @param fingerprint      SHA-256 (hex) identifying the input: over each file in name order, its relative name,
 *                         size, first 64 KiB and last 64 KiB (not the whole file, which would cost seconds)
 * @param read             data rows read (loaded + rejected)
 * @param loaded           rows in the typed table
 * @param rejectedByReason reason code to rejected row count, sorted by code
 * @param warnings         things the operator should know that did not reject rows
 */
public record FeedReport(String feed, List<String> files, String encoding, String fingerprint,
                         long read, long loaded, Map<String, Long> rejectedByReason, List<String> warnings) {

    public FeedReport {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(fingerprint, "fingerprint");
        files = List.copyOf(files);
        rejectedByReason = Collections.unmodifiableMap(new TreeMap<>(rejectedByReason));
        warnings = List.copyOf(warnings);
        if (read < 0 || loaded < 0 || loaded > read) {
            throw new IllegalArgumentException("feed " + feed + ": inconsistent counts read=" + read + " loaded=" + loaded);
        }
    }

    /** Rejected rows, all reasons together. */
    public long rejected() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
