import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedProject, seedUser } from "@/lib/seed/factories";
import { importItems } from "./import-items";
import { jsonLines } from "@/test/support/streams";

// Issue 13: typed analysis fields and variantOf, checked at import and stored.
const response = (modelName: string, analysis: object = {}) => ({ modelName, content: "An answer.", analysis });

describe("analysis fields at import", () => {
  it("store an item's variant, group and date, each response's cost, tokens, latency, prompt and cutoff, and variants of originals in any order", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const project = await seedProject(admin.id);
    const result = await importItems({
      actorId: admin.id,
      projectId: project.id,
      lines: jsonLines([
        { externalId: "case-1-old", variantOf: "case-1", question: "Q (age 80)?", analysis: { variant: "age-perturbed", group: "80+" }, responses: [response("m", { costUsd: 0.004, outputTokens: 310 })] },
        { externalId: "case-1", question: "Q?", analysis: { variant: "original", group: "40-60", date: "2025-03-01" }, responses: [response("m", { costUsd: 0.0123, inputTokens: 1200, outputTokens: 450, reasoningTokens: 2000, latencyMs: 5300.5, prompt: "persona-nurse", trainingCutoff: "2024-10-01" })] },
      ]),
    });
    expect(result).toEqual({ ok: true, imported: 2, responses: 2 });
    const items = await getDb().item.findMany({ where: { projectId: project.id }, include: { responses: true }, orderBy: { externalId: "asc" } });
    expect(items[0]).toMatchObject({ externalId: "case-1", variantOf: null, analysis: { variant: "original", group: "40-60", date: "2025-03-01" } });
    expect(items[0].responses[0].analysis).toEqual({ costUsd: 0.0123, inputTokens: 1200, outputTokens: 450, reasoningTokens: 2000, latencyMs: 5300.5, prompt: "persona-nurse", trainingCutoff: "2024-10-01" });
    expect(items[1]).toMatchObject({ externalId: "case-1-old", variantOf: "case-1", analysis: { variant: "age-perturbed", group: "80+" } });

    // A later file may name an original imported before.
    const later = await importItems({ actorId: admin.id, projectId: project.id, lines: jsonLines([{ externalId: "case-1-es", variantOf: "case-1", question: "¿P?", language: "es", analysis: { variant: "translated-es" }, responses: [response("m")] }]) });
    expect(later).toMatchObject({ ok: true, imported: 1 });
  });

  it("refuse a wrong type, a bad date, an unknown analysis field, a missing original and a self-reference, by line and field, importing nothing", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const project = await seedProject(admin.id);
    const result = await importItems({
      actorId: admin.id,
      projectId: project.id,
      lines: jsonLines([
        { externalId: "a", question: "Q?", analysis: { date: "01/03/2025" }, responses: [response("m")] },
        { externalId: "b", question: "Q?", responses: [response("m", { costUsd: "cheap" })] },
        { externalId: "c", question: "Q?", analysis: { variant: "x", colour: "red" }, responses: [response("m")] },
        { externalId: "d", question: "Q?", variantOf: "nowhere", responses: [response("m")] },
        { externalId: "e", question: "Q?", variantOf: "e", responses: [response("m")] },
        { externalId: "f", question: "Q?", responses: [response("m", { outputTokens: 1.5 })] },
      ]),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const at = (line: number) => result.errors.filter((e) => e.line === line).map((e) => `${e.field}: ${e.message}`).join(" | ");
    expect(at(1)).toMatch(/^analysis\.date: .*YYYY-MM-DD/);
    expect(at(2)).toMatch(/^responses\.0\.analysis\.costUsd|response 1.*costUsd/);
    expect(at(3)).toMatch(/colour/);
    expect(at(4)).toBe('variantOf: no item "nowhere" in this file or the project: a variant needs its original.');
    expect(at(5)).toBe("variantOf: an item cannot be a variant of itself.");
    expect(at(6)).toMatch(/outputTokens/);
    expect(await getDb().item.count({ where: { projectId: project.id } })).toBe(0);
  });
});
