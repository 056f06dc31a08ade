-- Qualification (issue 10): a practice round before real work, attempts, and pausing a reviewer
-- whose gold accuracy falls. The policy's numbers live in Project.settings.qualification; whether
-- it is required is a column because every queue query filters on it.
ALTER TABLE "Project" ADD COLUMN "requiresQualification" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Batch" ADD COLUMN "isQualification" BOOLEAN NOT NULL DEFAULT false;
-- A retry of a qualification round assigns the same items again to the same reviewer: attempt n.
ALTER TABLE "Assignment" ADD COLUMN "attempt" INTEGER NOT NULL DEFAULT 1;
DROP INDEX "Assignment_batchId_itemId_reviewerId_key";
CREATE UNIQUE INDEX "Assignment_batchId_itemId_reviewerId_attempt_key" ON "Assignment"("batchId", "itemId", "reviewerId", "attempt");
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_attempt_positive" CHECK ("attempt" >= 1);
ALTER TABLE "ProjectMember" ADD COLUMN "qualifiedAt" TIMESTAMP(3);
ALTER TABLE "ProjectMember" ADD COLUMN "qualificationFailures" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ProjectMember" ADD COLUMN "goldWarnedAt" TIMESTAMP(3);
ALTER TABLE "ProjectMember" ADD COLUMN "pausedAt" TIMESTAMP(3);
ALTER TABLE "ProjectMember" ADD COLUMN "pauseReason" TEXT;
-- Gold watch counts gold ratings submitted since then (a manager who resumes a reviewer starts the count afresh).
ALTER TABLE "ProjectMember" ADD COLUMN "goldWatchFrom" TIMESTAMP(3);
