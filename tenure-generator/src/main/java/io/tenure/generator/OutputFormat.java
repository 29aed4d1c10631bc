package io.tenure.generator;

/** File format of the generated feeds. */
public enum OutputFormat {
    /** RFC 4180 CSV in the chosen encoding. */
    CSV,
    /** Apache Parquet (always UTF-8), typed columns. */
    PARQUET
}
