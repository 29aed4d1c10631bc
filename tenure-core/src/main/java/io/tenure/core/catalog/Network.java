package io.tenure.core.catalog;

/** Radio generation a plan is sold for. */
public enum Network { G4, G5;

    /** Parses the contract's spelling ({@code 4G} / {@code 5G}). */
    public static Network parse(String s) {
        return switch (s) {
            case "4G" -> G4;
            case "5G" -> G5;
            default -> throw io.tenure.core.error.TenureException.invalid("network must be 4G or 5G, got '" + s + "'");
        };
    }

    public String label() {
        return this == G4 ? "4G" : "5G";
    }
}
