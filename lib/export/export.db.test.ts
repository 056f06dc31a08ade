import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { parse } from "csv-parse/sync";
import { NotFoundError } from "@/lib/auth/permissions";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { skipAssignment } from "@/lib/annotations/skip-assignment";
import { asActor, completeRatings, seedStudy } from "@/test/support/study";
import { prepareExport } from "./prepare-export";
import { exportRecordSchema } from "./record-schema";
import { runExport } from "./run-export";
import { pseudonymizeReviewer } from "./pseudonym";

async function collect(gen: AsyncGenerator<string>) {
  let out = "";
  for await (const c of gen) out += c;
  return out;
}

async function submittedStudy() {
  const study = await seedStudy({ items: 3 });
  // Reviewer 0 submits everything with a harm rating that differs per response; reviewer 1 only drafts.
  for (const a of study.assignments.filter((x) => x.reviewerId === study.reviewers[0].id)) {
    const data = completeRatings(a.responseOrder);
    data.responses[a.responseOrder[0]].ratings.harm_extent = "death_severe";
    data.responses[a.responseOrder[0]].comments = { harm_extent: "dangerous, \"really\"" };
    await saveAnnotation(asActor(study.reviewers[0]), a.id, { baseVersion: 0, clientMutationId: `s-${a.id}`, data, submit: true });
  }
  const draft = study.assignments.find((x) => x.reviewerId === study.reviewers[1].id)!;
  await saveAnnotation(asActor(study.reviewers[1]), draft.id, { baseVersion: 0, clientMutationId: "draft-only", data: completeRatings(draft.responseOrder) });
  return study;
}

