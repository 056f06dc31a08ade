import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { seedVariantStudy } from "@/test/support/variant-study";
import { exportRecordSchema } from "./record-schema";
import { runExport } from "./run-export";
import { CSV_COLUMNS } from "./write-export";
import { collectText } from "@/test/support/streams";

// Issue 13: the imported analysis fields travel with every record, so a paper's tables can be
// rebuilt from the export alone.
describe("analysis fields in exports", () => {
  it("JSONL records carry the item's variant, group, date and variantOf, and each response's cost, tokens, prompt and cutoff", async () => {
    const { admin, project } = await seedVariantStudy();
    const text = await collectText(runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id } }));
    const records = text.trim().split("\n").map((l) => JSON.parse(l));
    expect(records).toHaveLength(8);
    for (const r of records) expect(exportRecordSchema.parse(r)).toEqual(r);
    const variant = records.find((r) => r.externalId === "case-3-age")!;
    expect(variant.analysis).toEqual({ variant: "age-perturbed", group: "women", date: "2025-06-01", variantOf: "case-3" });
    expect(records.find((r) => r.externalId === "case-3")!.analysis).toEqual({ variant: "original", group: "women", date: "2025-06-01" });
    const alpha = variant.responses.find((x: { modelName: string }) => x.modelName === "model-alpha");
    expect(alpha.analysis).toEqual({ costUsd: 0.03, outputTokens: 300, prompt: "plain", trainingCutoff: "2024-12-01" });
    expect(Object.keys(alpha).slice(0, 6)).toEqual(["responseId", "label", "modelName", "shownAs", "analysis", "answerCorrect"]);
    // Graded against the item's key: alpha chose B on this variant, A is correct.
    expect(alpha.answerCorrect).toBe(false);
    expect(variant.responses.find((x: { modelName: string }) => x.modelName === "model-beta").answerCorrect).toBe(true);
  });

  it("CSV rows repeat them in their own columns, the response's on its rows only", async () => {
    const { admin, project } = await seedVariantStudy();
    const text = await collectText(runExport({ actorId: admin.id, format: "csv", filter: { projectId: project.id } }));
    const rows: Record<string, string>[] = parse(text, { columns: true });
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
    const beta = rows.find((r) => r.external_id === "case-2-age" && r.model_name === "model-beta" && r.target === "response")!;
    expect(beta).toMatchObject({ item_variant: "age-perturbed", item_group: "men", item_date: "2023-05-01", variant_of: "case-2", response_prompt: "persona-nurse", response_cost_usd: "0.002", response_output_tokens: "50", response_input_tokens: "", response_training_cutoff: "2024-06-01", answer_correct: "true" });
  });
});
