import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkArgumentAnnotation } from "../check-annotation";
import { describeIssue } from "../format-issue";
import { readCasimedicos } from "./read-casimedicos";

// Acceptance test on the CasiMedicos-Arg fixture (validation split, English). The expected counts
// are computed here from the raw files with plain JSON handling, not with the module.
const DIR = path.resolve(import.meta.dirname, "../../../../shared/fixtures/casimedicos-arg");
const documentsJson = readFileSync(path.join(DIR, "validation_en_ordered.json"), "utf8");
const relationsJsonl = readFileSync(path.join(DIR, "validation_relations.jsonl"), "utf8");

type RawRecord = { id: string; text: string[][] | ""; labels: string[][] | "" }; // "" when a record has no text
const records = JSON.parse(documentsJson) as RawRecord[];
const rawLines = relationsJsonl.split("\n").filter((l) => l.trim() !== "");

describe("CasiMedicos-Arg import", () => {
  const read = readCasimedicos({ documents: documentsJson, relations: relationsJsonl, documentsFile: "validation_en_ordered.json", relationsFile: "validation_relations.jsonl" });

  it("makes a document of every record with tokens, a span of every Claim and Premise, a relation of every pair", () => {
    const withTokens = records.filter((r) => Array.isArray(r.text) && r.text.some((s) => s.length > 0));
    expect(read.documents.map((d) => d.externalId)).toEqual(withTokens.map((r) => r.id));
    expect(read.documents).toHaveLength(55);

    const beginnings = (label: string) => records.flatMap((r) => (Array.isArray(r.labels) ? r.labels.flat() : [])).filter((t) => t === `B-${label}`).length;
    const spans = read.documents.flatMap((d) => d.annotation.spans);
    expect(spans.filter((s) => s.label === "Claim")).toHaveLength(beginnings("Claim"));
    expect(spans.filter((s) => s.label === "Premise")).toHaveLength(beginnings("Premise"));
    expect(spans).toHaveLength(739);

    const pairs = rawLines.map((l) => JSON.parse(l)).filter((v) => !Array.isArray(v)).flatMap((v: Record<string, string[][]>) => Object.values(v).flat());
    const relations = read.documents.flatMap((d) => d.annotation.relations);
    expect(relations).toHaveLength(pairs.length);
    expect(relations.filter((r) => r.label === "Support")).toHaveLength(pairs.filter((p) => p[2] === "Support").length);
    expect(relations.filter((r) => r.label === "Attack")).toHaveLength(98);

    for (const doc of read.documents) expect(checkArgumentAnnotation(doc.text, doc.annotation)).toEqual([]);
  });

  it("reports each list-wrapped line as an error with its line number, and nothing else", () => {
    const wrapped = rawLines.flatMap((l, i) => (l.startsWith("[") ? [i + 1] : []));
    expect(wrapped).toEqual([3, 5, 6, 16, 23, 33, 42, 44]);
    expect(read.issues.map((i) => i.line)).toEqual(wrapped);
    expect(describeIssue(read.issues[0])).toBe(
      'validation_relations.jsonl, line 3: This line is a list ("[{\\"315_136\\": []}]"); each line must be one object {"document id": [[argument 1, argument 2, type], …]}. Remove the surrounding [ ].',
    );
  });

  it("notes the records without tokens, the Marker/Disease/Diagnostics spans left out, and the three inexact matches", () => {
    const notes = read.notes.map(describeIssue);
    expect(notes.filter((n) => n.includes("has no tokens"))).toHaveLength(8);
    expect(notes).toContain("validation_en_ordered.json: Spans labelled Marker (32), Diagnostics (1), Disease (2) were not imported: only Claim and Premise spans are read.");
    expect(notes.filter((n) => n.includes("is part of the longer span")).map((n) => n.slice(0, n.indexOf(": the argument")))).toEqual([
      'validation_relations.jsonl, line 20: Relation 3 of document "617_119"',
      'validation_relations.jsonl, line 27: Relation 12 of document "296_17"',
      'validation_relations.jsonl, line 37: Relation 1 of document "107_206"',
    ]);
  });

  it("spot checks: offsets, a sentence per line, relation texts matched without their final full stop, a self-support kept", () => {
    const doc = read.documents.find((d) => d.externalId === "233_104")!;
    expect(doc.text.split("\n")[0]).toBe("QUESTION TYPE: HEMATOLOGY");
    const [relation] = doc.annotation.relations;
    const span = (id: string) => doc.annotation.spans.find((s) => s.id === id)!;
    expect(relation.label).toBe("Support");
    expect(span(relation.from).text).toBe("The most frequent cause of microcytic iron deficiency anemia in young women is chronic gynecologic leaks.");
    expect(span(relation.to).text).toMatch(/^Gynecological examination/);
    expect(Array.from(doc.text).slice(span(relation.from).start, span(relation.from).end).join("")).toBe(span(relation.from).text);

    const first = read.documents[0];
    expect(first.externalId).toBe("274_73");
    const claim = first.annotation.spans.find((s) => s.text.startsWith("Therefore, endoscopic treatment"))!;
    expect(first.annotation.relations[0]).toMatchObject({ label: "Support", to: claim.id });

    const leukemia = read.documents.find((d) => d.externalId === "114_96")!;
    expect(leukemia.annotation.relations.some((r) => r.from === r.to)).toBe(true);

    const degrees = read.documents.find((d) => d.text.includes("38.9°C,"))!;
    expect(degrees.annotation.spans.every((s) => Array.from(degrees.text).slice(s.start, s.end).join("") === s.text)).toBe(true);
  });
});
