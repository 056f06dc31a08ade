import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createBatch } from "@/lib/assignments/create-batch";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { runExport } from "@/lib/export/run-export";
import { createProject } from "@/lib/projects/create-project";
import { seedItems, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { amieConsultation } from "./templates/amie-consultation";

describe("axes with 'Cannot rate / does not apply'", () => {
  it("store the flag, reach the review page, accept \"na\" at submit and export it", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewer = asActor(await seedUser({ role: "REVIEWER" }));
    const project = await createProject(admin.id, { name: "AMIE", slug: `amie-${Date.now().toString(36)}`, template: "amie-consultation", reviewersPerItem: 1, settings: { dialogueTarget: "whole_dialogue" } as never });
    await seedItems(admin.id, project.id, [{ kind: "dialogue", externalId: "c1", turns: [{ role: "patient", content: "I have a cough." }], responses: [{ modelName: "amie-like", content: "How long have you had it?" }] }]);
    await createBatch(admin.id, project.id, { name: "b", reviewerIds: [reviewer.id], perItem: 1, seed: 1 });
    const a = await getDb().assignment.findFirstOrThrow({ where: { reviewerId: reviewer.id } });
    const payload = await loadAssignmentForReview(reviewer, a.id);
    expect(payload.axes.filter((x) => x.allowsNotApplicable)).toHaveLength(12);
    expect(payload.axes.find((x) => x.key === "confabulation")?.allowsNotApplicable).toBeUndefined();

    const ratings: Record<string, string | number | boolean> = Object.fromEntries(amieConsultation.axes.filter((x) => x.type === "SCALE").map((x) => [x.key, 4]));
    ratings.paces_welfare = "na";
    ratings.escalation = "not_required_not_done";
    ratings.confabulation = false;
    const data = { ...emptyAnnotationData(), responses: { [a.responseOrder[0]]: { ratings, comments: {} } } };
    expect(await saveAnnotation(reviewer, a.id, { baseVersion: 0, clientMutationId: "bad-na-save", data: { ...data, responses: { [a.responseOrder[0]]: { ratings: { ...ratings, confabulation: "na" }, comments: {} } } }, submit: true })).toMatchObject({ status: "invalid" });
    expect(await saveAnnotation(reviewer, a.id, { baseVersion: 0, clientMutationId: "good-na-save", data, submit: true })).toMatchObject({ status: "saved" });
    let out = "";
    for await (const chunk of runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id } })) out += chunk;
    expect(JSON.parse(out).responses[0].ratings).toMatchObject({ paces_welfare: "na", paces_eliciting: 4, confabulation: false });
  });
});
