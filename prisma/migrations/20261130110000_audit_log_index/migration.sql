-- The audit log page lists events newest first, with or without filters (issue 10): keyset by (createdAt, id).
CREATE INDEX "AuditEvent_createdAt_id_idx" ON "AuditEvent"("createdAt", "id");
