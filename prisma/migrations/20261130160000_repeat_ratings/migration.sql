-- Repeat ratings for intra-rater reliability (issue 10): a second assignment of an item to the same
-- reviewer, linked to the first, in a companion batch that may open only after a washout.
ALTER TABLE "Batch" ADD COLUMN "opensAt" TIMESTAMP(3);
ALTER TABLE "Assignment" ADD COLUMN "repeatOfId" TEXT;
CREATE UNIQUE INDEX "Assignment_repeatOfId_key" ON "Assignment"("repeatOfId");
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_repeatOfId_fkey" FOREIGN KEY ("repeatOfId") REFERENCES "Assignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
