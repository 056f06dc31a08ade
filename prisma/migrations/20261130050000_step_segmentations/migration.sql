-- Issue 8 (reasoning steps): each response's segmentation into steps, versioned. Labels name the
-- version they were made on; re-segmenting a response that has labels adds a version, never rewrites one.
CREATE TABLE "StepSegmentation" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "steps" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StepSegmentation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "StepSegmentation_version_check" CHECK ("version" >= 1),
    CONSTRAINT "StepSegmentation_source_check" CHECK ("source" IN ('imported', 'automatic', 'edited')),
    CONSTRAINT "StepSegmentation_steps_check" CHECK (jsonb_typeof("steps") = 'array')
);

CREATE UNIQUE INDEX "StepSegmentation_responseId_version_key" ON "StepSegmentation"("responseId", "version");

ALTER TABLE "StepSegmentation" ADD CONSTRAINT "StepSegmentation_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StepSegmentation" ADD CONSTRAINT "StepSegmentation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
