import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedProject, seedUser } from "@/lib/seed/factories";
import { importItems, type ImportProgress } from "./import-items";
import { csvItemRecords } from "./read-csv-items";

async function* text(csv: string) {
  yield csv;
}

async function setup() {
  const admin = await seedUser({ role: "ADMIN" });
  const project = await seedProject(admin.id);
  return { admin, project };
}

const HEADER = "externalId,question,isGold,responses.0.modelName,responses.0.content,responses.1.modelName,responses.1.content";

describe("importItems from CSV", () => {
  it("imports every row with its responses, and reports progress in bytes", async () => {
    const { admin, project } = await setup();
    const csv = [HEADER, 'c1,"What is\r\nhypertension?",false,alpha,**A** one,beta,B one', "c2,Q2?,true,alpha,A two,beta,B two", "c3,Q3?,,alpha,A three,,"].join("\r\n") + "\r\n";
    let bytes = 0;
    const progress: ImportProgress[] = [];
    const result = await importItems({
      actorId: admin.id,
      projectId: project.id,
      records: csvItemRecords(text(csv), (n) => (bytes += n)),
      bytesRead: () => bytes,
      fileName: "items.csv",
      onProgress: (p) => progress.push(p),
    });
    expect(result).toEqual({ ok: true, imported: 3, responses: 5 });
    expect(progress.at(-1)).toEqual({ lines: 5, bytes: Buffer.byteLength(csv) });
    const items = await getDb().item.findMany({ where: { projectId: project.id }, include: { responses: { orderBy: { position: "asc" } } }, orderBy: { externalId: "asc" } });
    expect(items.map((i) => [i.externalId, i.isGold, i.responses.map((r) => `${r.label}:${r.modelName}`)])).toEqual([
      ["c1", false, ["A:alpha", "B:beta"]],
      ["c2", true, ["A:alpha", "B:beta"]],
      ["c3", false, ["A:alpha"]],
    ]);
    expect(items[0].input).toEqual({ question: "What is\r\nhypertension?" });
    expect(items[0].responses[0].content).toBe("**A** one");
  });

  it("imports nothing when one row is bad, and names its physical line and field", async () => {
    const { admin, project } = await setup();
    // Row 3 (c3) starts on line 5: c1's question spans lines 2–3.
    const csv = [HEADER, 'c1,"Two\nlines",,alpha,A,beta,B', "c2,Q2?,,alpha,A,beta,B", "c3,Q3?,,,A without a model,beta,B", "c4,Q4?,,alpha,A,beta,B"].join("\n");
    const result = await importItems({ actorId: admin.id, projectId: project.id, records: csvItemRecords(text(csv)) });
    expect(result).toMatchObject({ ok: false, errorCount: 1, errors: [{ line: 5, field: "responses.0.modelName" }] });
    expect(await getDb().item.count()).toBe(0);
    expect(await getDb().response.count()).toBe(0);
  });
});
