package io.tenure.server.work;

import io.tenure.server.security.Region;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published list entries a manager asks to assign, read inside the manager's region (an entry outside it is
 * simply not found), with what a task copies: the offer, the call script (for the risk list, its reasons).
 */
@Repository
class ListEntries {
    private final JdbcTemplate jdbc;

    ListEntries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The entries of one source among these subscribers, by subscriber id. */
    Map<String, Candidate> find(String source, Collection<String> subscribers, Region region) {
        Map<String, Candidate> found = new LinkedHashMap<>();
        if (subscribers.isEmpty()) {
            return found;
        }
        List<Object> args = new ArrayList<>(subscribers);
        String in = " IN (" + TaskRepository.marks(subscribers.size()) + ")";
        switch (source) {
            case Entry.PORT_OUT_RISK -> {
                args.addAll(region.params());
                jdbc.query("SELECT r.subscriber_id, r.city, r.county, r.probability, r.vip_level, r.reasons FROM risk r "
                        + "WHERE r.subscriber_id" + in + region.where("r"), rs -> {
                            String id = rs.getString("subscriber_id");
                            found.put(id, new Candidate(new Entry(id, source), rs.getString("city"), rs.getString("county"),
                                    probability(rs, "probability"), rs.getString("vip_level"), null, null,
                                    rs.getString("reasons"), null, true));
                        }, args.toArray());
            }
            case Entry.EARLY_WARNING -> {
                args.addAll(region.params());
                // a subscriber warned for both data and voice: the larger projected fee leads the call
                jdbc.query("SELECT e.subscriber_id, e.city, e.county, r.probability, c.vip_level, e.projected_fee, "
                        + "e.call_needs, e.call_offer, e.contact_allowed FROM early_warning e "
                        + "LEFT JOIN risk r ON r.subscriber_id = e.subscriber_id "
                        + "LEFT JOIN customer c ON c.subscriber_id = e.subscriber_id WHERE e.subscriber_id" + in
                        + region.where("e") + " ORDER BY e.projected_fee DESC", rs -> {
                            String id = rs.getString("subscriber_id");
                            found.putIfAbsent(id, new Candidate(new Entry(id, source), rs.getString("city"),
                                    rs.getString("county"), probability(rs, "probability"), rs.getString("vip_level"), null,
                                    null, rs.getString("call_needs"), rs.getString("call_offer"),
                                    !"N".equals(rs.getString("contact_allowed"))));
                        }, args.toArray());
            }
            default -> {
                args.add(source);
                args.addAll(region.params());
                jdbc.query("SELECT f.subscriber_id, f.city, f.county, f.risk_probability, f.vip_level, f.saving_avg, f.offer, "
                        + "f.call_needs, f.call_offer, f.contact_allowed FROM four_high f WHERE f.subscriber_id" + in
                        + " AND f.tag = ?" + region.where("f"), rs -> {
                            String id = rs.getString("subscriber_id");
                            BigDecimal saving = rs.getBigDecimal("saving_avg");
                            found.put(id, new Candidate(new Entry(id, source), rs.getString("city"), rs.getString("county"),
                                    probability(rs, "risk_probability"), rs.getString("vip_level"), saving,
                                    rs.getString("offer"), rs.getString("call_needs"), rs.getString("call_offer"),
                                    !"N".equals(rs.getString("contact_allowed"))));
                        }, args.toArray());
            }
        }
        return found;
    }

    private static Double probability(ResultSet rs, String column) throws SQLException {
        double p = rs.getDouble(column);
        return rs.wasNull() ? null : p;
    }
}
