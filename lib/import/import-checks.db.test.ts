import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedProject, seedUser } from "@/lib/seed/factories";
import { importItems, type ImportResult } from "./import-items";
import { readImportRecords } from "./read-import-records";

// Imports that used to change data silently or fail with "line 0, (server)": each is now a
// located error, and nothing is imported.

async function* lines(list: string[]) {
  yield* list;
}
const qa = (over: Record<string, unknown> = {}) => ({ externalId: "q-1", question: "Q?", responses: [{ modelName: "m", content: "c" }], ...over });

async function importLines(list: string[]) {
  const admin = await seedUser({ role: "ADMIN" });
  const project = await seedProject(admin.id);
  return importItems({ actorId: admin.id, projectId: project.id, lines: lines(list) });
}

async function importBytes(format: "jsonl" | "csv", bytes: Buffer) {
  const admin = await seedUser({ role: "ADMIN" });
  const project = await seedProject(admin.id);
  return importItems({ actorId: admin.id, projectId: project.id, ...readImportRecords(format, Readable.from([bytes])) });
}

function failures(result: ImportResult) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map((e) => [e.line, e.field, e.message]);
}

async function expectNothingImported() {
  expect(await getDb().item.count()).toBe(0);
  expect(await getDb().response.count()).toBe(0);
}

describe("values that would be stored changed, or that PostgreSQL refuses", () => {
  it("refuses numbers a JavaScript number cannot hold, naming the field", async () => {
    const result = await importLines([
      '{"externalId":12345678901234567890123,"question":"Q?","responses":[{"modelName":"m","content":"c"}]}',
      '{"externalId":"q-2","question":"Q?","responses":[{"modelName":"m","content":"c"}],"metadata":{"big":1e400,"tiny":1e-400,"list":[0.1,1.0,-0,1e3,9007199254740993]}}',
    ]);
    expect(failures(result)).toEqual([
      [1, "externalId", "the number 12345678901234567890123 has more digits than can be stored exactly: it would become 1.2345678901234568e+22; put it in quotes to keep it as text."],
      [2, "metadata.big", "the number 1e400 is too large to store (the largest is about 1.8e308); put it in quotes to keep it as text."],
      [2, "metadata.tiny", "the number 1e-400 is too close to zero to store: it would become 0; put it in quotes to keep it as text."],
      [2, "metadata.list.4", "the number 9007199254740993 has more digits than can be stored exactly: it would become 9007199254740992; put it in quotes to keep it as text."],
    ]);
    await expectNothingImported();
  });

  it("stores numbers that are held exactly, and whole-number ids as their digits", async () => {
    const result = await importLines([JSON.stringify(qa({ externalId: 9007199254740991, metadata: { score: 0.1, n: 1e3, neg: -2.5e-7 } }))]);
    expect(result).toMatchObject({ ok: true, imported: 1 });
    expect(await getDb().item.findFirstOrThrow()).toMatchObject({ externalId: "9007199254740991", metadata: { score: 0.1, n: 1000, neg: -2.5e-7 } });
  });

  it("refuses NUL characters and unpaired surrogates anywhere, keys included, instead of failing on the server", async () => {
    const result = await importLines([
      '{"externalId":"q-1","question":"Q\\u0000?","responses":[{"modelName":"m","content":"c"}]}',
      '{"externalId":"q-2","question":"Q?","responses":[{"modelName":"m","content":"half \\ud83d of an emoji"}],"metadata":{"k\\u0000":"v"}}',
      '{"externalId":"q-3","question":"Q?","responses":[{"modelName":"m","content":"a whole 😀 emoji"}]}',
    ]);
    expect(failures(result)).toEqual([
      [1, "question", "this text contains a NUL character (\\u0000), which cannot be stored; remove it."],
      [2, "responses.0.content", "this text contains half of a UTF-16 surrogate pair (\\ud83d) without the other half, which is not valid Unicode text; fix or remove it."],
      [2, "metadata.k\u0000", 'the key "k?" contains a NUL character (\\u0000), which cannot be stored; remove it.'],
    ]);
    await expectNothingImported();
  });

  it("refuses JSON nested 10,000 deep with one located error", async () => {
    const deep = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    const result = await importLines([JSON.stringify(qa()), `{"externalId":"q-2","question":"Q?","responses":[{"modelName":"m","content":"c"}],"metadata":{"deep":${deep}}}`]);
    expect(failures(result)).toEqual([[2, `metadata.deep${".0".repeat(62)}`, "this value is nested more than 64 levels deep, which cannot be stored; flatten it."]]);
    await expectNothingImported();
  });

  it("limits free JSON per field", async () => {
    const result = await importLines([JSON.stringify(qa({ metadata: { blob: "x".repeat(200_000) } }))]);
    expect(failures(result)).toEqual([[1, "metadata", "metadata is too large: at most 100,000 characters of JSON, this one has 200,011."]]);
  });

  it("reports every error of a line, the mcq cross-field checks included", async () => {
    const result = await importLines([JSON.stringify({ kind: "mcq", externalId: "m-1", question: "Which?", options: ["Aspirin", ""], correctOption: "Z", responses: [{ modelName: "m", choice: "B" }] })]);
    expect(failures(result)).toEqual([
      [1, "options.1", "option 2 must not be blank."],
      [1, "correctOption", 'correctOption "Z" is not one of the options (A, B).'],
    ]);
  });
});

