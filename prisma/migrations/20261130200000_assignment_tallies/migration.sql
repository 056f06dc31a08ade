-- Progress tallies (issue 10, decision 027): the dashboard reads counts kept up to date by
-- statement-level triggers on "Assignment" instead of aggregating every assignment on each view
-- (229 ms at 200,000 assignments, growing with the study). Per batch and reviewer: assignments by
-- status and the active time of submitted ones; per batch, reviewer and UTC day: submissions (the
-- recent pace); per batch, reviewer and active time to two significant digits (1 s under 100 s, 10 s
-- under 1,000 s, …): submissions (medians to that precision from a few hundred rows per reviewer;
-- whole seconds made ~500 rows per reviewer and a 100 ms aggregate at 200 reviewers).
-- No foreign key to "Batch": a batch's deletion cascades to its assignments, whose trigger then
-- subtracts them and removes the emptied rows itself.
CREATE TABLE "AssignmentTally" (
  "batchId" TEXT NOT NULL,
  "reviewerId" TEXT NOT NULL,
  "pending" INTEGER NOT NULL DEFAULT 0,
  "inProgress" INTEGER NOT NULL DEFAULT 0,
  "submitted" INTEGER NOT NULL DEFAULT 0,
  "skipped" INTEGER NOT NULL DEFAULT 0,
  "submittedActiveMs" BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT "AssignmentTally_pkey" PRIMARY KEY ("batchId", "reviewerId")
);
CREATE TABLE "SubmissionDay" (
  "batchId" TEXT NOT NULL,
  "reviewerId" TEXT NOT NULL,
  "day" DATE NOT NULL,
  "n" INTEGER NOT NULL,
  CONSTRAINT "SubmissionDay_pkey" PRIMARY KEY ("batchId", "reviewerId", "day")
);
CREATE TABLE "ActiveTimeBucket" (
  "batchId" TEXT NOT NULL,
  "reviewerId" TEXT NOT NULL,
  "sec" INTEGER NOT NULL,
  "n" INTEGER NOT NULL,
  CONSTRAINT "ActiveTimeBucket_pkey" PRIMARY KEY ("batchId", "reviewerId", "sec")
);

-- Active time in ms → its bucket in whole seconds, rounded down to two significant digits.
CREATE FUNCTION consilium_active_bucket(ms BIGINT) RETURNS INTEGER LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN ms / 1000 < 100 THEN (ms / 1000)::int
              ELSE ((ms / 1000) / (10 ^ (length((ms / 1000)::text) - 2))::bigint * (10 ^ (length((ms / 1000)::text) - 2))::bigint)::int END
$$;

