-- Background exports on several app servers (issue 14): a running job's worker writes a heartbeat,
-- so any server can tell a lost run (its process died) from one still running elsewhere.
ALTER TABLE "ExportJob" ADD COLUMN "heartbeatAt" TIMESTAMP(3);
CREATE INDEX "ExportJob_status_heartbeatAt_idx" ON "ExportJob"("status", "heartbeatAt");
