-- Study arms (issue 10): the same reviewer rates an item twice, once without and once with extra
-- material, in two linked phases. The second phase opens only when the first is submitted
-- ("precededById"); deleting the first phase deletes the second (it cannot have been started).
CREATE TYPE "StudyArm" AS ENUM ('UNASSISTED', 'ASSISTED');
CREATE TYPE "ArmDesign" AS ENUM ('SEQUENTIAL', 'CROSSOVER');
ALTER TABLE "Batch" ADD COLUMN "armDesign" "ArmDesign";
ALTER TABLE "Batch" ADD COLUMN "assist" JSONB;
ALTER TABLE "Assignment" ADD COLUMN "arm" "StudyArm";
ALTER TABLE "Assignment" ADD COLUMN "precededById" TEXT;
CREATE UNIQUE INDEX "Assignment_precededById_key" ON "Assignment"("precededById");
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_precededById_fkey" FOREIGN KEY ("precededById") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- An arm batch's assignments all carry an arm, and only they do; a second phase always has one.
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_phase_has_arm" CHECK ("precededById" IS NULL OR "arm" IS NOT NULL);
