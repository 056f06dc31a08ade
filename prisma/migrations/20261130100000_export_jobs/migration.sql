-- Issue 9 (dataset exports): large exports run as background jobs (pg-boss carries the queue in its
-- own schema "pgboss"; this table is what the UI and API show: status, progress, the finished file).
CREATE TABLE "ExportJob" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "query" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "records" INTEGER NOT NULL DEFAULT 0,
    "expectedRecords" INTEGER,
    "bytes" BIGINT,
    "fileName" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    CONSTRAINT "ExportJob_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ExportJob_status_check" CHECK ("status" IN ('queued', 'running', 'done', 'failed')),
    CONSTRAINT "ExportJob_records_check" CHECK ("records" >= 0)
);

CREATE INDEX "ExportJob_projectId_createdAt_idx" ON "ExportJob"("projectId", "createdAt");

ALTER TABLE "ExportJob" ADD CONSTRAINT "ExportJob_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ExportJob" ADD CONSTRAINT "ExportJob_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
