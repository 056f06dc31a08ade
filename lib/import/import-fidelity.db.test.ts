import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedProject, seedUser } from "@/lib/seed/factories";
import { convertMedecCsv } from "./converters/medec";
import { importItems } from "./import-items";

const MEDEC = path.resolve(import.meta.dirname, "../../../shared/fixtures/medec/MEDEC-MS-ValidationSet-subset.csv");

async function* lines(list: string[]) {
  yield* list;
}

async function setup() {
  const admin = await seedUser({ role: "ADMIN" });
  const project = await seedProject(admin.id);
  return { admin, project };
}

type Reference = { errorSentence: string | null; correctedSentence: string | null; correctedText: string | null };

describe("imported content is stored byte for byte", () => {
  it("keeps every MEDEC note exactly, so corrected text = text with the correction applied still holds", async () => {
    const { admin, project } = await setup();
    const source = parse(readFileSync(MEDEC), { columns: true, bom: true }) as Record<string, string>[];
    const { items, errors } = convertMedecCsv(readFileSync(MEDEC, "utf8"));
    expect(errors).toEqual([]);
    const result = await importItems({ actorId: admin.id, projectId: project.id, lines: lines(items.map((i) => JSON.stringify(i))) });
    expect(result).toMatchObject({ ok: true, imported: 30 });

    const stored = await getDb().item.findMany({ where: { projectId: project.id } });
    const byId = new Map(stored.map((i) => [i.externalId, i]));
    let trailing = 0;
    let identities = 0;
    for (const row of source) {
      const item = byId.get(row["Text ID"])!;
      const text = (item.input as { text: string }).text;
      expect(text, row["Text ID"]).toBe(row["Text"]);
      if (/\s$/.test(row["Text"])) trailing += 1;
      // Where the identity holds upstream, it must still hold on what we stored.
      if (row["Error Flag"] === "1" && row["Text"].replace(row["Error Sentence"], row["Corrected Sentence"]) === row["Corrected Text"]) {
        const ref = item.reference as Reference;
        expect(text.replace(ref.errorSentence!, ref.correctedSentence!), row["Text ID"]).toBe(ref.correctedText);
        identities += 1;
      }
    }
    expect(trailing).toBe(17);
    expect(identities).toBe(23);
  });

  it("stores whitespace around content as given and trims identifiers", async () => {
    const { admin, project } = await setup();
    const line = {
      externalId: "  q-1 ",
      question: "\n  Is 145/92 high?  \n",
      responses: [{ modelName: " model-a ", content: "Yes.\n\n", reasoning: "  First, …\n" }],
      criteria: [{ criterion: " Mentions repeat readings ", points: 5, tags: [" axis:accuracy "] }],
    };
    expect(await importItems({ actorId: admin.id, projectId: project.id, lines: lines([JSON.stringify(line)]) })).toMatchObject({ ok: true });
    const item = await getDb().item.findFirstOrThrow({ where: { projectId: project.id }, include: { responses: true, criteria: true } });
    expect(item.externalId).toBe("q-1");
    expect(item.input).toEqual({ question: line.question });
    expect(item.responses[0]).toMatchObject({ modelName: "model-a", content: "Yes.\n\n", reasoning: "  First, …\n" });
    expect(item.criteria[0]).toMatchObject({ text: " Mentions repeat readings ", tags: ["axis:accuracy"] });
  });
});
