package io.tenure.report.xlsx;

/** How a list column is typed and formatted in the workbook. */
public enum CellKind {
    /** Text ({@link CharSequence}); stored as text so numbers such as phone numbers keep their digits. */
    TEXT,
    /** Amount in yuan ({@link java.math.BigDecimal} or another number), rounded half-up to 2 decimals, format {@code 0.00}. */
    MONEY,
    /** Whole number ({@link Long}, {@link Integer}, {@link Short}), format {@code 0}. */
    INTEGER,
    /** Measure such as minutes or GB ({@link java.math.BigDecimal} or another number), format {@code 0.0}. */
    DECIMAL,
    /** Fraction 0..1 ({@link java.math.BigDecimal} or another number) shown as a percentage, format {@code 0.0%}. */
    PERCENT,
    /** Calendar date ({@link java.time.LocalDate}), format {@code yyyy-mm-dd}. */
    DATE
}
