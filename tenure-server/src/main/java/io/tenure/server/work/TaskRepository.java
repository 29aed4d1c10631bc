package io.tenure.server.work;

import io.tenure.server.lists.ListPage;
import io.tenure.server.privacy.Masking;
import io.tenure.server.security.Region;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Tasks, the contacts and opt-outs their outcomes record; every read inside the caller's region. */
@Repository
class TaskRepository {
    private static final String SELECT = "SELECT t.id, t.subscriber_id, t.city, t.county, t.source, t.as_of, t.agent_id, "
            + "u.username, u.display_name, t.assigned_at, t.work_date, t.offer, t.script_needs, t.script_offer, t.status, "
            + "t.outcome, t.callback_at, t.note, t.outcome_at, c.msisdn, c.customer_name, c.vip_level "
            + "FROM task t JOIN app_user u ON u.id = t.agent_id LEFT JOIN customer c ON c.subscriber_id = t.subscriber_id "
            + "WHERE 1 = 1";
    private static final RowMapper<Task> TASK = (r, i) -> new Task(r.getLong("id"), r.getString("subscriber_id"),
            r.getString("city"), r.getString("county"), r.getString("source"), r.getDate("as_of").toLocalDate(),
            r.getLong("agent_id"), r.getString("username"), r.getString("display_name"), instant(r.getTimestamp("assigned_at")),
            r.getDate("work_date").toLocalDate(), r.getString("offer"), r.getString("script_needs"),
            r.getString("script_offer"), TaskStatus.valueOf(r.getString("status")), r.getString("outcome"),
            instant(r.getTimestamp("callback_at")), r.getString("note"), instant(r.getTimestamp("outcome_at")),
            Masking.phone(r.getString("msisdn")), Masking.name(r.getString("customer_name")), r.getString("vip_level"));

    /** A task to create from a list entry. */
    record NewTask(Candidate entry, LocalDate asOf, long agentId, long assignedBy, Instant at, LocalDate workDate) {
    }

    private final JdbcTemplate jdbc;

    TaskRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The as-of date of the lists the views show now. */
    Optional<LocalDate> latestAsOf() {
        return jdbc.query("SELECT as_of FROM published_run ORDER BY published_at DESC LIMIT 1",
                (r, i) -> r.getDate(1).toLocalDate()).stream().findFirst();
    }

