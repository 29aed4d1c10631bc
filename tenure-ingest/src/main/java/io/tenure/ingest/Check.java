package io.tenure.ingest;

/**
 * One rule evaluated per row in SQL.
 *
 * @param id        number stored with a rejected row; stable for a feed
 * @param code      reason code, e.g. {@code TYPE_MONEY}
 * @param column    column the reject names
 * @param condition SQL that is true when the row breaks the rule
 * @param message   SQL text explaining the reject
 */
record Check(int id, String code, String column, String condition, String message) {
}
