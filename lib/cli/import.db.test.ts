import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { MAX_LINE_BYTES } from "@/lib/import/read-lines";
import { runCli } from "./main";

// `consilium import` on files that are not clean JSONL/CSV: every problem is a located error with
// exit code 2, never a stack trace, and nothing is imported.

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const BRAT = path.resolve(import.meta.dirname, "../../../shared/fixtures/abstrct/brat/10735891.ann");
const qa = (id: string, question = "Q?") => JSON.stringify({ externalId: id, question, responses: [{ modelName: "m", content: "c" }] });

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true }); // one test writes 16 MB
});

async function project() {
  expect((await cli("create-user", "--email", "admin@x.org", "--name", "Admin", "--role", "ADMIN", "--password", "a-long-password")).code).toBe(0);
  expect((await cli("create-project", "--template", "med-palm-long-form", "--name", "Imp", "--as", "admin@x.org")).code).toBe(0);
  dirs.push(mkdtempSync(path.join(os.tmpdir(), "consilium-import-")));
  return dirs.at(-1)!;
}

async function importFile(dir: string, name: string, content: string | Buffer, ...extra: string[]) {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return cli("import", "imp", file, "--as", "admin@x.org", ...extra);
}

function expectRefused(result: { code: number; err: string }) {
  expect(result.code).toBe(2);
  expect(result.err).not.toMatch(/\n\s+at /); // no stack trace
}

describe("consilium import", () => {
  it("counts in the singular and plural", async () => {
    const dir = await project();
    expect(await importFile(dir, "one.jsonl", qa("q-1") + "\n")).toMatchObject({ code: 0, out: "Imported 1 item with 1 response into imp." });
    const failed = await importFile(dir, "bad.jsonl", qa("q-2", " ") + "\n");
    expectRefused(failed);
    expect(failed.err).toBe("line 1, question: question must not be blank.\nImport failed with 1 error in 1 line; nothing was imported.");
  });

  it("reports invalid UTF-8, NUL, unpaired surrogates and deep nesting on their lines", async () => {
    const dir = await project();
    const content = Buffer.concat([
      Buffer.from(`${qa("q-1")}\n{"externalId":"q-2","question":"Caf`),
      Buffer.from([0xe9]),
      Buffer.from(`?","responses":[{"modelName":"m","content":"c"}]}\n`),
      Buffer.from(`${qa("q-3", "NUL \u0000 here")}\n${qa("q-4", "half \ud800 pair")}\n`),
      Buffer.from(`{"externalId":"q-5","question":"Q?","responses":[{"modelName":"m","content":"c"}],"metadata":{"deep":${"[".repeat(10_000)}${"]".repeat(10_000)}}}\n`),
    ]);
    const result = await importFile(dir, "mixed.jsonl", content);
    expectRefused(result);
    expect(result.err.split("\n")).toEqual([
      expect.stringMatching(/^line 2: This line cannot be read: it is not valid UTF-8 text \(bytes 0xE9 /),
      "line 3, question: this text contains a NUL character (\\u0000), which cannot be stored; remove it.",
      "line 4, question: this text contains half of a UTF-16 surrogate pair (\\ud800) without the other half, which is not valid Unicode text; fix or remove it.",
      expect.stringMatching(/^line 5, metadata\.deep(\.0)+: this value is nested more than 64 levels deep/),
      "Import failed with 4 errors in 5 lines; nothing was imported.",
    ]);
    expect(await getDb().item.count()).toBe(0);
  });

  it("skips a line past the length limit with an error naming it and the limit, and checks the lines after it", async () => {
    const dir = await project();
    const long = qa("q-2", "x".repeat(MAX_LINE_BYTES));
    const result = await importFile(dir, "long.jsonl", `${qa("q-1")}\n${long}\n${qa("q-3", "")}\n`);
    expectRefused(result);
    expect(result.err.split("\n")).toEqual([
      `line 2: This line is too long to import: it has 16 MB (${long.length.toLocaleString("en")} bytes), and a line may have at most 16 MB (16,777,216 bytes). It was skipped.`,
      "line 3, question: question must not be blank.",
      "Import failed with 2 errors in 3 lines; nothing was imported.",
    ]);
  });

  it("tells the format from the extension or --format, names the supported ones, and stops at the first line in the wrong format", async () => {
    const dir = await project();
    const brat = path.join(dir, "10735891.ann");
    copyFileSync(BRAT, brat);
    const refused = await cli("import", "imp", brat, "--as", "admin@x.org");
    expectRefused(refused);
    expect(refused.err).toMatch(/^Cannot import ".*10735891\.ann": brat standoff \(\.ann\) holds argument annotations, not items\. Supported formats: JSONL .* and CSV /);

    const renamed = path.join(dir, "brat.jsonl");
    copyFileSync(BRAT, renamed);
    const asJsonl = await cli("import", "imp", renamed, "--as", "admin@x.org");
    expectRefused(asJsonl);
    expect(asJsonl.err.split("\n")).toEqual([expect.stringMatching(/^line 1: This line is not JSON, so the file is not JSONL .*brat standoff/), "Import failed with 1 error in 1 line; nothing was imported."]);

    const csv = "externalId,question,responses.0.modelName,responses.0.content\nq-1,Q?,m,c\n";
    expect(await importFile(dir, "export.txt", csv, "--format", "csv")).toMatchObject({ code: 0, out: "Imported 1 item with 1 response into imp." });
    expectRefused(await importFile(dir, "x.jsonl", qa("q-9"), "--format", "xml"));
    const folder = await cli("import", "imp", `${dir}/`, "--format", "jsonl", "--as", "admin@x.org");
    expectRefused(folder);
    expect(folder.err).toMatch(/is not a file\.$/);
  });
});