    /** The task if it lies in the region (and, for an agent, is theirs). */
    Optional<Task> find(long id, Region region, Long agentId) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT).append(" AND t.id = ?");
        args.add(id);
        scope(sql, args, region, agentId);
        return jdbc.query(sql.toString(), TASK, args.toArray()).stream().findFirst();
    }

    /** An agent's tasks of one status; DONE ones only since the given time. */
    List<Task> ofAgent(long agentId, Region region, TaskStatus status, Instant doneSince) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT).append(" AND t.status = ?");
        args.add(status.name());
        scope(sql, args, region, agentId);
        if (status == TaskStatus.DONE) {
            sql.append(" AND t.outcome_at >= ?");
            args.add(Timestamp.from(doneSince));
        }
        sql.append(switch (status) {
            case OPEN -> " ORDER BY t.work_date, t.id";
            case CALL_BACK -> " ORDER BY t.callback_at, t.id";
            case DONE -> " ORDER BY t.outcome_at DESC, t.id DESC";
        });
        return jdbc.query(sql.toString(), TASK, args.toArray());
    }

    /** The region's tasks, newest first, optionally of one status and one agent (by user name). */
    ListPage<Task> search(Region region, TaskStatus status, String agent, int page, int size) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        if (status != null) {
            where.append(" AND t.status = ?");
            args.add(status.name());
        }
        if (agent != null) {
            where.append(" AND u.username = ?");
            args.add(agent);
        }
        where.append(region.where("t"));
        args.addAll(region.params());
        Long total = jdbc.queryForObject("SELECT count(*) FROM task t JOIN app_user u ON u.id = t.agent_id WHERE 1 = 1"
                + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) (page - 1) * size);
        List<Task> rows = jdbc.query(SELECT + where + " ORDER BY t.work_date DESC, t.id DESC LIMIT ? OFFSET ?", TASK,
                pageArgs.toArray());
        return new ListPage<>(rows, total == null ? 0 : total, page, size);
    }

    /** Locks the agent's row until the transaction ends, so two assignments to one agent never both fill the day. */
    void lockAgent(long agentId) {
        jdbc.query("SELECT id FROM app_user WHERE id = ? FOR UPDATE", (r, i) -> r.getLong(1), agentId);
    }

    int countOn(long agentId, LocalDate workDate) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM task WHERE agent_id = ? AND work_date = ?", Integer.class,
                agentId, workDate);
        return n == null ? 0 : n;
    }

    /** Which of these subscribers already have a task for this source and as-of date. */
    Set<String> assigned(String source, LocalDate asOf, Collection<String> subscribers) {
        if (subscribers.isEmpty()) {
            return Set.of();
        }
        List<Object> args = new ArrayList<>(List.of(source, asOf));
        args.addAll(subscribers);
        return new HashSet<>(jdbc.queryForList("SELECT subscriber_id FROM task WHERE source = ? AND as_of = ? AND subscriber_id IN ("
                + marks(subscribers.size()) + ")", String.class, args.toArray()));
    }

    /** Subscribers of these that opted out. */
    Set<String> optedOut(Collection<String> subscribers) {
        if (subscribers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT subscriber_id FROM opt_out WHERE subscriber_id IN ("
                + marks(subscribers.size()) + ")", String.class, subscribers.toArray()));
    }

    void insert(NewTask t) {
        Candidate c = t.entry();
        jdbc.update("INSERT INTO task (subscriber_id, city, county, source, as_of, agent_id, assigned_by, assigned_at, "
                        + "work_date, offer, script_needs, script_offer, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')",
                c.entry().subscriberId(), c.city(), c.county(), c.entry().source(), t.asOf(), t.agentId(), t.assignedBy(),
                Timestamp.from(t.at()), t.workDate(), cut(c.offer(), 500), cut(c.scriptNeeds(), 1000),
                cut(c.scriptOffer(), 1000));
    }

    /** Records the outcome unless the task is already done; returns whether it was recorded. */
    boolean recordOutcome(long id, OutcomeInput in, Instant at) {
        return jdbc.update("UPDATE task SET status = ?, outcome = ?, callback_at = ?, note = ?, outcome_at = ? "
                        + "WHERE id = ? AND status <> 'DONE'", in.outcome().status().name(), in.outcome().name(),
                in.callbackAt() == null ? null : Timestamp.from(in.callbackAt()), in.note(), Timestamp.from(at), id) == 1;
    }

    /** Adds the call to the live contact history; returns its id. */
    long addContact(Task task, Outcome outcome, String source, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement s = c.prepareStatement("INSERT INTO live_contact (subscriber_id, contact_time, channel, "
                    + "purpose, action_id, outcome, task_id, source, received_at) VALUES (?, ?, 'CALL', ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            s.setString(1, task.subscriberId());
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, task.purpose());
            s.setString(4, task.source());
            s.setString(5, outcome.contactOutcome());
            s.setLong(6, task.id());
            s.setString(7, cut(source, 100));
            s.setTimestamp(8, Timestamp.from(at));
            return s;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    /** Records an opt-out; the first one is kept. */
    void optOut(String subscriberId, String source, Instant at) {
        jdbc.update("INSERT INTO opt_out (subscriber_id, at, source) SELECT ?, ?, ? FROM (VALUES (1)) AS one (x) "
                + "WHERE NOT EXISTS (SELECT 1 FROM opt_out o WHERE o.subscriber_id = ?)", subscriberId, Timestamp.from(at),
                cut(source, 100), subscriberId);
    }

    /** The full number of a subscriber inside the region (for the assigned agent's audited reveal). */
    Optional<String> msisdn(String subscriberId, Region region) {
        List<Object> args = new ArrayList<>(List.of(subscriberId));
        args.addAll(region.params());
        return jdbc.queryForList("SELECT c.msisdn FROM customer c WHERE c.subscriber_id = ?" + region.where("c"), String.class,
                args.toArray()).stream().findFirst();
    }

    /** The customer's summary for the call, masked; empty when the subscriber is no longer published in the region. */
    Optional<CustomerSummary> summary(String subscriberId, Region region) {
        List<Object> args = new ArrayList<>(List.of(subscriberId));
        args.addAll(region.params());
        return jdbc.query("SELECT c.msisdn, c.customer_name, c.vip_level, p.name AS plan_name, c.status, c.marketing_consent, "
                        + "c.dnd, (SELECT count(*) FROM opt_out o WHERE o.subscriber_id = c.subscriber_id) AS opted "
                        + "FROM customer c LEFT JOIN plan p ON p.plan_id = c.plan_id WHERE c.subscriber_id = ?" + region.where("c"),
                (r, i) -> new CustomerSummary(Masking.phone(r.getString("msisdn")), Masking.name(r.getString("customer_name")),
                        r.getString("vip_level"), r.getString("plan_name"), r.getString("status"),
                        r.getBoolean("marketing_consent"), r.getBoolean("dnd"), r.getLong("opted") > 0), args.toArray())
                .stream().findFirst();
    }

    private static void scope(StringBuilder sql, List<Object> args, Region region, Long agentId) {
        sql.append(region.where("t"));
        args.addAll(region.params());
        if (agentId != null) {
            sql.append(" AND t.agent_id = ?");
            args.add(agentId);
        }
    }

    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
