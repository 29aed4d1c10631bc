package io.tenure.server.dashboard;

import io.tenure.server.security.Region;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's figures: the per-county counts each publish records ({@code daily_count}, a few thousand rows a
 * day) and the runs themselves. Every count query is limited to a region; nothing reads the subscriber tables.
 */
@Repository
public class DashboardRepository {
    /** The latest publish: its as-of date and closed month. */
    public record Run(LocalDate asOf, String month) {
    }

    /** A county of the counts, with its city. */
    public record County(String city, String county) {
    }

    /** One count row: a county's number of one kind and item on a day. */
    public record Count(String city, String county, String kind, String item, long n) {
    }

    /** A day's total of one kind and item over a region. */
    public record DayCount(LocalDate asOf, String kind, String item, long n) {
    }

    private final JdbcTemplate jdbc;

    public DashboardRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Run> latest() {
        return jdbc.query("SELECT as_of, month FROM published_run ORDER BY as_of DESC LIMIT 1",
                (r, i) -> new Run(r.getObject(1, LocalDate.class), r.getString(2))).stream().findFirst();
    }

    /** Counties with counts on the day inside the region, by city and name. */
    public List<County> counties(Region region, LocalDate asOf) {
        return jdbc.query("SELECT DISTINCT city, county FROM daily_count WHERE as_of = ?" + region.where("")
                        + " ORDER BY city, county", (r, i) -> new County(r.getString(1), r.getString(2)),
                args(region, asOf));
    }

    /** Every count of the day inside the region. */
    public List<Count> counts(Region region, LocalDate asOf) {
        return jdbc.query("SELECT city, county, kind, item, n FROM daily_count WHERE as_of = ?" + region.where(""),
                (r, i) -> new Count(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5)),
                args(region, asOf));
    }

    /** Four-high holdings per tag and high-risk subscribers per published day from {@code from}, summed over the region. */
    public List<DayCount> trend(Region region, LocalDate from) {
        return jdbc.query("SELECT as_of, kind, item, sum(n) FROM daily_count WHERE as_of >= ? "
                        + "AND (kind = 'HELD' OR (kind = 'RISK' AND item = 'HIGH'))" + region.where("")
                        + " GROUP BY as_of, kind, item ORDER BY as_of",
                (r, i) -> new DayCount(r.getObject(1, LocalDate.class), r.getString(2), r.getString(3), r.getLong(4)),
                args(region, from));
    }

    /** Published days from {@code from}, oldest first. */
    public List<LocalDate> days(LocalDate from) {
        return jdbc.query("SELECT as_of FROM published_run WHERE as_of >= ? ORDER BY as_of",
                (r, i) -> r.getObject(1, LocalDate.class), from);
    }

    private static Object[] args(Region region, Object first) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(region.params());
        return all.toArray();
    }
}