describe("files that are not what they claim", () => {
  it("refuses invalid UTF-8 in JSONL on its line, and reads the other lines", async () => {
    const latin1 = Buffer.concat([Buffer.from(JSON.stringify(qa()) + "\n"), Buffer.from('{"externalId":"q-2","question":"Caf'), Buffer.from([0xe9]), Buffer.from('?","responses":[]}\n')]);
    expect(failures(await importBytes("jsonl", latin1))).toEqual([[2, "(line)", "This line cannot be read: it is not valid UTF-8 text (bytes 0xE9 0x3F 0x22 0x2C at byte 36); save the file as UTF-8 and import it again."]]);
    await expectNothingImported();
  });

  it("refuses invalid UTF-8 in CSV at its line, and a NUL byte in a cell on its field", async () => {
    const header = "externalId,question,responses.0.modelName,responses.0.content\n";
    const bad = Buffer.concat([Buffer.from(`${header}q1,"Two\nlines",m,c\nq2,Caf`), Buffer.from([0xe9]), Buffer.from(",m,c\n")]);
    expect(failures(await importBytes("csv", bad))).toEqual([[4, "(csv)", "This line cannot be read: it is not valid UTF-8 text (bytes 0xE9 0x2C 0x6D 0x2C at byte 7); save the file as UTF-8 and import it again. Reading stopped here."]]);
    const nul = Buffer.from(`${header}q1,Q\u0000?,m,c\n`);
    expect(failures(await importBytes("csv", nul))).toEqual([[2, "question", "this text contains a NUL character (\\u0000), which cannot be stored; remove it."]]);
    const points = Buffer.from(`${header.trim()},criteria.0.text,criteria.0.points\nq1,Q?,m,c,Dose,1e400\n`);
    expect(failures(await importBytes("csv", points))).toEqual([[2, "criteria.0.points", "the number 1e400 is too large to store (the largest is about 1.8e308); put it in quotes to keep it as text."]]);
    await expectNothingImported();
  });

  it("stops at the first line of a brat or BIO file read as JSONL: one error, not one per line", async () => {
    const brat = readFileSync(path.resolve(import.meta.dirname, "../../../shared/fixtures/abstrct/brat/10735891.ann"));
    const result = await importBytes("jsonl", brat);
    expect(result).toMatchObject({ ok: false, errorCount: 1, lines: 1 });
    expect(failures(result)[0][2]).toMatch(/^This line is not JSON, so the file is not JSONL .* It looks like brat standoff annotations/);

    const csvAsJsonl = await importBytes("jsonl", Buffer.from("externalId,question\nq1,Q?\n"));
    expect(failures(csvAsJsonl)).toEqual([[1, "(line)", expect.stringContaining("It looks like CSV")]]);
    const jsonlAsCsv = await importBytes("csv", Buffer.from(`${JSON.stringify(qa())}\n${JSON.stringify(qa({ externalId: "q-2" }))}\n`));
    expect(failures(jsonlAsCsv)).toEqual([[1, "(header)", expect.stringContaining("this looks like a JSONL file")]]);
  });
});
