CREATE TRIGGER tr_audit_log_append_only BEFORE UPDATE, DELETE ON audit_log
  FOR EACH ROW CALL "io.tenure.store.AuditAppendOnly";
