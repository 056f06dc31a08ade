import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { qaLines, seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { createBatch } from "./create-batch";
import { loadProjectDashboard } from "./dashboard";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

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
    const bens = await db.assignment.findMany({ where: { batchId: batch.id, reviewerId: ben.id }, take: 2, orderBy: { displayOrder: "asc" } });
    await db.assignment.update({ where: { id: bens[0].id }, data: { status: "SKIPPED", skipReason: "outside my field" } });
    // Ben submits one (100 s): four submitted times in all, an even count (the median averages the middle two).
    await db.assignment.update({ where: { id: bens[1].id }, data: { status: "SUBMITTED", submittedAt: new Date("2026-06-09T11:00:00Z"), timeOnTaskMs: 100_000 } });

    const d = await loadProjectDashboard(asActor(admin), project.id, { now });
    const byName = Object.fromEntries(d.reviewers.map((r) => [r.name, r]));
    expect(byName.Ana).toMatchObject({ pending: 2, inProgress: 1, submitted: 3, skipped: 0, overdue: 3, lastWeek: 2, medianActiveMs: median(times) });
    expect(byName.Ana.itemsPerActiveHour).toBeCloseTo(3 / (480_000 / 3_600_000), 10);
    expect(byName.Ben).toMatchObject({ pending: 4, inProgress: 0, submitted: 1, skipped: 1, overdue: 4, lastWeek: 1, medianActiveMs: 100_000 });
    expect(d.totals).toMatchObject({ pending: 6, inProgress: 1, submitted: 4, skipped: 1, overdue: 7, lastWeek: 3, medianActiveMs: median([...times, 100_000]) });
    expect(median([...times, 100_000])).toBe(110_000);
    // 7 open at 3/7 per day: 17 days from now (rounded up).
    expect(d.dailyPace).toBeCloseTo(3 / 7, 12);
    expect(d.projectedFinish).toBe("2026-06-27");
    // Before the due day has passed nothing is overdue.
    expect((await loadProjectDashboard(asActor(admin), project.id, { now: new Date("2026-06-08T23:00:00Z") })).totals.overdue).toBe(0);
    await expect(loadProjectDashboard(asActor(ana), project.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
