import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createBatch } from "@/lib/assignments/create-batch";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { qaLines, seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { loadRubricDocument, loadRubricEditor, saveRubric } from "./rubric-versions";

async function setup() {
  const admin = await seedUser({ role: "ADMIN" });
  const reviewer = await seedUser({ role: "REVIEWER" });
  const project = await seedProject(admin.id, { reviewersPerItem: 1 });
  return { admin: asActor(admin), reviewer, project };
}

describe("rubric versions", () => {
  it("edits the newest version in place until a batch uses it; then saving makes the next version and old assignments keep theirs", async () => {
    const { admin, reviewer, project } = await setup();
    const opened = await loadRubricEditor(admin, project.id);
    expect(opened).toMatchObject({ version: 1, assignments: 0, earlier: [] });
    const renamed = { ...opened.document, axes: [...opened.document.axes].reverse().map((a, i) => (i === 0 ? { ...a, label: "Renamed first axis" } : a)) };
    expect(await saveRubric(admin, project.id, renamed, 1)).toEqual({ version: 1, change: "edited" });
    expect(await saveRubric(admin, project.id, renamed, 1)).toEqual({ version: 1, change: "unchanged" });
    const { document: stored } = await loadRubricDocument(admin, project.id);
    expect(stored.axes.map((a) => a.key)).toEqual(renamed.axes.map((a) => a.key));
    expect(stored.axes[0].label).toBe("Renamed first axis");

    await seedItems(admin.id, project.id, qaLines(2));
    await createBatch(admin.id, project.id, { name: "B1", reviewerIds: [reviewer.id], seed: 1 });
    const v1 = await getDb().rubric.findUniqueOrThrow({ where: { projectId_version: { projectId: project.id, version: 1 } } });
    const extended = { ...stored, axes: [...stored.axes, { key: "tone", label: "Tone", type: "BOOLEAN" as const, help: "", appliesTo: "RESPONSE" as const, required: false, options: [], polarity: "HIGHER_IS_BETTER" as const, allowsNotApplicable: false }] };
    expect(await saveRubric(admin, project.id, extended, 1)).toEqual({ version: 2, change: "new_version" });
    // Version 1 is untouched and its assignments keep it; the next batch uses version 2.
    expect((await loadRubricDocument(admin, project.id, 1)).document.axes).toEqual(stored.axes);
    expect(await getDb().assignment.count({ where: { rubricId: v1.id } })).toBe(2);
    await seedItems(admin.id, project.id, qaLines(1).map((l) => ({ ...l, externalId: "late-1" })));
    await createBatch(admin.id, project.id, { name: "B2", reviewerIds: [reviewer.id], seed: 2 });
    const b2 = await getDb().assignment.findFirstOrThrow({ where: { batch: { name: "B2", projectId: project.id } }, include: { rubric: true } });
    expect(b2.rubric.version).toBe(2);
    expect(await loadRubricEditor(admin, project.id)).toMatchObject({ version: 2, assignments: 1, earlier: [{ version: 1, assignments: 2, changes: [] }], changes: ["Added Tone (tone)."] });
    const audits = await getDb().auditEvent.findMany({ where: { projectId: project.id, action: "rubric.save" }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.data)).toEqual([
      expect.objectContaining({ from: 1, version: 1, newVersion: false }),
      expect.objectContaining({ from: 1, version: 2, newVersion: true }),
    ]);
  });

  it("refuses a save against an old version (a conflict, never an overwrite) and an invalid rubric, writing nothing", async () => {
    const { admin, project } = await setup();
    const { document } = await loadRubricEditor(admin, project.id);
    await saveRubric(admin, project.id, { ...document, name: "First edit" }, 1);
    await expect(saveRubric(admin, project.id, { ...document, name: "Second edit" }, 0)).rejects.toThrow(ConflictError);
    const bad = { ...document, axes: [document.axes[0], document.axes[0]] };
    await expect(saveRubric(admin, project.id, bad, 1)).rejects.toThrow(z.ZodError);
    expect((await loadRubricDocument(admin, project.id)).document.name).toBe("First edit");
    await expect(loadRubricDocument(admin, project.id, 9)).rejects.toThrow(new NotFoundError("The project has no rubric version 9."));
  });

  it("a rubric exported from one project imports into another unchanged (groups share rubrics)", async () => {
    const { admin, project } = await setup();
    const other = await seedProject(admin.id, {});
    const { document: shared } = await loadRubricDocument(admin, project.id);
    const sharedJson = JSON.parse(JSON.stringify({ ...shared, name: "Shared rubric", axes: shared.axes.slice(0, 3) }));
    expect(await saveRubric(admin, other.id, sharedJson, 1)).toEqual({ version: 1, change: "edited" });
    const { version, document: back } = await loadRubricDocument(admin, other.id);
    expect(version).toBe(1);
    expect(back).toEqual(sharedJson);
  });

  it("is for admins and the project's managers; analysts read the rubric but cannot save it; others do not find it", async () => {
    const { admin, project } = await setup();
    const [manager, analyst, outsider] = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "RESEARCHER" }), await seedUser({ role: "RESEARCHER" })];
    await getDb().projectMember.createMany({ data: [{ projectId: project.id, userId: manager.id, role: "MANAGER" }, { projectId: project.id, userId: analyst.id, role: "ANALYST" }] });
    const { document } = await loadRubricEditor(admin, project.id);
    expect(await saveRubric(asActor(manager), project.id, { ...document, name: "By the lead" }, 1)).toMatchObject({ change: "edited" });
    await expect(saveRubric(asActor(analyst), project.id, document, 1)).rejects.toThrow(ForbiddenError);
    await expect(loadRubricEditor(asActor(analyst), project.id)).rejects.toThrow(ForbiddenError);
    expect((await loadRubricDocument(asActor(analyst), project.id)).document.name).toBe("By the lead");
    await expect(loadRubricDocument(asActor(outsider), project.id)).rejects.toThrow(NotFoundError);
  });
});
