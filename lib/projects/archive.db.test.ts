import { describe, expect, it } from "vitest";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { loadReviewerQueue } from "@/lib/assignments/queue";
import { createBatch } from "@/lib/assignments/create-batch";
import { ForbiddenError } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { importItems } from "@/lib/import/import-items";
import { loadRubricDocument, saveRubric } from "@/lib/rubrics/rubric-versions";
import { asActor, completeRatings, seedStudy } from "@/test/support/study";
import { setProjectArchived } from "./archive";
import { runCli } from "@/lib/cli/main";
import { listProjectsForActor } from "./access";
import { updateProjectDetails } from "./update-details";

describe("archiving a project", () => {
  it("takes it out of lists and queues and locks its design, keeps reviewers' late saves, and restores", async () => {
    const study = await seedStudy({ items: 2 });
    const admin = asActor(study.admin);
    const reviewer = asActor(study.reviewers[0]);
    const mine = study.assignments.filter((a) => a.reviewerId === reviewer.id);
    expect((await loadReviewerQueue(reviewer)).total).toBe(2);

    expect(await setProjectArchived(admin, study.project.id, true)).toEqual({ status: "ARCHIVED", changed: true });
    expect(await setProjectArchived(admin, study.project.id, true)).toEqual({ status: "ARCHIVED", changed: false });
    expect((await listProjectsForActor(admin)).map((p) => p.id)).not.toContain(study.project.id);
    expect((await listProjectsForActor(admin, { archived: true })).map((p) => p.id)).toContain(study.project.id);
    expect((await loadReviewerQueue(reviewer)).total).toBe(0);

    const details = { name: "Renamed", guidelines: "", reviewersPerItem: 2, blinded: true, randomizeOrder: true };
    await expect(updateProjectDetails(admin, study.project.id, details)).rejects.toThrow(ConflictError);
    await expect(createBatch(admin.id, study.project.id, { name: "late", reviewerIds: [reviewer.id] })).rejects.toThrow(/is archived: restore it/);
    await expect(importItems({ actorId: admin.id, projectId: study.project.id, lines: (async function* () { yield JSON.stringify({ externalId: "late", question: "q", responses: [{ modelName: "m", content: "c" }] }); })() })).rejects.toThrow(/is archived/);
    const { document } = await loadRubricDocument(admin, study.project.id);
    await expect(saveRubric(admin, study.project.id, { ...document, name: "Changed" }, 1)).rejects.toThrow(/is archived/);
    // A reviewer's save that arrives after archiving is still kept: work is never lost.
    expect(await saveAnnotation(reviewer, mine[0].id, { baseVersion: 0, clientMutationId: "late-save", data: completeRatings(mine[0].responseOrder), submit: false })).toMatchObject({ status: "saved" });
    await expect(setProjectArchived(asActor(study.researcher), study.project.id, false)).rejects.toThrow(ForbiddenError);

    expect(await setProjectArchived(admin, study.project.id, false)).toEqual({ status: "ACTIVE", changed: true });
    expect((await loadReviewerQueue(reviewer)).total).toBe(2);
    expect(await getDb().auditEvent.count({ where: { projectId: study.project.id, action: { in: ["project.archive", "project.restore"] } } })).toBe(2);
  });

  it("works from the command line for the project's managers", async () => {
    const study = await seedStudy({ items: 1 });
    const run = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
      return { code, out: out.join("\n"), err: err.join("\n") };
    };
    expect(await run("archive", study.project.slug, "--as", study.admin.email)).toEqual({ code: 0, out: `Archived ${study.project.slug}.`, err: "" });
    expect(await run("archive", study.project.slug, "--as", study.admin.email)).toMatchObject({ code: 0, out: `${study.project.slug} is already archived; nothing changed.` });
    expect(await run("archive", study.project.slug, "--restore", "--as", study.researcher.email)).toMatchObject({ code: 1, err: "Error: You do not have permission to do that." });
    expect(await run("archive", study.project.slug, "--restore", "--as", study.admin.email)).toMatchObject({ code: 0, out: `Restored ${study.project.slug} (active).` });
  });
});
