import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { getDb } from "@/lib/db/client";
import { runExport } from "@/lib/export/run-export";
import { updateProjectSettings } from "@/lib/projects/update-settings";
import { readProjectSettings } from "@/lib/projects/settings";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";
import { asActor, completeRatings, seedStudy } from "@/test/support/study";
import { correctionStats } from "./edit-distance";
import { loadCorrectionResults } from "./results";

// Corrections end to end on the server (decision 030): only where the project asks, checked, exported
// as a record field, CSV rows, fine-tuning records and preference pairs, and summarized per model.

/** Text formats need the item and response texts: prepareExport asks for them, as these calls do. */
async function text(gen: AsyncGenerator<string>) {
  let out = "";
  for await (const chunk of gen) out += chunk;
  return out;
}

describe("corrections", () => {
  it("word edit distance: a replaced word costs one, insertions and deletions their length", () => {
    expect(correctionStats("Take two tablets daily.", "Take one tablet daily.")).toEqual({ originalTokens: 5, editDistance: 2, normalized: 0.4 });
    expect(correctionStats("Rest.", "Rest and drink fluids.")).toMatchObject({ editDistance: 3 });
    expect(correctionStats("Same text here.", "Same text here.")).toMatchObject({ editDistance: 0, normalized: 0 });
    expect(correctionStats("", "New")).toMatchObject({ originalTokens: 0, editDistance: 1, normalized: null });
  });

  it("are refused unless the project asks for them, and then exported with their edit distance", async () => {
    const { admin, reviewers, researcher, project, assignments } = await seedStudy({ items: 2 });
    const mine = assignments.filter((a) => a.reviewerId === reviewers[0].id);
    const actor = asActor(reviewers[0]);
    const [first] = mine;
    const original = (await getDb().response.findUniqueOrThrow({ where: { id: first.responseOrder[0] } })).content;
    const corrected = `${original} See a doctor within a week.`;
    const data = { ...completeRatings(first.responseOrder), corrections: { [first.responseOrder[0]]: { content: corrected } } };

    const refused = await saveAnnotation(actor, first.id, { baseVersion: 0, clientMutationId: `c-off-${first.id}`, data, submit: false });
    expect(refused).toEqual({ status: "invalid", problems: [{ path: `corrections.${first.responseOrder[0]}`, message: "This project does not ask for corrected answers." }] });

    const settings = readProjectSettings((await getDb().project.findUniqueOrThrow({ where: { id: project.id } })).settings);
    await updateProjectSettings(asActor(admin), project.id, { ...settings, corrections: { enabled: true } });
    const payload = await loadAssignmentForReview(actor, first.id);
    expect(payload.tools).toContain("corrections");
    expect(payload.responses.find((r) => r.id === first.responseOrder[0])?.contentText).toBe(original);

    const empty = await saveAnnotation(actor, first.id, { baseVersion: 0, clientMutationId: `c-empty-${first.id}`, data: { ...data, corrections: { [first.responseOrder[0]]: { content: "  " } } }, submit: false });
    expect(empty.status).toBe("invalid");
    expect(await saveAnnotation(actor, first.id, { baseVersion: 0, clientMutationId: `c-on-${first.id}`, data, submit: true })).toMatchObject({ status: "saved" });
    // The other assignment is submitted without a correction.
    await saveAnnotation(actor, mine[1].id, { baseVersion: 0, clientMutationId: `c-none-${mine[1].id}`, data: completeRatings(mine[1].responseOrder), submit: true });

    const records = (await text(runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id, status: "submitted" } }))).trim().split("\n").map((l) => JSON.parse(l));
    const withCorrection = records.flatMap((r) => r.responses).filter((r: { correction?: unknown }) => r.correction);
    expect(withCorrection).toHaveLength(1);
    const stats = correctionStats(original, corrected);
    expect(stats.editDistance).toBe(7); // the added sentence: See, a, doctor, within, a, week and "."
    expect(withCorrection[0].correction).toEqual({ content: corrected, originalTokens: stats.originalTokens, editDistance: 7, normalizedEditDistance: stats.normalized });

    // Ratings-only CSV still knows the distance (the original is read for corrected responses only).
    const rows: Record<string, string>[] = parse(await text(runExport({ actorId: admin.id, format: "csv", filter: { projectId: project.id, status: "submitted" } })), { columns: true });
    expect(rows.filter((r) => r.target === "correction").map((r) => [r.value, r.comment])).toEqual([[corrected, `edit distance 7 of ${stats.originalTokens} tokens`]]);

    const sft = (await text(runExport({ actorId: admin.id, format: "sft", filter: { projectId: project.id, status: "submitted", includeContent: true } }))).trim().split("\n").map((l) => JSON.parse(l));
    expect(sft).toHaveLength(1);
    expect(sft[0]).toMatchObject({ completion: corrected, original, editDistance: 7, responseId: first.responseOrder[0] });
    expect(sft[0].messages.at(-1)).toEqual({ role: "assistant", content: corrected });
    expect(sft[0].messages[0].role).toBe("user");

    const prefs = (await text(runExport({ actorId: admin.id, format: "preferences", filter: { projectId: project.id, status: "submitted", includeContent: true } }))).trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
    expect(prefs.filter((p) => p.source === "correction")).toEqual([expect.objectContaining({ chosen: corrected, rejected: original, margin: 7, chosenModel: "reviewer_correction", rejectedResponseId: first.responseOrder[0] })]);

    const summary = await loadCorrectionResults(asActor(researcher), project.id);
    const model = (await getDb().response.findUniqueOrThrow({ where: { id: first.responseOrder[0] } })).modelName;
    expect(summary).toEqual([expect.objectContaining({ model, corrected: 1, meanEditDistance: 7 })]);
    expect(summary[0].normalized.mean).toBeCloseTo(7 / stats.originalTokens, 10);
  });
});
