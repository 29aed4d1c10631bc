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

    private static final String INSERT = "INSERT INTO audit_log (at, actor, action, target, detail, remote_addr) VALUES (?, ?, ?, ?, ?, ?)";
    private final JdbcTemplate jdbc;
    private final java.util.concurrent.BlockingQueue<Object[]> pending = new java.util.concurrent.LinkedBlockingQueue<>();
    private final Thread writer;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writer = new Thread(this::writeBatches, "tenure-audit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Writes the row before returning: sign-ins, reveals, exports and changes. */
    public void append(String actor, Action action, String target, String detail, String remoteAddr) {
        jdbc.update(INSERT, row(actor, action, target, detail, remoteAddr));
    }

    /**
     * Queues the row for the next batch (within a fraction of a second, one transaction for many rows): views of a
     * customer, which an API client makes by the thousand.
     */
    public void appendSoon(String actor, Action action, String target, String detail, String remoteAddr) {
        pending.add(row(actor, action, target, detail, remoteAddr));
    }

    private static Object[] row(String actor, Action action, String target, String detail, String remoteAddr) {
        return new Object[] {Timestamp.from(Instant.now()), actor, action.name(), cut(target, 200), cut(detail, 1000), remoteAddr};
    }

    private void writeBatches() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(50); // a batch every 50 ms at most
                flush();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(AuditLog.class).error("audit rows could not be written; retrying in 1 s", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Writes every queued row now (the search does, and the server does when it stops). */
    public synchronized void flush() {
        List<Object[]> batch = new java.util.ArrayList<>();
        pending.drainTo(batch);
        if (!batch.isEmpty()) {
            try {
                jdbc.batchUpdate(INSERT, batch);
            } catch (RuntimeException e) {
                pending.addAll(batch); // kept for the next try
                throw e;
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        writer.interrupt();
        writer.join(5000);
        flush();
    }

    /** Rows matching every given filter (null = any), newest first. */
    public List<Entry> search(String actor, String action, String target, Instant from, Instant to, int limit, int offset) {
        flush();
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
