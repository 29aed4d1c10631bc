package io.tenure.generator;

import io.tenure.core.error.TenureException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generation run wrote.
 *
 * @param out         the data folder
 * @param rowsPerFeed data rows per feed (headers excluded), in the contract's feed order
 * @param elapsed     wall time of the run
 */
public record GenerationReport(Path out, Map<String, Long> rowsPerFeed, Duration elapsed) {
    public GenerationReport {
        TenureException.require(out != null, "report needs the output folder");
        TenureException.require(rowsPerFeed != null, "report needs the rows per feed");
        TenureException.require(elapsed != null && !elapsed.isNegative(), "report needs a non-negative elapsed time");
        rowsPerFeed = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerFeed));
    }

    /** Rows over all feeds. */
    public long totalRows() {
        return rowsPerFeed.values().stream().mapToLong(Long::longValue).sum();
    }
}
