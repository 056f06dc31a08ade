import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { qaLines, seedProject, seedUser } from "@/lib/seed/factories";
import { importItems } from "./import-items";

async function* lines(list: string[]) {
  yield* list;
}

async function setup() {
  const admin = await seedUser({ role: "ADMIN" });
  const project = await seedProject(admin.id);
  return { admin, project };
}

describe("importItems", () => {
  it("imports qa items with their responses, labels and metadata, and audits it", async () => {
    const { admin, project } = await setup();
    const rows = qaLines(3).map((r, i) => JSON.stringify({ ...r, context: i === 0 ? "ctx" : undefined, metadata: { source: "t" } }));
    const result = await importItems({ actorId: admin.id, projectId: project.id, lines: lines(rows), fileName: "x.jsonl" });
    expect(result).toEqual({ ok: true, imported: 3, responses: 6 });
    const items = await getDb().item.findMany({ where: { projectId: project.id }, include: { responses: { orderBy: { position: "asc" } } }, orderBy: { externalId: "asc" } });
    expect(items.map((i) => i.externalId)).toEqual(["q-1", "q-2", "q-3"]);
    expect(items[0].input).toEqual({ question: expect.stringContaining("Question 1"), context: "ctx" });
    expect(items[0].responses.map((r) => [r.label, r.modelName])).toEqual([["A", "model-alpha"], ["B", "model-beta"]]);
    const audit = await getDb().auditEvent.findFirst({ where: { action: "items.import" } });
    expect(audit?.data).toMatchObject({ imported: 3, fileName: "x.jsonl" });
  });

  it("reports every bad line by number and field, and imports nothing", async () => {
    const { admin, project } = await setup();
    const good = JSON.stringify(qaLines(1)[0]);
    const rows = [
      good,
      "{not json",
      JSON.stringify({ externalId: "x2", question: "", responses: [{ modelName: "m", content: "c" }] }),
      JSON.stringify({ externalId: "x3", question: "q", responses: [{ content: "c" }] }),
      "",
      JSON.stringify({ externalId: "x4", question: "q", responses: [] }),
      good,
    ];
    const result = await importItems({ actorId: admin.id, projectId: project.id, lines: lines(rows) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.field])).toEqual([
      [2, "(line)"],
      [3, "question"],
      [4, "responses.0.modelName"],
      [6, "responses"],
      [7, "externalId"],
    ]);
    expect(result.errors[4].message).toMatch(/repeats line 1/);
    expect(await getDb().item.count()).toBe(0);
    expect(await getDb().response.count()).toBe(0);
  });

  it("treats re-importing an existing externalId as a conflict, never a duplicate", async () => {
    const { admin, project } = await setup();
    const rows = qaLines(2).map((r) => JSON.stringify(r));
    expect((await importItems({ actorId: admin.id, projectId: project.id, lines: lines(rows) })).ok).toBe(true);
    const again = await importItems({ actorId: admin.id, projectId: project.id, lines: lines([JSON.stringify(qaLines(3)[2]), rows[1]]) });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.errors).toEqual([{ line: 2, field: "externalId", message: expect.stringMatching(/already exists/) }]);
    expect(await getDb().item.count()).toBe(2);
  });

  it("rolls back chunks already written when a later chunk fails", async () => {
    const { admin, project } = await setup();
    const rows = qaLines(1200).map((r) => JSON.stringify(r));
    rows.push("[]");
    const result = await importItems({ actorId: admin.id, projectId: project.id, lines: lines(rows) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].line).toBe(1201);
    expect(await getDb().item.count()).toBe(0);
  });

  it("refuses an empty file", async () => {
    const { admin, project } = await setup();
    const result = await importItems({ actorId: admin.id, projectId: project.id, lines: lines(["", "  "]) });
    expect(result).toMatchObject({ ok: false, errors: [{ field: "(file)" }] });
  });
});
