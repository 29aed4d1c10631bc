package io.tenure.report.xlsx;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.function.Supplier;

/** Checks a row value against its column kind and turns it into what the cell stores. */
final class CellValues {
    private CellValues() {
    }

    /**
     * The value to store: a {@link String} for TEXT, a {@link LocalDate} for DATE, a {@link Double}
     * otherwise, or {@code null} for an empty cell.
     */
    static Object convert(ColumnSpec column, Object value, Supplier<String> where) {
        if (value == null) {
            return null;
        }
        return switch (column.kind()) {
            case TEXT -> {
                if (value instanceof CharSequence cs) {
                    yield cs.toString();
                }
                throw mismatch(column, value, where, "text");
            }
            case DATE -> {
                if (value instanceof LocalDate d) {
                    yield d;
                }
                throw mismatch(column, value, where, "a LocalDate");
            }
            case INTEGER -> {
                BigDecimal d = decimal(column, value, where);
                if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
                    throw mismatch(column, value, where, "a whole number");
                }
                yield d.doubleValue();
            }
            // Rounded here so the stored value is exactly what the 0.00 format shows.
            case MONEY -> decimal(column, value, where).setScale(2, RoundingMode.HALF_UP).doubleValue();
            case DECIMAL, PERCENT -> decimal(column, value, where).doubleValue();
        };
    }

    private static BigDecimal decimal(ColumnSpec column, Object value, Supplier<String> where) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                return BigDecimal.valueOf(d);
            }
        }
        throw mismatch(column, value, where, "a finite number");
    }

    private static TenureException mismatch(ColumnSpec column, Object value, Supplier<String> where, String expected) {
        return new TenureException(ErrorCode.INVALID_VALUE, where.get() + " column '" + column.header() + "' ("
                + column.kind() + ") expects " + expected + ", got " + value.getClass().getSimpleName()
                + " '" + value + "'");
    }
}