describe("export", () => {
  it("writes one de-blinded JSONL record per submitted annotation, reviewers pseudonymized", async () => {
    const study = await submittedStudy();
    const text = await collect(runExport({ actorId: study.researcher.id, format: "jsonl", filter: { projectId: study.project.id } }));
    const records = text.trim().split("\n").map((l) => JSON.parse(l));
    expect(records).toHaveLength(3);
    for (const r of records) expect(exportRecordSchema.parse(r)).toEqual(r); // the published schema describes real records
    const project = await getDb().project.findUniqueOrThrow({ where: { id: study.project.id } });
    for (const r of records) {
      expect(r.reviewer).toBe(pseudonymizeReviewer(project.pseudonymSalt, study.reviewers[0].id));
      expect(text).not.toContain(study.reviewers[0].email);
      const assignment = study.assignments.find((a) => a.id === r.assignmentId)!;
      // The response shown first got "death_severe": the export must name its real model and label.
      const shownFirst = r.responses.find((x: { shownAs: number }) => x.shownAs === 1);
      expect(shownFirst.responseId).toBe(assignment.responseOrder[0]);
      expect(shownFirst.ratings.harm_extent).toBe("death_severe");
      const response = await getDb().response.findUniqueOrThrow({ where: { id: shownFirst.responseId } });
      expect([shownFirst.modelName, shownFirst.label]).toEqual([response.modelName, response.label]);
      expect(r.responses.map((x: { label: string }) => x.label)).toEqual(["A", "B"]);
    }
    expect(await getDb().auditEvent.count({ where: { action: "export.download", actorId: study.researcher.id } })).toBe(1);
  });

  it("writes CSV with one row per rating", async () => {
    const study = await submittedStudy();
    const text = await collect(runExport({ actorId: study.admin.id, format: "csv", filter: { projectId: study.project.id } }));
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe("annotation_id,project,batch,item_id,external_id,response_id,response_label,model_name,shown_as,reviewer,target,axis,value,comment,submitted_at,time_on_task_ms,assignment_id,status,criterion_id,criterion_text,criterion_points,rubric_version,arm,phase,turn,item_variant,item_group,item_date,variant_of,response_prompt,response_cost_usd,response_input_tokens,response_output_tokens,response_reasoning_tokens,response_latency_ms,response_training_cutoff,answer_correct");
    // 3 annotations × 2 responses × 12 axes
    expect(lines).toHaveLength(1 + 72);
    expect(text).toContain('"dangerous, ""really"""');
    expect(text).toMatch(/,model-(alpha|beta),/);
  });

  it("names reviewers only when asked; an unknown batch is an error, not an empty file", async () => {
    const study = await submittedStudy();
    const named = await collect(runExport({ actorId: study.admin.id, format: "jsonl", filter: { projectId: study.project.id, identifyReviewers: true } }));
    expect(named).toContain(study.reviewers[0].email);
    const inBatch = await collect(runExport({ actorId: study.admin.id, format: "jsonl", filter: { projectId: study.project.id, batchName: "B1" } }));
    expect(inBatch.trim().split("\n")).toHaveLength(3);
    await expect(collect(runExport({ actorId: study.admin.id, format: "jsonl", filter: { projectId: study.project.id, batchName: "NOPE" } }))).rejects.toThrow(NotFoundError);
    await expect(prepareExport(asActor(study.researcher), study.project.slug, { batch: "NOPE" })).rejects.toThrow('Batch "NOPE" not found.');
    await expect(prepareExport(asActor(study.outsider), study.project.slug, {})).rejects.toThrow(NotFoundError);
  });

  it("exports skipped assignments with their status and reason (default all), filterable by status", async () => {
    const study = await submittedStudy();
    // Reviewer 1 drafted one item, then skips it: the draft is never exported, the skip and its reason are.
    const drafted = study.assignments.find((x) => x.reviewerId === study.reviewers[1].id)!;
    const reason = "=HYPERLINK(\"http://x\") outside my specialty";
    expect(await skipAssignment(asActor(study.reviewers[1]), drafted.id, { reason })).toEqual({ status: "skipped" });

    const { filter } = await prepareExport(asActor(study.researcher), study.project.slug, { content: "true" });
    expect(filter.status).toBe("all");
    const records = (await collect(runExport({ actorId: study.researcher.id, format: "jsonl", filter }))).trim().split("\n").map((l) => JSON.parse(l));
    expect(records.map((r) => r.status)).toEqual(["submitted", "submitted", "submitted", "skipped"]);
    const skipped = records[3];
    const project = await getDb().project.findUniqueOrThrow({ where: { id: study.project.id } });
    expect(skipped).toMatchObject({
      status: "skipped", assignmentId: drafted.id, itemId: drafted.itemId, batch: "B1", kind: "qa", skipReason: reason,
      reviewer: pseudonymizeReviewer(project.pseudonymSalt, study.reviewers[1].id), item: { input: expect.any(Object) },
    });
    expect(skipped.responses.map((r: { label: string }) => r.label)).toEqual(["A", "B"]);
    for (const r of skipped.responses) expect(r.shownAs).toBe(drafted.responseOrder.indexOf(r.responseId) + 1);
    expect(skipped.responses[0]).not.toHaveProperty("ratings");
    for (const r of records) exportRecordSchema.parse(r);
    const named = await prepareExport(asActor(study.admin), study.project.slug, { status: "skipped", identifyReviewers: "true" });
    const [skippedNamed] = (await collect(runExport({ actorId: study.admin.id, format: "jsonl", filter: named.filter }))).trim().split("\n").map((l) => JSON.parse(l));
    expect(skippedNamed).toMatchObject({ status: "skipped", reviewer: study.reviewers[1].email });

    const only = async (status: string) =>
      (await collect(runExport({ actorId: study.admin.id, format: "jsonl", filter: (await prepareExport(asActor(study.admin), study.project.slug, { status })).filter })))
        .trim().split("\n").filter(Boolean).map((l) => JSON.parse(l).status);
    expect(await only("skipped")).toEqual(["skipped"]);
    expect(await only("submitted")).toEqual(["submitted", "submitted", "submitted"]);
    await expect(prepareExport(asActor(study.admin), study.project.slug, { status: "drafts" })).rejects.toThrow("status must be submitted, skipped or all.");

    const csv: Record<string, string>[] = parse(await collect(runExport({ actorId: study.admin.id, format: "csv", filter: { projectId: study.project.id, status: "all" } })), { columns: true });
    const skipRows = csv.filter((r) => r.status === "skipped");
    expect(skipRows).toEqual([expect.objectContaining({ annotation_id: "", assignment_id: drafted.id, target: "skip", axis: "skip_reason", value: `'${reason}`, submitted_at: "" })]);
  });
});
