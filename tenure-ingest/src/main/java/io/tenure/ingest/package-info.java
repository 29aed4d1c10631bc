/**
 * Feed ingestion: finds the feeds of the input data contract in a data folder, decodes them
 * (UTF-8 with or without BOM, GBK/GB18030, Parquet), checks every row against the contract and loads
 * typed tables into a DuckDB connection, with every rejected row kept in a {@code rejects} table.
 *
 * <p>Entry point: {@link io.tenure.ingest.FeedLoader}. The scanning and checking run inside DuckDB as
 * set-based SQL, so memory stays with DuckDB (bounded by its {@code memory_limit}, spilling to its
 * {@code temp_directory}) and the Java heap does not grow with the data.
 */
package io.tenure.ingest;
