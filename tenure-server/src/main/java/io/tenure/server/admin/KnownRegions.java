package io.tenure.server.admin;

import io.tenure.server.security.Region;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.ZoneId;
import java.util.List;

/**
 * The cities and counties of the published data, so an account or token is given a region that exists (a misspelt
 * county would silently show nothing). Read from the small per-county counts of each publish, not the customers.
 */
@Repository
class KnownRegions {
    /** The province's local time, in which pages show times. */
    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;

    KnownRegions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> cities() {
        return jdbc.queryForList("SELECT DISTINCT city FROM daily_count ORDER BY city", String.class);
    }

    List<String> counties() {
        return jdbc.queryForList("SELECT DISTINCT county FROM daily_count ORDER BY county", String.class);
    }

    /** Whether the region exists in the published data; anything is taken before the first publish. */
    boolean exists(Region region) {
        List<String> known = switch (region.level()) {
            case PROVINCE -> List.of();
            case CITY -> cities();
            case COUNTY -> counties();
        };
        return known.isEmpty() || known.contains(region.name());
    }
}
