import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedProject, seedUser } from "@/lib/seed/factories";
import { importItems } from "./import-items";

// Issue 7, "fix the class": a statement may bind at most 65,535 parameters. The import writes a chunk
// of items at a time, and a chunk of items with many responses and criteria (HealthBench examples carry
// dozens of criteria) multiplies into far more rows than items.
async function* lines(count: number) {
  for (let i = 0; i < count; i++) {
    yield JSON.stringify({
      externalId: `many-${i}`,
      question: `Question ${i}?`,
      responses: Array.from({ length: 15 }, (_, r) => ({ modelName: `model-${r}`, content: `Answer ${r}.` })),
      criteria: Array.from({ length: 25 }, (_, c) => ({ criterion: `Criterion ${c}`, points: (c % 10) + 1, tags: ["axis:accuracy"] })),
    });
  }
}

describe("importItems with many responses and criteria per item", () => {
  it("writes chunks whose rows need more than 65,535 parameters", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const project = await seedProject(admin.id);
    // 450 items fit one chunk: 6,750 responses × 10 columns and 11,250 criteria × 6 columns, both > 65,535.
    const result = await importItems({ actorId: admin.id, projectId: project.id, lines: lines(450) });
    expect(result).toEqual({ ok: true, imported: 450, responses: 6_750 });
    expect(await getDb().criterion.count({ where: { item: { projectId: project.id } } })).toBe(11_250);
  });
});
