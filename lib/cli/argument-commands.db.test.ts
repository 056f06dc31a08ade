import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "./main";

// `consilium import --format brat|conll|casimedicos` and `export --format brat|conll`: the same lib/
// code as the project page and the API, on the real fixtures.
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const FIXTURES = path.resolve(import.meta.dirname, "../../../shared/fixtures");
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function setup(slug: string) {
  expect((await cli("create-user", "--email", `admin@${slug}.org`, "--name", "Admin", "--role", "ADMIN", "--password", "a-long-password")).code).toBe(0);
  expect((await cli("create-project", "--template", "argument-structure", "--name", slug, "--slug", slug, "--as", `admin@${slug}.org`)).code).toBe(0);
  dirs.push(mkdtempSync(path.join(os.tmpdir(), "consilium-args-")));
  return { as: `admin@${slug}.org`, dir: dirs.at(-1)! };
}

describe("consilium import/export of argument corpora", () => {
  it("imports the AbstRCT brat folder and exports it back as a folder and a zip with the same file names", async () => {
    const { as, dir } = await setup("abstrct");
    const imported = await cli("import", "abstrct", path.join(FIXTURES, "abstrct/brat"), "--format", "brat", "--as", as);
    expect(imported).toMatchObject({ code: 0, out: "Imported 30 items with 0 responses into abstrct; the project's label set gained the labels and relations of annotation.conf." });
    const folder = path.join(dir, "out");
    const exported = await cli("export", "abstrct", "--format", "brat", "--source", "imported", "--out", folder, "--as", as);
    expect(exported).toMatchObject({ code: 0, err: `Wrote 30 documents (imported) to ${folder}.` });
    const originals = readdirSync(path.join(FIXTURES, "abstrct/brat")).filter((n) => /\.(txt|ann|conf)$/.test(n)).sort();
    expect(readdirSync(path.join(folder, "imported")).filter((n) => n !== "visual.conf").sort()).toEqual(originals);
    expect(readFileSync(path.join(folder, "imported/10735891.txt"), "utf8")).toBe(readFileSync(path.join(FIXTURES, "abstrct/brat/10735891.txt"), "utf8"));
    expect((await cli("export", "abstrct", "--format", "brat", "--source", "imported", "--out", folder, "--as", as))).toMatchObject({ code: 2, err: `${folder} exists already; give a new folder (or a .zip file) for --out.` });

    const zip = path.join(dir, "out.zip");
    expect((await cli("export", "abstrct", "--format", "brat", "--source", "imported", "--out", zip, "--as", as)).code).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(zip))).filter((n) => n.endsWith(".ann"))).toHaveLength(30);

    const bio = path.join(dir, "abstrct.conll");
    expect((await cli("export", "abstrct", "--format", "conll", "--source", "imported", "--fold-major-claim", "--out", bio, "--as", as)).code).toBe(0);
    expect(readFileSync(bio, "utf8").split("\n").filter((l) => l.startsWith("-DOCSTART-"))).toHaveLength(30);
    expect(existsSync(`${bio}.${process.pid}.partial`)).toBe(false);
    expect((await cli("export", "abstrct", "--format", "brat", "--as", as))).toMatchObject({ code: 2 });
  });

  it("refuses CasiMedicos-Arg's 8 list-wrapped lines by number, and imports the rest with --skip-invalid", async () => {
    const { as } = await setup("casi");
    const strict = await cli("import", "casi", path.join(FIXTURES, "casimedicos-arg"), "--format", "casimedicos", "--as", as);
    expect(strict.code).toBe(2);
    expect(strict.err.split("\n").filter((l) => l.startsWith("validation_relations.jsonl, line "))).toHaveLength(8);
    expect(strict.err).toMatch(/Import failed with 8 errors; nothing was imported\. \(--skip-invalid imports the rest and lists what it leaves out\.\)$/);
    const lenient = await cli("import", "casi", path.join(FIXTURES, "casimedicos-arg"), "--format", "casimedicos", "--skip-invalid", "--as", as);
    expect(lenient).toMatchObject({ code: 0, out: "Imported 55 items with 0 responses into casi." });
    expect(lenient.err.split("\n").filter((l) => l.startsWith("note: Skipped: validation_relations.jsonl, line "))).toHaveLength(8);
  });
});
