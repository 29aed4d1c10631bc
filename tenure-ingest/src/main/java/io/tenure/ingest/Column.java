package io.tenure.ingest;

import java.util.List;
import java.util.Objects;

/**
 * One column of a feed as the contract defines it.
 *
 * @param name     lower-case column name
 * @param type     value kind
 * @param required whether a null is rejected
 * @param allowed  allowed codes of an {@link ColumnType#ENUM}, upper case
 * @param min      smallest allowed numeric value, or null
 * @param max      largest allowed numeric value, or null
 * @param fallback SQL literal stored instead of null, or null to keep nulls
 */
record Column(String name, ColumnType type, boolean required, List<String> allowed, Long min, Long max, String fallback) {

    Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        allowed = List.copyOf(allowed);
        if (type == ColumnType.ENUM && allowed.isEmpty()) {
            throw new IllegalArgumentException(name + ": an enumeration needs its codes");
        }
        if ((min != null || max != null) && !numeric(type)) {
            throw new IllegalArgumentException(name + ": a range needs a numeric column");
        }
    }

    static Column req(String name, ColumnType type) {
        return new Column(name, type, true, List.of(), null, null, null);
    }

    static Column opt(String name, ColumnType type) {
        return new Column(name, type, false, List.of(), null, null, null);
    }

    static Column reqEnum(String name, String... codes) {
        return new Column(name, ColumnType.ENUM, true, List.of(codes), null, null, null);
    }

    static Column optEnum(String name, String... codes) {
        return new Column(name, ColumnType.ENUM, false, List.of(codes), null, null, null);
    }

    Column atLeast(long value) {
        return new Column(name, type, required, allowed, value, max, fallback);
    }

    Column between(long low, long high) {
        return new Column(name, type, required, allowed, low, high, fallback);
    }

    /** Stores the SQL literal instead of null. */
    Column orElse(String literal) {
        return new Column(name, type, required, allowed, min, max, literal);
    }

    private static boolean numeric(ColumnType type) {
        return switch (type) {
            case MONEY, INT, SMALL_INT, DECIMAL -> true;
            default -> false;
        };
    }
}
