package io.tenure.store;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/** H2's guard of the append-only audit log (PostgreSQL's is a PL/pgSQL trigger): every UPDATE or DELETE fails. */
public final class AuditAppendOnly implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_log is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
    }
}
