-- Qualification (issue 10): a manager may allow one reviewer attempts beyond the project's policy.
ALTER TABLE "ProjectMember" ADD COLUMN "extraAttempts" INTEGER NOT NULL DEFAULT 0;
