import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { qaLines, seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { createBatch } from "./create-batch";
import { loadProjectDashboard, medianOfCounts } from "./dashboard";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

describe("medianOfCounts", () => {
  it("is the median of the values repeated by their counts (even counts average the middle two)", () => {
    expect(medianOfCounts([])).toBeNull();
    expect(medianOfCounts([[5, 1]])).toBe(5);
    expect(medianOfCounts([[3, 2], [1, 1]])).toBe(3);
    expect(medianOfCounts([[10, 2], [20, 2]])).toBe(15);
    expect(medianOfCounts([[4, 1], [1, 3], [9, 0]])).toBe(1);
    const values = [7, 3, 3, 9, 12, 12, 12, 1];
    const counts = [...new Set(values)].map((v) => [v, values.filter((x) => x === v).length] as const);
    expect(medianOfCounts(counts)).toBe(median(values));
  });
});

describe("loadProjectDashboard", () => {
  it("counts by reviewer and status, overdue work, median active time, pace and a projected finish", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const [ana, ben] = [await seedUser({ role: "REVIEWER", name: "Ana" }), await seedUser({ role: "REVIEWER", name: "Ben" })];
    const project = await seedProject(admin.id, { reviewersPerItem: 2 });
    await seedItems(admin.id, project.id, qaLines(6));
    const now = new Date("2026-06-10T12:00:00Z");
    const { batch } = await createBatch(admin.id, project.id, { name: "B", reviewerIds: [ana.id, ben.id], dueAt: new Date("2026-06-08T00:00:00Z") });
    const db = getDb();
    // Ana submits 3 (2 this week, 1 long ago), starts 1; Ben skips 1. Times on task 60 s, 120 s, 300 s.
    const anas = await db.assignment.findMany({ where: { batchId: batch.id, reviewerId: ana.id }, orderBy: { displayOrder: "asc" } });
    const times = [60_000, 120_000, 300_000];
    const when = [new Date("2026-06-09T10:00:00Z"), new Date("2026-06-05T10:00:00Z"), new Date("2026-05-01T10:00:00Z")];
    for (const [i, a] of anas.slice(0, 3).entries()) await db.assignment.update({ where: { id: a.id }, data: { status: "SUBMITTED", submittedAt: when[i], timeOnTaskMs: times[i] } });
    await db.assignment.update({ where: { id: anas[3].id }, data: { status: "IN_PROGRESS" } });
    const [bens] = await db.assignment.findMany({ where: { batchId: batch.id, reviewerId: ben.id }, take: 1 });
    await db.assignment.update({ where: { id: bens.id }, data: { status: "SKIPPED", skipReason: "outside my field" } });

    const d = await loadProjectDashboard(asActor(admin), project.id, { now });
    const byName = Object.fromEntries(d.reviewers.map((r) => [r.name, r]));
    expect(byName.Ana).toMatchObject({ pending: 2, inProgress: 1, submitted: 3, skipped: 0, overdue: 3, lastWeek: 2, medianActiveMs: median(times) });
    expect(byName.Ana.itemsPerActiveHour).toBeCloseTo(3 / (480_000 / 3_600_000), 10);
    expect(byName.Ben).toMatchObject({ pending: 5, inProgress: 0, submitted: 0, skipped: 1, overdue: 5, medianActiveMs: null, itemsPerActiveHour: null });
    expect(d.totals).toMatchObject({ pending: 7, inProgress: 1, submitted: 3, skipped: 1, overdue: 8, lastWeek: 2, medianActiveMs: 120_000 });
    // 8 open at 2/7 per day: 28 days from now.
    expect(d.dailyPace).toBeCloseTo(2 / 7, 12);
    expect(d.projectedFinish).toBe("2026-07-08");
    // Before the due day has passed nothing is overdue.
    expect((await loadProjectDashboard(asActor(admin), project.id, { now: new Date("2026-06-08T23:00:00Z") })).totals.overdue).toBe(0);
    await expect(loadProjectDashboard(asActor(ana), project.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
