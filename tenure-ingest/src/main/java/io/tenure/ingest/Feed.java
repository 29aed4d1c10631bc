package io.tenure.ingest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One feed of the data contract and how its typed table is built.
 *
 * @param name     feed and table name
 * @param required whether a missing feed stops the load
 * @param columns  contract columns
 * @param output   typed table columns in order; {@code sub_idx} is the subscriber index, the others are contract columns
 * @param key      typed columns that must be unique (empty when the contract names no key)
 * @param order    physical order of the typed table (empty: any)
 * @param link     how the feed relates to subscribers
 * @param rowRules checks spanning several columns
 */
record Feed(String name, boolean required, List<Column> columns, List<String> output, List<String> key,
            List<String> order, Link link, List<RowRule> rowRules) {

    /** Relation of a feed to the subscriber snapshot. */
    enum Link {
        /** No subscriber reference. */
        NONE,
        /** The snapshot itself: assigns {@code sub_idx}, refers to plans and addons. */
        SNAPSHOT,
        /** Rows of one subscriber: {@code subscriber_id} must exist, {@code sub_idx} is looked up. */
        SUBSCRIBER
    }

    static final String SUB_IDX = "sub_idx";

    Feed {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        output = List.copyOf(output);
        key = List.copyOf(key);
        order = List.copyOf(order);
        rowRules = List.copyOf(rowRules);
        List<String> names = columns.stream().map(Column::name).toList();
        for (String c : output) {
            if (!c.equals(SUB_IDX) && !names.contains(c)) {
                throw new IllegalArgumentException(name + ": output column " + c + " is not a contract column");
            }
        }
    }

    Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** SQL type of a typed table column. */
    String sqlType(String outputColumn) {
        return outputColumn.equals(SUB_IDX) ? "BIGINT" : column(outputColumn).orElseThrow().type().sqlType();
    }

    /** True when the typed table is sorted by the key first, so duplicates are neighbours. */
    boolean keyLeadsOrder() {
        return !key.isEmpty() && order.size() >= key.size() && order.subList(0, key.size()).equals(key);
    }
}
