import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { readAnnotationData } from "@/lib/annotations/schema";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";
import { getDb } from "@/lib/db/client";
import { runExport } from "@/lib/export/run-export";
import { importJudgeResults } from "@/lib/judges/import-judge-results";
import { readProjectSettings } from "@/lib/projects/settings";
import { updateProjectSettings } from "@/lib/projects/update-settings";
import { asActor, completeRatings, seedStudy } from "@/test/support/study";
import { applySuggestions } from "./apply";
import { loadItemDetail } from "@/lib/items/item-detail";
import { loadSuggestionResults } from "./results";

// Suggestions end to end on the server (decision 034): a judge's imported values pre-fill a review or
// appear after the reviewer's own answers; the document records what was shown; the server refuses
// records the project cannot have; exports say accepted / changed / independent; the results compare
// agreement with and without suggestions.

async function text(gen: AsyncGenerator<string>) {
  let out = "";
  for await (const chunk of gen) out += chunk;
  return out;
}

describe("suggestions", () => {
  it("pre-fill or follow the reviewer's answers, are checked, exported with their outcome and compared in the results", async () => {
    const { admin, reviewers, researcher, project, assignments } = await seedStudy({ items: 1 });
    const adminActor = asActor(admin);
    const settings = readProjectSettings((await getDb().project.findUniqueOrThrow({ where: { id: project.id } })).settings);
    await expect(updateProjectSettings(adminActor, project.id, { ...settings, suggestions: { judge: "gpt-judge", reveal: "immediately" } })).rejects.toThrow('No values of judge "gpt-judge" are imported');

    const lines = ["model-alpha", "model-beta"].flatMap((m) => [
      { externalId: "q-1", response: m, axis: "scientific_consensus", value: "aligned", judge: "gpt-judge", rationale: `Cites guidelines (${m}).` },
      { externalId: "q-1", response: m, axis: "harm_extent", value: "none", judge: "gpt-judge" },
    ]);
    expect(await importJudgeResults({ actorId: admin.id, projectId: project.id, lines: lines.map((l) => JSON.stringify(l)) })).toMatchObject({ ok: true, imported: 4 });

    const [first, second] = [assignments.find((a) => a.reviewerId === reviewers[0].id)!, assignments.find((a) => a.reviewerId === reviewers[1].id)!];
    const one = asActor(reviewers[0]);
    const two = asActor(reviewers[1]);
    // Off: a document that records suggestions is refused.
    const stray = { ...completeRatings(first.responseOrder), suggestions: { [first.responseOrder[0]]: { mode: "prefilled" as const, shown: { "axis:harm_extent": "none" } } } };
    expect(await saveAnnotation(one, first.id, { baseVersion: 0, clientMutationId: `s-off-${first.id}`, data: stray, submit: false })).toEqual({
      status: "invalid", problems: [{ path: `suggestions.${first.responseOrder[0]}`, message: "This project does not show suggestions (any more): reload the page to go on without them." }],
    });

    // Pre-filled: the reviewer sees the values marked, never the judge's name (blinded).
    await updateProjectSettings(adminActor, project.id, { ...settings, suggestions: { judge: "gpt-judge", reveal: "immediately" } });
    const payload = await loadAssignmentForReview(one, first.id);
    expect(payload.tools).toContain("suggestions");
    expect(payload.suggestions).toMatchObject({ mode: "prefilled", judge: null });
    expect(payload.suggestions?.values).toHaveLength(4);
    expect(JSON.stringify(payload)).not.toContain("gpt-judge");
    const opened = applySuggestions(readAnnotationData(null), payload.suggestions!);
    const [a, b] = first.responseOrder;
    expect(opened.responses[a].ratings).toEqual({ scientific_consensus: "aligned", harm_extent: "none" });
    expect(opened.suggestions?.[a]).toEqual({ mode: "prefilled", shown: { "axis:scientific_consensus": "aligned", "axis:harm_extent": "none" } });
    expect(applySuggestions(opened, payload.suggestions!)).toBe(opened); // shown once
    // The reviewer keeps response A's suggestions, changes B's harm; completes the rest.
    const rest = completeRatings(first.responseOrder);
    const mine = {
      ...opened,
      responses: {
        [a]: { ...rest.responses[a], ratings: { ...rest.responses[a].ratings, ...opened.responses[a].ratings } },
        [b]: { ...rest.responses[b], ratings: { ...rest.responses[b].ratings, scientific_consensus: "aligned", harm_extent: "moderate_mild" } },
      },
    };
    // Own answers recorded with pre-filled suggestions, or a target the judge did not rate: refused.
    const ownPrefilled = { ...mine, suggestions: { ...mine.suggestions, [a]: { mode: "prefilled" as const, shown: { "axis:harm_extent": "none" }, own: { "axis:harm_extent": "none" } } } };
    const refused = await saveAnnotation(one, first.id, { baseVersion: 0, clientMutationId: `s-mode-${first.id}`, data: ownPrefilled, submit: false });
    expect(refused.status === "invalid" && refused.problems.map((p) => p.message)).toEqual(["Own answers are recorded only when suggestions appear after them."]);
    const invented = { ...mine, suggestions: { ...mine.suggestions, [a]: { mode: "prefilled" as const, shown: { "axis:harm_likelihood": "low" } } } };
    expect(await saveAnnotation(one, first.id, { baseVersion: 0, clientMutationId: `s-inv-${first.id}`, data: invented, submit: false })).toMatchObject({ status: "invalid" });
    expect(await saveAnnotation(one, first.id, { baseVersion: 0, clientMutationId: `s-one-${first.id}`, data: mine, submit: true })).toMatchObject({ status: "saved" });

    // After the reviewer's own answers: nothing until every suggested target of a response is answered.
    await updateProjectSettings(adminActor, project.id, { ...settings, suggestions: { judge: "gpt-judge", reveal: "after_rating" } });
    const later = (await loadAssignmentForReview(two, second.id)).suggestions!;
    expect(later.mode).toBe("after_own");
    const [c] = second.responseOrder;
    const partial = { ...readAnnotationData(null), responses: { [c]: { ratings: { scientific_consensus: "opposed" }, comments: {} } } };
    expect(applySuggestions(partial, later)).toBe(partial);
    const own = completeRatings(second.responseOrder);
    own.responses[c].ratings = { ...own.responses[c].ratings, scientific_consensus: "opposed", harm_extent: "none" };
    const revealed = applySuggestions({ ...readAnnotationData(null), ...own }, later);
    expect(revealed.suggestions?.[c]).toEqual({ mode: "after_own", shown: { "axis:scientific_consensus": "aligned", "axis:harm_extent": "none" }, own: { "axis:scientific_consensus": "opposed", "axis:harm_extent": "none" } });
    // Convinced by the suggestion on C's consensus; D left as given.
    const final = { ...revealed, responses: { ...revealed.responses, [c]: { ...revealed.responses[c], ratings: { ...revealed.responses[c].ratings, scientific_consensus: "aligned" } } } };
    expect(await saveAnnotation(two, second.id, { baseVersion: 0, clientMutationId: `s-two-${second.id}`, data: final, submit: true })).toMatchObject({ status: "saved" });

    const records = (await text(runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id, status: "submitted" } }))).trim().split("\n").map((l) => JSON.parse(l));
    const byReviewerResponse = (record: { responses: Array<{ responseId: string; suggestions?: unknown[] }> }, id: string) => record.responses.find((r) => r.responseId === id)?.suggestions;
    const recordOne = records.find((r) => r.assignmentId === first.id);
    const recordTwo = records.find((r) => r.assignmentId === second.id);
    expect(byReviewerResponse(recordOne, b)).toEqual([
      { target: "axis", axis: "scientific_consensus", mode: "prefilled", suggested: "aligned", final: "aligned", outcome: "accepted" },
      { target: "axis", axis: "harm_extent", mode: "prefilled", suggested: "none", final: "moderate_mild", outcome: "changed" },
    ]);
    expect(byReviewerResponse(recordTwo, c)).toEqual([
      { target: "axis", axis: "scientific_consensus", mode: "after_own", suggested: "aligned", own: "opposed", final: "aligned", outcome: "independent" },
      { target: "axis", axis: "harm_extent", mode: "after_own", suggested: "none", own: "none", final: "none", outcome: "independent" },
    ]);
    expect(JSON.stringify(records)).not.toContain("gpt-judge");
    const rows: Record<string, string>[] = parse(await text(runExport({ actorId: admin.id, format: "csv", filter: { projectId: project.id, status: "submitted" } })), { columns: true });
    expect(rows.filter((r) => r.target === "suggestion" && r.response_id === b && r.assignment_id === first.id).map((r) => [r.axis, r.value, r.comment])).toEqual([
      ["scientific_consensus", "aligned", "accepted; final aligned"],
      ["harm_extent", "none", "changed; final moderate_mild"],
    ]);

    const detail = await loadItemDetail(adminActor, project.id, first.itemId);
    expect(detail.annotations.map((x) => x.suggestions).sort()).toEqual(["after own answers: 4 shown, 1 taken", "pre-filled: 3 kept, 1 changed"]);

    const results = await loadSuggestionResults(asActor(researcher), project.id);
    const consensus = results.axes.find((x) => x.key === "scientific_consensus")!;
    expect(consensus).toMatchObject({ accepted: 2, changed: 0, ownDiffered: 1, revisedToSuggestion: 1 });
    const harm = results.axes.find((x) => x.key === "harm_extent")!;
    expect(harm).toMatchObject({ accepted: 1, changed: 1, ownDiffered: 0, revisedToSuggestion: 0 });
    const cond = Object.fromEntries(consensus.conditions.map((x) => [x.condition, x]));
    expect(cond.prefilled.matchesJudge).toMatchObject({ count: 2, n: 2 });
    expect(cond.own.matchesJudge).toMatchObject({ count: 1, n: 2 });
    expect(cond.after.matchesJudge).toMatchObject({ count: 2, n: 2 });
    // One reviewer per condition here: no unit has two raters, so no agreement figure (never a made-up one).
    expect(cond.own.percentAgreement).toBeNull();
    // Axes the judge did not rate ("none"): values given with no suggestion shown are in their own condition.
    expect(results.axes.find((x) => x.key === "harm_likelihood")).toBeUndefined();
  });

  it("keep a shown record as history when the project changes its mode, and refuse a record that does not match the judge", async () => {
    const { admin, reviewers, project, assignments } = await seedStudy({ items: 1 });
    const settings = readProjectSettings((await getDb().project.findUniqueOrThrow({ where: { id: project.id } })).settings);
    const line = (m: string, value: string) => JSON.stringify({ externalId: "q-1", response: m, axis: "scientific_consensus", value, judge: "j" });
    // Two targets per response, named so that jsonb stores them in another key order than the browser sends.
    const harm = (m: string) => JSON.stringify({ externalId: "q-1", response: m, axis: "harm_extent", value: "none", judge: "j" });
    await importJudgeResults({ actorId: admin.id, projectId: project.id, lines: [line("model-alpha", "aligned"), line("model-beta", "opposed"), harm("model-alpha"), harm("model-beta")] });
    await updateProjectSettings(asActor(admin), project.id, { ...settings, suggestions: { judge: "j", reveal: "immediately" } });
    const mine = assignments.find((a) => a.reviewerId === reviewers[0].id)!;
    const actor = asActor(reviewers[0]);
    const shown = applySuggestions(readAnnotationData(null), (await loadAssignmentForReview(actor, mine.id)).suggestions!);
    const [a] = mine.responseOrder;
    // A value other than the judge's is refused (a stale page after a re-import must reload).
    const forged = { ...shown, suggestions: { ...shown.suggestions, [a]: { mode: "prefilled" as const, shown: { "axis:scientific_consensus": "no_consensus" } } } };
    const refused = await saveAnnotation(actor, mine.id, { baseVersion: 0, clientMutationId: `h-forged-${mine.id}`, data: forged, submit: false });
    expect(refused.status === "invalid" && refused.problems.map((p) => p.message)).toEqual(['The suggestion for axis "scientific_consensus" is not what was recorded; reload the page.']);
    expect(await saveAnnotation(actor, mine.id, { baseVersion: 0, clientMutationId: `h-draft-${mine.id}`, data: shown, submit: false })).toMatchObject({ status: "saved", version: 1 });

    // The project switches suggestions off: the draft's record stays valid, but cannot be rewritten.
    await updateProjectSettings(asActor(admin), project.id, { ...settings, suggestions: { judge: "", reveal: "after_rating" } });
    expect(await saveAnnotation(actor, mine.id, { baseVersion: 1, clientMutationId: `h-again-${mine.id}`, data: { ...shown, overallComment: "Still here." }, submit: false })).toMatchObject({ status: "saved", version: 2 });
    const rewritten = { ...shown, suggestions: { ...shown.suggestions, [a]: { mode: "after_own" as const, shown: shown.suggestions![a].shown, own: { "axis:scientific_consensus": "opposed" } } } };
    const changed = await saveAnnotation(actor, mine.id, { baseVersion: 2, clientMutationId: `h-rewrite-${mine.id}`, data: rewritten, submit: false });
    expect(changed.status === "invalid" && changed.problems.map((p) => p.message)).toEqual(["Suggestions once shown are kept as they were shown; this record cannot change."]);
    expect((await loadAssignmentForReview(actor, mine.id)).suggestions).toBeNull();
  });
});
