import { describe, expect, it } from "vitest";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { skipAssignment } from "@/lib/annotations/skip-assignment";
import { getDb } from "@/lib/db/client";
import { qaLines, seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { asActor, completeRatings } from "@/test/support/study";
import { deleteBatch, moveReviewerWork } from "./batch-changes";
import { createBatch } from "./create-batch";

// The progress tallies (decision 027) are kept by triggers on "Assignment": after any mix of the
// ways assignments are written — bulk inserts, saves, submits, skips (and their cascade), moves,
// deletions — they must equal what aggregating the assignments gives.

async function expectTalliesMatch() {
  const db = getDb();
  const [tally, truth, days, dayTruth, secs, secTruth] = await Promise.all([
    db.$queryRaw`SELECT "batchId", "reviewerId", pending, "inProgress", submitted, skipped, "submittedActiveMs"::float8 AS ms FROM "AssignmentTally" ORDER BY 1, 2`,
    db.$queryRaw`SELECT "batchId", "reviewerId", count(*) FILTER (WHERE status = 'PENDING')::int AS pending, count(*) FILTER (WHERE status = 'IN_PROGRESS')::int AS "inProgress",
                        count(*) FILTER (WHERE status = 'SUBMITTED')::int AS submitted, count(*) FILTER (WHERE status = 'SKIPPED')::int AS skipped,
                        COALESCE(sum("timeOnTaskMs") FILTER (WHERE status = 'SUBMITTED'), 0)::float8 AS ms
                 FROM "Assignment" GROUP BY 1, 2 ORDER BY 1, 2`,
    db.$queryRaw`SELECT "batchId", "reviewerId", day, n FROM "SubmissionDay" ORDER BY 1, 2, 3`,
    db.$queryRaw`SELECT "batchId", "reviewerId", "submittedAt"::date AS day, count(*)::int AS n FROM "Assignment" WHERE status = 'SUBMITTED' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    db.$queryRaw`SELECT "batchId", "reviewerId", sec, n FROM "ActiveTimeBucket" ORDER BY 1, 2, 3`,
    db.$queryRaw`SELECT "batchId", "reviewerId", consilium_active_bucket("timeOnTaskMs") AS sec, count(*)::int AS n FROM "Assignment" WHERE status = 'SUBMITTED' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  ]);
  expect(tally).toEqual(truth);
  expect(days).toEqual(dayTruth);
  expect(secs).toEqual(secTruth);
}

describe("progress tallies", () => {
  it("bucket active time to two significant digits of a second", async () => {
    const rows = await getDb().$queryRaw<Array<{ b: number }>>`SELECT consilium_active_bucket(x) AS b FROM unnest(${[0, 999, 59_400, 99_999, 100_000, 123_456, 999_999, 1_234_567, 7_200_000]}::bigint[]) AS x`;
    expect(rows.map((r) => r.b)).toEqual([0, 0, 59, 99, 100, 120, 990, 1200, 7200]);
  });

  it("equal the aggregated assignments after inserts, saves, submits, skips, moves and deletions", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const project = await seedProject(admin.id, { reviewersPerItem: 1, randomizeOrder: false });
    await seedItems(admin.id, project.id, qaLines(12).map((l) => ({ ...l, reference: { answer: "Ref." } })));
    const reviewers = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" })];
    const main = await createBatch(admin.id, project.id, { name: "Main", reviewerIds: reviewers.slice(0, 2).map((r) => r.id), itemIds: (await getDb().item.findMany({ where: { projectId: project.id }, take: 8, orderBy: { externalId: "asc" } })).map((i) => i.id), arms: { design: "sequential", assist: { material: "reference", title: "Ref" } } });
    const spare = await createBatch(admin.id, project.id, { name: "Spare", reviewerIds: [reviewers[2].id] });
    await expectTalliesMatch();

    const mine = (r: (typeof reviewers)[number], batchId = main.batch.id) => getDb().assignment.findMany({ where: { batchId, reviewerId: r.id }, orderBy: { displayOrder: "asc" } });
    const [a0, a1, a2] = await mine(reviewers[0]);
    await saveAnnotation(asActor(reviewers[0]), a0.id, { baseVersion: 0, clientMutationId: "draft-0000", data: completeRatings(a0.responseOrder), timeOnTaskDeltaMs: 5000 });
    await expectTalliesMatch();
    await saveAnnotation(asActor(reviewers[0]), a0.id, { baseVersion: 1, clientMutationId: "submit-000", data: completeRatings(a0.responseOrder), submit: true, timeOnTaskDeltaMs: 7000 });
    await saveAnnotation(asActor(reviewers[0]), a1.id, { baseVersion: 0, clientMutationId: "submit-001", data: completeRatings(a1.responseOrder), submit: true });
    await skipAssignment(asActor(reviewers[0]), a2.id, { reason: "Outside my field" }); // skips its assisted phase too
    await expectTalliesMatch();

    await moveReviewerWork(asActor(admin), project.id, main.batch.id, reviewers[0].id, [reviewers[2].id]);
    await expectTalliesMatch();
    await getDb().assignment.updateMany({ where: { reviewerId: reviewers[1].id }, data: { lastSeenAt: new Date() } }); // counts nothing
    await expectTalliesMatch();
    await deleteBatch(asActor(admin), project.id, spare.batch.id, { drafts: 0 });
    // A cascade with submitted work in it (deleteBatch refuses that; the database must still stay consistent).
    await getDb().batch.deleteMany({ where: { id: { in: [main.batch.id, main.phaseBatch!.id] } } });
    await expectTalliesMatch();
    expect(await getDb().$queryRaw`SELECT count(*)::int AS n FROM "AssignmentTally" WHERE "batchId" = ${main.batch.id}`).toEqual([{ n: 0 }]);
  });
});
