package io.tenure.server.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit log: every sign-in (and failure), reveal of personal information, export and change by an
 * admin. The database refuses updates and deletes of its rows.
 */
@Repository
public class AuditLog {
    /** What was done. */
    public enum Action { LOGIN, LOGIN_FAILED, LOCKED, LOGOUT, REVEAL, EXPORT, VIEW_360, ASSIGN, OUTCOME, USER_CHANGE, TOKEN_CHANGE, API_WRITE }

    /** One row of the log. */
    public record Entry(long id, Instant at, String actor, String action, String target, String detail, String remoteAddr) {
    }

    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void append(String actor, Action action, String target, String detail, String remoteAddr) {
        jdbc.update("INSERT INTO audit_log (at, actor, action, target, detail, remote_addr) VALUES (?, ?, ?, ?, ?, ?)",
                Timestamp.from(Instant.now()), actor, action.name(), cut(target, 200), cut(detail, 1000), remoteAddr);
    }

    /** Rows matching every given filter (null = any), newest first. */
    public List<Entry> search(String actor, String action, String target, Instant from, Instant to, int limit, int offset) {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, action, target, detail, remote_addr FROM audit_log WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (actor != null && !actor.isBlank()) {
            sql.append(" AND actor = ?");
            args.add(actor.strip());
        }
        if (action != null && !action.isBlank()) {
            sql.append(" AND action = ?");
            args.add(action.strip());
        }
        if (target != null && !target.isBlank()) {
            sql.append(" AND target = ?");
            args.add(target.strip());
        }
        if (from != null) {
            sql.append(" AND at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND at < ?");
            args.add(Timestamp.from(to));
        }
        sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), (r, i) -> new Entry(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3),
                r.getString(4), r.getString(5), r.getString(6), r.getString(7)), args.toArray());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
