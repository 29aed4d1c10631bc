package io.tenure.engine.run;

import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A destination the daily run publishes into besides its files, such as the operations database. It runs after
 * every output is written and before the files are published, so a sink that fails publishes nothing.
 */
public interface RunSink {
    /** What a sink reads: the run's engine connection (feeds and result tables) and its staged outputs. */
    record Context(DuckDBConnection conn, Path outputs, Path work, LocalDate asOf, YearMonth month, Progress progress) {
    }

    /** A short name for progress and timings. */
    String name();

    void publish(Context context);
}
