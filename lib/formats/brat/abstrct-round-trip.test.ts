import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkArgumentAnnotation } from "../check-annotation";
import { readBratFiles, writeBratFiles, type BratFile } from "./brat-files";

// Acceptance test of issue 8: importing every AbstRCT document and writing it back reproduces every
// T and R line of the originals (type, offsets, text; ids may be renumbered). The originals are
// read here with a few lines of string splitting, independently of the module under test.
const DIR = path.resolve(import.meta.dirname, "../../../../shared/fixtures/abstrct/brat");
const FILES: BratFile[] = readdirSync(DIR)
  .sort()
  .map((name) => ({ name, content: readFileSync(path.join(DIR, name), "utf8") }));

type Lines = { t: string[]; r: string[] };

/** T lines as "type start end text", R lines as "type | arg1's T line | arg2's T line", each sorted (a multiset). */
function linesOf(ann: string): Lines {
  const rows = ann.split("\n").filter((l) => l !== "").map((l) => l.split("\t"));
  const tById = new Map(rows.filter(([id]) => id.startsWith("T")).map(([id, head, text]) => [id, `${head} ${text}`]));
  const r = rows
    .filter(([id]) => id.startsWith("R"))
    .map(([, head]) => {
      const [type, arg1, arg2] = head.split(" ");
      return `${type} | ${tById.get(arg1.replace("Arg1:", ""))} | ${tById.get(arg2.replace("Arg2:", ""))}`;
    });
  return { t: [...tById.values()].sort(), r: r.sort() };
}

describe("brat round trip on the AbstRCT fixtures", () => {
  const read = readBratFiles(FILES);
  const written = writeBratFiles(read.documents, read.labelSet);
  const byName = new Map(written.map((f) => [f.name, f.content]));
  const originals = FILES.filter((f) => f.name.endsWith(".ann"));

  it("covers what the issue names: texts that begin with a space, R lines with and without a trailing tab, non-ASCII text", () => {
    expect(originals).toHaveLength(30);
    expect(FILES.filter((f) => f.name.endsWith(".txt")).every((f) => f.content.startsWith(" "))).toBe(true);
    const rLines = originals.flatMap((f) => f.content.split("\n").filter((l) => l.startsWith("R")));
    expect(rLines.filter((l) => l.endsWith("\t")).length).toBeGreaterThan(0);
    expect(rLines.filter((l) => !l.endsWith("\t")).length).toBeGreaterThan(0);
    expect(FILES.some((f) => f.name.endsWith(".ann") && /[^\x00-\x7f]/.test(f.content))).toBe(true);
  });

  it("imports all 30 documents without an issue, each valid against its text and the corpus's label set", () => {
    expect(read.issues).toEqual([]);
    expect(read.notes).toEqual([]);
    expect(read.documents.map((d) => d.externalId)).toEqual(originals.map((f) => f.name.replace(/\.ann$/, "")));
    for (const doc of read.documents) expect(checkArgumentAnnotation(doc.text, doc.annotation, read.labelSet)).toEqual([]);
    const spans = read.documents.flatMap((d) => d.annotation.spans);
    const relations = read.documents.flatMap((d) => d.annotation.relations);
    expect(spans).toHaveLength(originals.flatMap((f) => f.content.split("\n").filter((l) => l.startsWith("T"))).length);
    expect(relations).toHaveLength(originals.flatMap((f) => f.content.split("\n").filter((l) => l.startsWith("R"))).length);
  });

  it("writes every T and R line back, per document, with the same file names and byte-identical texts", () => {
    expect([...byName.keys()].filter((n) => /\.(txt|ann)$/.test(n)).sort()).toEqual(FILES.map((f) => f.name).filter((n) => /\.(txt|ann)$/.test(n)));
    for (const file of FILES.filter((f) => f.name.endsWith(".txt"))) expect(byName.get(file.name)).toBe(file.content);
    for (const original of originals) {
      const again = byName.get(original.name) ?? "";
      expect({ file: original.name, ...linesOf(again) }).toEqual({ file: original.name, ...linesOf(original.content) });
    }
  });

  it("reads annotation.conf into AbstRCT's label set and writes a configuration that reads back the same", () => {
    expect(read.labelSet?.labels.map((l) => [l.key, l.shortcut])).toEqual([
      ["Premise", "p"],
      ["Claim", "c"],
      ["MajorClaim", "m"],
    ]);
    const allowed = Object.fromEntries(read.labelSet!.relations.map((r) => [r.key, r.allowed.map((p) => p.join("→")).sort()]));
    expect(allowed).toEqual({
      Support: ["Claim→Claim", "Claim→MajorClaim", "Claim→Premise", "Premise→Claim", "Premise→MajorClaim", "Premise→Premise"],
      Attack: ["Claim→Claim", "Claim→MajorClaim", "Claim→Premise", "Premise→Claim", "Premise→MajorClaim", "Premise→Premise"],
      "Partial-Attack": ["Claim→Claim", "Claim→Premise", "Premise→Claim", "Premise→Premise"],
    });
    const again = readBratFiles(written);
    expect(again.issues).toEqual([]);
    expect(again.labelSet).toEqual(read.labelSet);
    expect(again.documents.map((d) => d.externalId)).toEqual(read.documents.map((d) => d.externalId));
    expect(writeBratFiles(again.documents, again.labelSet)).toEqual(written); // writing is stable: read → write → read → write
  });
});
