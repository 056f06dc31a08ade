-- A reviewer's profile for study design and reporting (issue 10): the languages they review in and
-- their years of clinical experience, beside the specialty.
ALTER TABLE "User" ADD COLUMN "languages" TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE "User" ADD COLUMN "yearsOfExperience" INTEGER;
ALTER TABLE "User" ADD CONSTRAINT "User_yearsOfExperience_check" CHECK ("yearsOfExperience" IS NULL OR ("yearsOfExperience" >= 0 AND "yearsOfExperience" <= 70));
