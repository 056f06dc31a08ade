import { describe, expect, it } from "vitest";
import type { SkippedRecord, SubmittedRecord } from "./record-schema";
import { CSV_COLUMNS, exportChunks, toCsvRows } from "./write-export";

const record: SubmittedRecord = {
  status: "submitted", kind: "qa", annotationId: "a1", version: 3, rubricVersion: 1, project: "p", batch: "b", assignmentId: "as1", itemId: "i1", externalId: "q-1",
  reviewer: "R-abc", submittedAt: "2026-01-01T00:00:00.000Z", timeOnTaskMs: 1200,
  responses: [
    { responseId: "r1", label: "A", modelName: "alpha", shownAs: 2, ratings: { harm_extent: "none" }, comments: { harm_extent: 'said "fine", ok' } },
    { responseId: "r2", label: "B", modelName: "beta", shownAs: 1, ratings: { harm_extent: "death_severe" }, comments: {} },
  ],
  itemRatings: {}, itemComments: {}, overallComment: "multi\nline",
};

async function collect(gen: AsyncGenerator<string>) {
  let out = "";
  for await (const c of gen) out += c;
  return out;
}

async function* one() { yield record; }

describe("export writers", () => {
  it("writes one CSV row per rating plus the overall comment", () => {
    const rows = toCsvRows(record);
    expect(rows).toHaveLength(3);
    expect(rows[0].slice(5, 13)).toEqual(["r1", "A", "alpha", "2", "R-abc", "response", "harm_extent", "none"]);
    expect(rows[2][11]).toBe("overall_comment");
  });

  it("quotes CSV fields with commas, quotes and newlines", async () => {
    const csv = await collect(exportChunks("csv", one()));
    expect(csv.split("\n")[0]).toMatch(/^annotation_id,project,batch/);
    expect(csv).toContain('"said ""fine"", ok"');
    expect(csv).toContain('"multi\nline"');
  });

  it("writes a skipped assignment as one row with its status and reason, and no annotation", () => {
    const skipped: SkippedRecord = {
      status: "skipped", project: "p", batch: "b", assignmentId: "as9", itemId: "i1", externalId: "q-1", kind: "qa", reviewer: "R-abc", timeOnTaskMs: 300,
      skipReason: "Outside my specialty", responses: [{ responseId: "r1", label: "A", modelName: "alpha", shownAs: 1 }],
    };
    const rows = toCsvRows(skipped);
    expect(rows).toHaveLength(1);
    expect(Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[0][i]]))).toEqual({
      annotation_id: "", project: "p", batch: "b", item_id: "i1", external_id: "q-1", response_id: "", response_label: "", model_name: "", shown_as: "",
      reviewer: "R-abc", target: "skip", axis: "skip_reason", value: "Outside my specialty", comment: "", submitted_at: "", time_on_task_ms: "300",
      assignment_id: "as9", status: "skipped", criterion_id: "", criterion_text: "", criterion_points: "", rubric_version: "", arm: "", phase: "", turn: "",
      item_variant: "", item_group: "", item_date: "", variant_of: "", response_prompt: "", response_cost_usd: "", response_input_tokens: "", response_output_tokens: "", response_reasoning_tokens: "", response_latency_ms: "", response_training_cutoff: "", answer_correct: "",
    });
  });

  it("writes one JSON object per line", async () => {
    const jsonl = await collect(exportChunks("jsonl", one()));
    const lines = jsonl.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]).responses[1].modelName).toBe("beta");
  });

  it("reports pairwise choices by real response and applies the axis polarity", () => {
    const a = { responseId: "r2", label: "B", modelName: "beta" };
    const b = { responseId: "r1", label: "A", modelName: "alpha" };
    const rows = toCsvRows({
      ...record,
      overallComment: "",
      responses: [],
      pairwise: [
        { axis: "reasoning", polarity: "HIGHER_IS_BETTER", shownA: a, shownB: b, chosen: a, better: a },
        { axis: "possible_harm_extent", polarity: "CHOSEN_IS_WORSE", shownA: a, shownB: b, chosen: a, better: b, strength: 2 },
      ],
    });
    expect(rows.map((r) => [r[5], r[10], r[11], r[12]])).toEqual([
      ["r2", "pair", "reasoning", "B"],
      ["r2", "pair", "reasoning:better", "B"],
      ["r2", "pair", "possible_harm_extent", "B"],
      ["r1", "pair", "possible_harm_extent:better", "A"],
    ]);
  });

  it("writes criteria marks and the unclipped item score", () => {
    const rows = toCsvRows({
      ...record,
      overallComment: "",
      responses: [{ ...record.responses[0], ratings: {}, comments: {}, confidence: 4, criteriaScore: -0.5, criteria: [{ criterionId: "c1", number: 1, text: "Says it", points: -5, tags: [], met: true, note: "says it" }, { criterionId: "c2", number: 2, text: "Asks, \"why?\"", points: 10, tags: [], met: false }] }],
    });
    expect(rows.map((r) => [r[10], r[11], r[12], r[13], ...r.slice(18, 21)])).toEqual([
      ["confidence", "confidence", "4", "", "", "", ""],
      ["criterion", "criterion:1", "met", "says it", "c1", "Says it", "-5"],
      ["criterion", "criterion:2", "not_met", "", "c2", 'Asks, "why?"', "10"],
      ["criterion", "criteria_score", "-0.5", "", "", "", ""],
    ]);
  });
});
