import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterEach, describe, expect, it, vi } from "vitest";

// The converter scripts as a researcher runs them, on files built from the real fixture rows.
// Each script run starts a tsx process (seconds on a loaded 2-core machine), hence the timeout.
vi.setConfig({ testTimeout: 60_000 });
const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURES = path.resolve(ROOT, "../shared/fixtures");
const run = (script: string, args: string[]) => spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "scripts", script), ...args], { cwd: ROOT, encoding: "utf8" });
const dirs: string[] = [];
const tmp = () => dirs[dirs.push(mkdtempSync(path.join(os.tmpdir(), "consilium-convert-"))) - 1];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("convert-medec", () => {
  const rows = parse(readFileSync(path.join(FIXTURES, "medec/MEDEC-MS-ValidationSet-subset.csv")), { columns: true, bom: true }) as Record<string, string>[];

  it("writes nothing on a bad row, unless --skip-invalid, which lists the rows left out", () => {
    const dir = tmp();
    const file = path.join(dir, "gap.csv");
    const gap = rows.slice(0, 3).map((r, i) => (i === 1 ? { ...r, Sentences: r.Sentences.replace(/^3 .*\n/m, "") } : r));
    writeFileSync(file, stringify(gap, { header: true, columns: Object.keys(rows[0]) }));
    const out = path.join(dir, "out.jsonl");
    const strict = run("convert-medec.ts", [file, "-o", out]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/gap\.csv:\d+: Sentences: sentence 3 is missing/);
    expect(strict.stderr).toContain("1 error(s); nothing written. (--skip-invalid writes the other rows.)");

    const skipping = run("convert-medec.ts", [file, "--skip-invalid", "-o", out]);
    expect(skipping.status).toBe(0);
    expect(skipping.stderr).toMatch(/converted 2 note\(s\) from .*; left out 1 row\(s\) with the errors above/);
    expect(readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l).externalId)).toEqual(["ms-val-0", "ms-val-2"]);
  });

  it("converts a file without labels, and refuses --gold for it", () => {
    const file = path.join(tmp(), "unlabelled.csv");
    writeFileSync(file, stringify(rows.slice(0, 2), { header: true, columns: ["Text ID", "Text", "Sentences"] }));
    const plain = run("convert-medec.ts", [file]);
    expect(plain.status).toBe(0);
    expect(plain.stdout.trim().split("\n").map((l) => JSON.parse(l))).toEqual([expect.not.objectContaining({ reference: expect.anything() }), expect.not.objectContaining({ reference: expect.anything() })]);
    const gold = run("convert-medec.ts", [file, "--gold"]);
    expect(gold.status).toBe(1);
    expect(gold.stderr).toContain("--gold needs MEDEC's label columns");
  });
});

describe("convert-healthbench", () => {
  it("reads a directory of examples saved with a byte-order mark", () => {
    const dir = tmp();
    for (const name of ["example_2.json", "example_3.json"]) writeFileSync(path.join(dir, name), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(path.join(FIXTURES, "healthbench", name))]));
    const result = run("convert-healthbench.ts", [dir]);
    expect(result.stderr).toMatch(/^converted 1, skipped 1/);
    expect(result.status).toBe(0);
  });
});
