package io.tenure.ingest;

/** Value kinds of the data contract, with the SQL type each is stored as. */
enum ColumnType {
    /** Free text or identifier; trimmed, empty means null. */
    STRING("VARCHAR"),
    /** Yuan with at most 2 decimals. */
    MONEY("DECIMAL(18,2)"),
    /** Whole number; {@code 12.0} is accepted since pandas writes integer columns with nulls that way. */
    INT("BIGINT"),
    /** Whole number stored as INTEGER (days, scores). */
    SMALL_INT("INTEGER"),
    /** Decimal number such as megabytes; rounded to 6 decimals. */
    DECIMAL("DECIMAL(18,6)"),
    /** {@code YYYY-MM-DD}. */
    DATE("DATE"),
    /** {@code YYYY-MM}, kept as text. */
    MONTH("VARCHAR"),
    /** ISO-8601; without an offset it is Asia/Shanghai local time. */
    TIMESTAMP("TIMESTAMPTZ"),
    /** {@code Y}/{@code N}, {@code 1}/{@code 0}, {@code true}/{@code false}, any case. */
    FLAG("BOOLEAN"),
    /** One of a fixed set of codes, any case on input, upper case stored. */
    ENUM("VARCHAR"),
    /** 11-digit phone number. */
    MSISDN("VARCHAR"),
    /** 18-character resident identity number with a GB 11643 check character. */
    ID_NUMBER("VARCHAR"),
    /** {@code ;}-separated identifiers, stored trimmed and sorted. */
    ID_LIST("VARCHAR");

    private final String sqlType;

    ColumnType(String sqlType) {
        this.sqlType = sqlType;
    }

    String sqlType() {
        return sqlType;
    }

    /** Kinds whose typed value is the trimmed text itself, so "missing" means blank text. */
    boolean textual() {
        return switch (this) {
            case STRING, MONTH, ENUM, MSISDN, ID_NUMBER, ID_LIST -> true;
            default -> false;
        };
    }
}
