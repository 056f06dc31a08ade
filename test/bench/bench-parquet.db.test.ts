import { describe, expect, it } from "vitest";
import { createBatch } from "@/lib/assignments/create-batch";
import { createProject } from "@/lib/projects/create-project";
import { seedItems, seedUser } from "@/lib/seed/factories";
import { getDb } from "@/lib/db/client";
import { measureParquetExport } from "@/scripts/bench-parquet";

// The benchmark's plumbing on a small study (figures are reported, not asserted).
describe("measureParquetExport", () => {
  it("writes the tables and reports rows, bytes and memory", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewer = await seedUser({ role: "REVIEWER" });
    const project = await createProject(admin.id, { name: "bench", slug: `bench-${Date.now().toString(36)}`, template: "med-palm-long-form", reviewersPerItem: 1 });
    await seedItems(admin.id, project.id, [{ externalId: "b1", question: "Q", responses: [{ modelName: "m", content: "a" }] }]);
    await createBatch(admin.id, project.id, { name: "b", reviewerIds: [reviewer.id], perItem: 1, seed: 2 });
    const s = await getDb().assignment.findFirstOrThrow();
    await getDb().annotation.create({ data: { itemId: s.itemId, assignmentId: s.id, authorId: s.reviewerId, data: { responses: {}, item: { ratings: {}, comments: {} }, overallComment: "x" }, submittedAt: new Date() } });
    const f = await measureParquetExport({ actorId: admin.id, projectId: project.id });
    expect(f).toMatchObject({ records: 1, tables: { annotations: 1, responses: 1, ratings: 1 } });
    expect(f.rows).toBe(3);
    expect(f.bytes).toBeGreaterThan(0);
    expect(f.rssPeakMb).toBeGreaterThan(0);
  });
});
