-- Delphi-style rounds (issue 10, multi-round review): the batch shows each item's earlier submitted
-- answers, anonymized and counted, to its reviewers before they rate again.
ALTER TABLE "Batch" ADD COLUMN "showsEarlierRound" BOOLEAN NOT NULL DEFAULT false;
