package io.tenure.ingest;

import java.util.function.Function;

/**
 * A check over several columns of one row.
 *
 * @param code      reason code written to the rejects
 * @param column    column the reject names
 * @param condition SQL that is true for a bad row, given the row's values
 * @param message   SQL text explaining the reject, given the row's values
 */
record RowRule(String code, String column, Function<Values, String> condition, Function<Values, String> message) {
}
