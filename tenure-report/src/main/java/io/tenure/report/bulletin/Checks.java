package io.tenure.report.bulletin;

import io.tenure.core.error.TenureException;

/** Validation shared by the bulletin records. */
final class Checks {
    private Checks() {
    }

    static void nonNegative(String what, long... values) {
        for (long v : values) {
            TenureException.require(v >= 0, what + ": counts must not be negative");
        }
    }

    static String text(String value, String name) {
        TenureException.require(value != null && !value.isBlank(), name + " must not be empty");
        return value.strip();
    }
}
