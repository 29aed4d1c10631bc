package io.tenure.server.privacy;

/**
 * How personal information is shown: phone numbers 138****5678, names 张* (the surname only), identity numbers
 * never (they are not even published to the server).
 */
public final class Masking {
    private Masking() {
    }

    public static String phone(String msisdn) {
        if (msisdn == null || msisdn.length() < 7) {
            return msisdn == null ? null : "*".repeat(msisdn.length());
        }
        return msisdn.substring(0, 3) + "****" + msisdn.substring(msisdn.length() - 4);
    }

    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
