package io.tenure.server.security;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.util.List;

/**
 * The part of the province a user or token sees: the whole province, one city or one county (names as in the
 * subscriber feed, e.g. 三明市 / 永安市). Every query adds {@link #where}, so a row outside it is never read.
 */
public record Region(Level level, String name) {
    public enum Level { PROVINCE, CITY, COUNTY }

    public static final Region PROVINCE = new Region(Level.PROVINCE, null);

    public Region {
        if (level == null) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "a region needs a level: PROVINCE, CITY or COUNTY");
        }
        if (level == Level.PROVINCE) {
            name = null;
        } else if (name == null || name.isBlank()) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "a " + level + " region needs the " + level.name().toLowerCase()
                    + " name as in the subscriber feed");
        } else {
            name = name.strip();
        }
    }

    public static Region of(String level, String name) {
        try {
            return new Region(Level.valueOf(level), name);
        } catch (IllegalArgumentException e) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "region level '" + level + "' is not PROVINCE, CITY or COUNTY");
        }
    }

    /**
     * SQL condition restricting rows of a table alias with city and county columns to this region, starting with
     * " AND"; empty for the province. Its parameter, if any, is {@link #params()}.
     */
    public String where(String alias) {
        String p = alias == null || alias.isEmpty() ? "" : alias + ".";
        return switch (level) {
            case PROVINCE -> "";
            case CITY -> " AND " + p + "city = ?";
            case COUNTY -> " AND " + p + "county = ?";
        };
    }

    /** The parameters of {@link #where}. */
    public List<Object> params() {
        return level == Level.PROVINCE ? List.of() : List.of(name);
    }

    /** Whether a row of this city and county lies inside the region. */
    public boolean contains(String city, String county) {
        return switch (level) {
            case PROVINCE -> true;
            case CITY -> name.equals(city);
            case COUNTY -> name.equals(county);
        };
    }

    /** Whether every row of the other region lies inside this one, given the other's city (for a county). */
    public boolean covers(Region other, String otherCity) {
        return switch (level) {
            case PROVINCE -> true;
            case CITY -> other.level == Level.CITY ? name.equals(other.name)
                    : other.level == Level.COUNTY && name.equals(otherCity);
            case COUNTY -> other.level == Level.COUNTY && name.equals(other.name);
        };
    }

    public String label() {
        return level == Level.PROVINCE ? "全省" : name;
    }
}
