-- Issue 9 (LLM-judge calibration): automated judges' values for a response on a rubric axis, or on
-- one of the item's case criteria, imported beside the physicians' ratings and never shown to
-- reviewers. One value per (judge, response, target): a re-import is a conflict unless replacing
-- (docs/decisions/015-judge-results.md). `importId` and `sourceLine` say which file line it came from.
CREATE TABLE "JudgeResult" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "axisKey" TEXT,
    "criterionId" TEXT,
    "value" JSONB NOT NULL,
    "judge" TEXT NOT NULL,
    "rationale" TEXT,
    "importId" TEXT NOT NULL,
    "sourceLine" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JudgeResult_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "JudgeResult_target_check" CHECK (("axisKey" IS NULL) <> ("criterionId" IS NULL)),
    CONSTRAINT "JudgeResult_judge_check" CHECK (length(btrim("judge")) > 0),
    CONSTRAINT "JudgeResult_sourceLine_check" CHECK ("sourceLine" >= 1)
);

-- NULLs are distinct in a unique index, so each index binds only the rows of its kind of target.
CREATE UNIQUE INDEX "JudgeResult_judge_responseId_axisKey_key" ON "JudgeResult"("judge", "responseId", "axisKey");
CREATE UNIQUE INDEX "JudgeResult_judge_responseId_criterionId_key" ON "JudgeResult"("judge", "responseId", "criterionId");
CREATE INDEX "JudgeResult_projectId_judge_idx" ON "JudgeResult"("projectId", "judge");
CREATE INDEX "JudgeResult_responseId_idx" ON "JudgeResult"("responseId");

ALTER TABLE "JudgeResult" ADD CONSTRAINT "JudgeResult_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "JudgeResult" ADD CONSTRAINT "JudgeResult_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "JudgeResult" ADD CONSTRAINT "JudgeResult_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "JudgeResult" ADD CONSTRAINT "JudgeResult_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
