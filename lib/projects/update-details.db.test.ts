import { describe, expect, it } from "vitest";
import { createBatch } from "@/lib/assignments/create-batch";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { qaLines, seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { loadDesignLock, updateProjectDetails } from "./update-details";

const details = { name: "Renamed study", guidelines: "## New rules\nRate **every** axis.", reviewersPerItem: 3, blinded: false, randomizeOrder: false };

describe("updateProjectDetails", () => {
  it("changes name, guidelines, k and the design before reviewing starts; audits only what changed", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const project = await seedProject(admin.id, { reviewersPerItem: 2 });
    expect(await loadDesignLock(project.id)).toEqual({ locked: false, reason: null });
    expect(await updateProjectDetails(asActor(admin), project.id, details)).toEqual({ changed: ["name", "guidelines", "reviewersPerItem", "blinded", "randomizeOrder"] });
    expect(await getDb().project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject(details);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: "project.details", entityId: project.id } });
    expect(event.data).toMatchObject({ changed: ["name", "guidelines", "reviewersPerItem", "blinded", "randomizeOrder"], before: { reviewersPerItem: 2, blinded: true }, after: { reviewersPerItem: 3, blinded: false } });
    // Saving the same values again changes and audits nothing.
    expect(await updateProjectDetails(asActor(admin), project.id, details)).toEqual({ changed: [] });
    expect(await getDb().auditEvent.count({ where: { action: "project.details", entityId: project.id } })).toBe(1);
  });

  it("locks blinding and randomized order once a batch is assigned, with the reason; name, guidelines and k still change", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewer = await seedUser({ role: "REVIEWER" });
    const project = await seedProject(admin.id, { reviewersPerItem: 1 });
    await seedItems(admin.id, project.id, qaLines(2));
    await createBatch(admin.id, project.id, { name: "B", reviewerIds: [reviewer.id], perItem: 1 });
    const lock = await loadDesignLock(project.id);
    expect(lock).toMatchObject({ locked: true, reason: expect.stringMatching(/^Reviewing has started \(2 assignment\(s\) in 1 batch\(es\)\)/) });
    const current = await getDb().project.findUniqueOrThrow({ where: { id: project.id } });
    await expect(updateProjectDetails(asActor(admin), project.id, { ...details, blinded: current.blinded, randomizeOrder: !current.randomizeOrder })).rejects.toThrow(lock.reason!);
    await expect(updateProjectDetails(asActor(admin), project.id, { ...details, blinded: !current.blinded, randomizeOrder: current.randomizeOrder })).rejects.toThrow(/Reviewing has started/);
    expect(await getDb().project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ name: current.name, blinded: current.blinded });
    expect(await updateProjectDetails(asActor(admin), project.id, { ...details, blinded: current.blinded, randomizeOrder: current.randomizeOrder })).toEqual({ changed: ["name", "guidelines", "reviewersPerItem"] });
  });

  it("is for admins and the project's managers, and refuses text that cannot be stored", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const researcher = await seedUser({ role: "RESEARCHER" });
    const lead = await seedUser({ role: "REVIEWER" });
    const project = await seedProject(admin.id, { reviewersPerItem: 1 });
    await expect(updateProjectDetails(asActor(researcher), project.id, details)).rejects.toBeInstanceOf(NotFoundError);
    await getDb().projectMember.createMany({ data: [{ projectId: project.id, userId: researcher.id, role: "ANALYST" }, { projectId: project.id, userId: lead.id, role: "MANAGER" }] });
    await expect(updateProjectDetails(asActor(researcher), project.id, details)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await updateProjectDetails(asActor(lead), project.id, { ...details, name: "Led by a manager" })).toMatchObject({ changed: expect.arrayContaining(["name"]) });
    await expect(updateProjectDetails(asActor(admin), project.id, { ...details, name: "bad\u0000name" })).rejects.toThrow(/name/i);
    await expect(updateProjectDetails(asActor(admin), project.id, { ...details, name: "  " })).rejects.toThrow(/Name is required/);
  });
});