-- Adds (sign 1) or removes (sign -1) the contribution of assignment rows, given column-wise; rows
-- left empty are removed (separate statements: a data-modifying CTE cannot see its siblings' writes).
CREATE FUNCTION consilium_tally_apply(p_b TEXT[], p_r TEXT[], p_st TEXT[], p_ms BIGINT[], p_sub TIMESTAMP(3)[], p_sg INTEGER[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AssignmentTally" AS t ("batchId", "reviewerId", "pending", "inProgress", "submitted", "skipped", "submittedActiveMs")
  SELECT d.b, d.r,
         COALESCE(sum(d.sg) FILTER (WHERE d.st = 'PENDING'), 0), COALESCE(sum(d.sg) FILTER (WHERE d.st = 'IN_PROGRESS'), 0),
         COALESCE(sum(d.sg) FILTER (WHERE d.st = 'SUBMITTED'), 0), COALESCE(sum(d.sg) FILTER (WHERE d.st = 'SKIPPED'), 0),
         COALESCE(sum(d.sg * d.ms) FILTER (WHERE d.st = 'SUBMITTED'), 0)
  FROM unnest(p_b, p_r, p_st, p_ms, p_sub, p_sg) AS d(b, r, st, ms, sub, sg) GROUP BY d.b, d.r
  ON CONFLICT ("batchId", "reviewerId") DO UPDATE SET
    "pending" = t."pending" + EXCLUDED."pending", "inProgress" = t."inProgress" + EXCLUDED."inProgress",
    "submitted" = t."submitted" + EXCLUDED."submitted", "skipped" = t."skipped" + EXCLUDED."skipped",
    "submittedActiveMs" = t."submittedActiveMs" + EXCLUDED."submittedActiveMs";

  INSERT INTO "SubmissionDay" AS t ("batchId", "reviewerId", "day", "n")
  SELECT d.b, d.r, d.sub::date, sum(d.sg) FROM unnest(p_b, p_r, p_st, p_ms, p_sub, p_sg) AS d(b, r, st, ms, sub, sg) WHERE d.st = 'SUBMITTED' AND d.sub IS NOT NULL GROUP BY 1, 2, 3
  ON CONFLICT ("batchId", "reviewerId", "day") DO UPDATE SET "n" = t."n" + EXCLUDED."n";

  INSERT INTO "ActiveTimeBucket" AS t ("batchId", "reviewerId", "sec", "n")
  SELECT d.b, d.r, consilium_active_bucket(d.ms), sum(d.sg) FROM unnest(p_b, p_r, p_st, p_ms, p_sub, p_sg) AS d(b, r, st, ms, sub, sg) WHERE d.st = 'SUBMITTED' GROUP BY 1, 2, 3
  ON CONFLICT ("batchId", "reviewerId", "sec") DO UPDATE SET "n" = t."n" + EXCLUDED."n";

  -- Only removals can empty a row.
  IF -1 = ANY(p_sg) THEN
    DELETE FROM "AssignmentTally" x USING (SELECT DISTINCT k.b, k.r FROM unnest(p_b, p_r) AS k(b, r)) k
    WHERE x."batchId" = k.b AND x."reviewerId" = k.r AND x."pending" = 0 AND x."inProgress" = 0 AND x."submitted" = 0 AND x."skipped" = 0;
    DELETE FROM "SubmissionDay" x USING (SELECT DISTINCT k.b, k.r FROM unnest(p_b, p_r) AS k(b, r)) k WHERE x."batchId" = k.b AND x."reviewerId" = k.r AND x."n" = 0;
    DELETE FROM "ActiveTimeBucket" x USING (SELECT DISTINCT k.b, k.r FROM unnest(p_b, p_r) AS k(b, r)) k WHERE x."batchId" = k.b AND x."reviewerId" = k.r AND x."n" = 0;
  END IF;
END $$;

CREATE FUNCTION consilium_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM consilium_tally_apply(array_agg(n."batchId"), array_agg(n."reviewerId"), array_agg(n."status"::text), array_agg(n."timeOnTaskMs"::bigint), array_agg(n."submittedAt"), array_agg(1))
  FROM new_rows n HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE FUNCTION consilium_tally_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM consilium_tally_apply(array_agg(o."batchId"), array_agg(o."reviewerId"), array_agg(o."status"::text), array_agg(o."timeOnTaskMs"::bigint), array_agg(o."submittedAt"), array_agg(-1))
  FROM old_rows o HAVING count(*) > 0;
  RETURN NULL;
END $$;

-- Most updates change nothing the tallies count (a save of a draft, "seen" times): only rows whose
-- batch, reviewer or status changed, or a submitted row's time or submission time, are re-counted.
CREATE FUNCTION consilium_tally_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM consilium_tally_apply(array_agg(d.b), array_agg(d.r), array_agg(d.st), array_agg(d.ms), array_agg(d.sub), array_agg(d.sg))
  FROM (
    SELECT x.b, x.r, x.st, x.ms, x.sub, x.sg
    FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    CROSS JOIN LATERAL (VALUES (o."batchId", o."reviewerId", o."status"::text, o."timeOnTaskMs"::bigint, o."submittedAt", -1),
                               (n."batchId", n."reviewerId", n."status"::text, n."timeOnTaskMs"::bigint, n."submittedAt", 1)) AS x(b, r, st, ms, sub, sg)
    WHERE (o."batchId", o."reviewerId", o."status") IS DISTINCT FROM (n."batchId", n."reviewerId", n."status")
       OR (n."status" = 'SUBMITTED' AND (o."timeOnTaskMs", o."submittedAt") IS DISTINCT FROM (n."timeOnTaskMs", n."submittedAt"))
  ) d
  HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE TRIGGER "Assignment_tally_insert" AFTER INSERT ON "Assignment" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consilium_tally_insert();
CREATE TRIGGER "Assignment_tally_update" AFTER UPDATE ON "Assignment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consilium_tally_update();
CREATE TRIGGER "Assignment_tally_delete" AFTER DELETE ON "Assignment" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION consilium_tally_delete();

-- The assignments that exist already.
INSERT INTO "AssignmentTally" ("batchId", "reviewerId", "pending", "inProgress", "submitted", "skipped", "submittedActiveMs")
SELECT "batchId", "reviewerId", count(*) FILTER (WHERE "status" = 'PENDING'), count(*) FILTER (WHERE "status" = 'IN_PROGRESS'),
       count(*) FILTER (WHERE "status" = 'SUBMITTED'), count(*) FILTER (WHERE "status" = 'SKIPPED'),
       COALESCE(sum("timeOnTaskMs") FILTER (WHERE "status" = 'SUBMITTED'), 0)
FROM "Assignment" GROUP BY 1, 2;
INSERT INTO "SubmissionDay" ("batchId", "reviewerId", "day", "n")
SELECT "batchId", "reviewerId", "submittedAt"::date, count(*) FROM "Assignment" WHERE "status" = 'SUBMITTED' AND "submittedAt" IS NOT NULL GROUP BY 1, 2, 3;
INSERT INTO "ActiveTimeBucket" ("batchId", "reviewerId", "sec", "n")
SELECT "batchId", "reviewerId", consilium_active_bucket("timeOnTaskMs"), count(*) FROM "Assignment" WHERE "status" = 'SUBMITTED' GROUP BY 1, 2, 3;
