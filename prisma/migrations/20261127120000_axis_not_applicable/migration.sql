-- An axis may offer "Cannot rate / does not apply" (AMIE's rubric does); the value is then "na".
ALTER TABLE "RubricAxis" ADD COLUMN "allowsNotApplicable" BOOLEAN NOT NULL DEFAULT false;
