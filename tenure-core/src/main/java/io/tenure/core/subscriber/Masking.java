package io.tenure.core.subscriber;

/** Masks personal information for viewers who do not need it (张*, 138****5678). */
public final class Masking {
    private Masking() {
    }

    /** Keeps the first character (the surname) and stars the rest. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /** Keeps the first three and last four digits of an 11-digit number. */
    public static String msisdn(String msisdn) {
        if (msisdn == null || msisdn.length() < 8) {
            return msisdn == null ? null : "*".repeat(msisdn.length());
        }
        return msisdn.substring(0, 3) + "*".repeat(msisdn.length() - 7) + msisdn.substring(msisdn.length() - 4);
    }
}
