package io.tenure.server.api;

import io.tenure.server.security.Region;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the server receives between daily runs ({@code live_complaint}, {@code live_port_event}, {@code live_contact},
 * {@code opt_out}), and the region checks before it is taken: a subscriber or number must belong to a customer of
 * the published snapshot inside the caller's region, read through the region's condition so nothing outside it is
 * ever read.
 */
@Repository
class LiveEvents {
    /** Values per IN list: well below every driver's parameter limit. */
    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;

    LiveEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Those of the subscribers that are customers inside the region. */
    Set<String> subscribersIn(Region region, Collection<String> subscriberIds) {
        return in("SELECT c.subscriber_id FROM customer c WHERE c.subscriber_id IN (%s)" + region.where("c"), subscriberIds,
                region.params());
    }

    /** Those of the numbers that belong to a customer inside the region. */
    Set<String> numbersIn(Region region, Collection<String> msisdns) {
        return in("SELECT c.msisdn FROM customer c WHERE c.msisdn IN (%s)" + region.where("c"), msisdns, region.params());
    }

    /** Those of the complaint ids already received. */
    Set<String> knownComplaints(Collection<String> ids) {
        return in("SELECT complaint_id FROM live_complaint WHERE complaint_id IN (%s)", ids, List.of());
    }

    /** Those of the port event ids already received. */
    Set<String> knownPortEvents(Collection<String> ids) {
        return in("SELECT event_id FROM live_port_event WHERE event_id IN (%s)", ids, List.of());
    }

    void addComplaints(List<ComplaintEvent> events, String source, Instant now) {
        jdbc.batchUpdate("INSERT INTO live_complaint (complaint_id, subscriber_id, created_at, channel, category, text, "
                        + "closed_at, resolved, source, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events, CHUNK,
                (ps, e) -> {
                    ps.setString(1, e.complaintId());
                    ps.setString(2, e.subscriberId());
                    ps.setTimestamp(3, Timestamp.from(e.createdAt()));
                    ps.setString(4, e.channel() == null ? null : e.channel().name());
                    ps.setString(5, e.category());
                    ps.setString(6, e.text());
                    ps.setTimestamp(7, e.closedAt() == null ? null : Timestamp.from(e.closedAt()));
                    ps.setObject(8, e.resolved(), java.sql.Types.BOOLEAN);
                    ps.setString(9, source);
                    ps.setTimestamp(10, Timestamp.from(now));
                });
    }

    void addPortEvents(List<PortEvent> events, String source, Instant now) {
        jdbc.batchUpdate("INSERT INTO live_port_event (event_id, msisdn, event_time, type, counterpart, channel, reason, "
                        + "source, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", events, CHUNK,
                (ps, e) -> {
                    ps.setString(1, e.eventId());
                    ps.setString(2, e.msisdn());
                    ps.setTimestamp(3, Timestamp.from(e.eventTime()));
                    ps.setString(4, e.type().name());
                    ps.setString(5, e.counterpart() == null ? null : e.counterpart().name());
                    ps.setString(6, e.channel() == null ? null : e.channel().name());
                    ps.setString(7, e.reason());
                    ps.setString(8, source);
                    ps.setTimestamp(9, Timestamp.from(now));
                });
    }

    /** Adds the contacts; returns how many subscribers were newly opted out by them. */
    int addContacts(List<ContactEvent> events, String source, Instant now) {
        jdbc.batchUpdate("INSERT INTO live_contact (subscriber_id, contact_time, channel, purpose, campaign_id, action_id, "
                        + "outcome, source, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", events, CHUNK,
                (ps, e) -> {
                    ps.setString(1, e.subscriberId());
                    ps.setTimestamp(2, Timestamp.from(e.contactTime()));
                    ps.setString(3, e.channel().name());
                    ps.setString(4, e.purpose() == null ? null : e.purpose().name());
                    ps.setString(5, e.campaignId());
                    ps.setString(6, e.actionId());
                    ps.setString(7, e.outcome() == null ? null : e.outcome().name());
                    ps.setString(8, source);
                    ps.setTimestamp(9, Timestamp.from(now));
                });
        int opted = 0;
        for (ContactEvent e : events) {
            if (e.optsOut()) {
                // the first opt-out is kept as it was; a later one changes nothing
                opted += jdbc.update("INSERT INTO opt_out (subscriber_id, at, source) SELECT ?, ?, ? WHERE NOT EXISTS "
                                + "(SELECT 1 FROM opt_out WHERE subscriber_id = ?)", e.subscriberId(),
                        Timestamp.from(e.contactTime()), source, e.subscriberId());
            }
        }
        return opted;
    }

    /**
     * Contacts received inside the region after a point, oldest first: after {@code since}, or at {@code since} with
     * an id above {@code afterId}, so a client paging by the last row's time and id misses and repeats nothing.
     */
    List<ReceivedContact> contactsSince(Region region, Instant since, long afterId, int limit) {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(since), Timestamp.from(since), afterId));
        args.addAll(region.params());
        args.add(limit);
        return jdbc.query("SELECT lc.id, lc.subscriber_id, lc.contact_time, lc.channel, lc.purpose, lc.campaign_id, "
                        + "lc.action_id, lc.outcome, lc.task_id, lc.source, lc.received_at FROM live_contact lc "
                        + "JOIN customer c ON c.subscriber_id = lc.subscriber_id "
                        + "WHERE (lc.received_at > ? OR (lc.received_at = ? AND lc.id > ?))" + region.where("c")
                        + " ORDER BY lc.received_at, lc.id LIMIT ?",
                (r, i) -> new ReceivedContact(r.getLong(1), r.getString(2), r.getTimestamp(3).toInstant(), r.getString(4),
                        r.getString(5), r.getString(6), r.getString(7), r.getString(8),
                        r.getObject(9) == null ? null : r.getLong(9), r.getString(10), r.getTimestamp(11).toInstant()),
                args.toArray());
    }

    private Set<String> in(String sql, Collection<String> values, List<Object> regionParams) {
        List<String> all = new ArrayList<>(new HashSet<>(values));
        Set<String> found = new HashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> part = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<Object> args = new ArrayList<>(part);
            args.addAll(regionParams);
            found.addAll(jdbc.queryForList(sql.formatted(String.join(", ", java.util.Collections.nCopies(part.size(), "?"))),
                    String.class, args.toArray()));
        }
        return found;
    }
}
