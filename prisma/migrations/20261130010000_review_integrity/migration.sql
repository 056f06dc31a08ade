-- Issue 7 (trust): review integrity.

-- The best answer of an axis (Med-PaLM's "best bin"): shown to reviewers as a cue of which end is
-- better, so number keys never silently mean opposite things on neighbouring axes.
ALTER TABLE "RubricAxis" ADD COLUMN "bestValue" TEXT;
-- Options that come from the item rather than the rubric ("note_sentences": pick a sentence of the note).
ALTER TABLE "RubricAxis" ADD COLUMN "optionsFrom" TEXT;
ALTER TABLE "RubricAxis" ADD CONSTRAINT "RubricAxis_optionsFrom_check" CHECK ("optionsFrom" IS NULL OR "optionsFrom" IN ('note_sentences'));

-- Server-observed activity: when the reviewer last opened or saved the assignment. Time on task
-- reported by the browser is bounded by the wall time since then.
ALTER TABLE "Assignment" ADD COLUMN "lastSeenAt" TIMESTAMP(3);

-- A skip reason belongs to skipped work only (it was one-directional: a submit racing a skip could
-- leave a SUBMITTED row with a skip reason). Rows the race left behind keep their status and lose
-- the stray reason; the audit log still has it.
UPDATE "Assignment" SET "skipReason" = NULL WHERE "status" <> 'SKIPPED' AND "skipReason" IS NOT NULL;
ALTER TABLE "Assignment" DROP CONSTRAINT "Assignment_skip_check";
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_skip_check" CHECK (("status" = 'SKIPPED') = ("skipReason" IS NOT NULL));
