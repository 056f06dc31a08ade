import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createBatch } from "@/lib/assignments/create-batch";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { createProject } from "@/lib/projects/create-project";
import { readProjectSettings } from "@/lib/projects/settings";
import { seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { importArgumentFiles } from "./import-documents";
import { runArgumentExport } from "./export-files";

// Argument corpora in and out through lib/ (the CLI, the API and the project page call the same
// functions): the AbstRCT brat round trip and BIO export on the real fixtures, CasiMedicos-Arg
// all-or-nothing with every malformed line located, and a reviewer's corrections exported per reviewer.
const FIXTURES = path.resolve(import.meta.dirname, "../../../../shared/fixtures");
const ABSTRCT = path.join(FIXTURES, "abstrct/brat");
const abstrctFiles = () => readdirSync(ABSTRCT).sort().map((name) => ({ name: `brat/${name}`, content: readFileSync(path.join(ABSTRCT, name), "utf8") }));

/** T lines as "type start end text", R lines as "type | arg1's T line | arg2's T line", sorted — read with plain string splitting. */
function linesOf(ann: string) {
  const rows = ann.split("\n").filter((l) => l !== "").map((l) => l.split("\t"));
  const t = new Map(rows.filter(([id]) => id.startsWith("T")).map(([id, head, text]) => [id, `${head} ${text}`]));
  const r = rows.filter(([id]) => id.startsWith("R")).map(([, head]) => {
    const [type, a1, a2] = head.split(" ");
    return `${type} | ${t.get(a1.slice(5))} | ${t.get(a2.slice(5))}`;
  });
  return { t: [...t.values()].sort(), r: r.sort() };
}

async function project(template = "argument-structure") {
  const admin = await seedUser({ role: "ADMIN" });
  const p = await createProject(admin.id, { name: "Corpus", slug: `corpus-${Math.random().toString(36).slice(2, 8)}`, template, reviewersPerItem: 1 });
  return { admin, project: p };
}

describe("argument corpora import and export", () => {
  it("imports AbstRCT's brat folder as note items with their spans, extends the label set, and exports every T and R line with the same file names", async () => {
    const { admin, project: p } = await project();
    const result = await importArgumentFiles({ actorId: admin.id, projectId: p.id, format: "brat", files: abstrctFiles() });
    expect(result).toMatchObject({ ok: true, imported: 30, responses: 0, labelSetExtended: true });
    const settings = readProjectSettings((await getDb().project.findUniqueOrThrow({ where: { id: p.id } })).settings);
    expect(settings.arguments?.labelSet?.relations.map((r) => r.key)).toEqual(["Support", "Attack", "Partial-Attack"]);
    expect(settings.arguments?.labelSet?.labels.map((l) => [l.key, l.shortcut])).toEqual([["MajorClaim", "m"], ["Claim", "c"], ["Premise", "p"]]);
    const item = await getDb().item.findFirstOrThrow({ where: { projectId: p.id, externalId: "10735891" } });
    expect(item.kind).toBe("NOTE");
    expect((item.input as { text: string }).text).toBe(readFileSync(path.join(ABSTRCT, "10735891.txt"), "utf8"));

    const exported = await runArgumentExport({ actorId: admin.id, projectId: p.id, format: "brat", source: "imported" });
    if (!("files" in exported)) throw new Error("expected files");
    const byName = new Map(exported.files.map((f) => [f.name, f.content]));
    const originals = readdirSync(ABSTRCT).filter((n) => /\.(txt|ann)$/.test(n)).sort();
    expect([...byName.keys()].filter((n) => /\.(txt|ann)$/.test(n)).sort()).toEqual(originals.map((n) => `imported/${n}`));
    expect(byName.has("imported/annotation.conf")).toBe(true);
    for (const name of originals) {
      const original = readFileSync(path.join(ABSTRCT, name), "utf8");
      if (name.endsWith(".txt")) expect(byName.get(`imported/${name}`)).toBe(original);
      else expect({ name, ...linesOf(byName.get(`imported/${name}`)!) }).toEqual({ name, ...linesOf(original) });
    }

    // BIO of the same documents: the export's tokens and tags equal the per-document conversion the
    // format tests check independently (lib/formats/conll/abstrct-bio.test.ts), with a -DOCSTART- line naming each.
    const bio = await runArgumentExport({ actorId: admin.id, projectId: p.id, format: "conll", source: "imported", foldMajorClaim: true });
    if (!("conll" in bio)) throw new Error("expected conll");
    expect(bio.conll.split("\n").filter((l) => l.startsWith("-DOCSTART-"))).toEqual(originals.filter((n) => n.endsWith(".ann")).map((n) => `-DOCSTART-\timported/${n.slice(0, -4)}`));
    expect(bio.conll).not.toMatch(/MajorClaim/);
    const spans = originals.filter((n) => n.endsWith(".ann")).flatMap((n) => readFileSync(path.join(ABSTRCT, n), "utf8").split("\n").filter((l) => l.startsWith("T")));
    expect(bio.conll.split("\n").filter((l) => /\tB-/.test(l))).toHaveLength(spans.length);

    // A second import of the same corpus is refused whole (external ids exist), naming the documents.
    const again = await importArgumentFiles({ actorId: admin.id, projectId: p.id, format: "brat", files: abstrctFiles() });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.errors[0].message).toMatch(/^\d+: externalId: "\d+" already exists in this project/);
  });

  it("refuses a brat collection with a bad line as a whole, naming file and line", async () => {
    const { admin, project: p } = await project();
    const files = abstrctFiles().map((f) => (f.name.endsWith("10735891.ann") ? { ...f, content: `${f.content}E1\tEvent:T1\n` } : f));
    const result = await importArgumentFiles({ actorId: admin.id, projectId: p.id, format: "brat", files });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^brat\/10735891\.ann, line \d+: .*event/i)]);
    expect(await getDb().item.count({ where: { projectId: p.id } })).toBe(0);
  });

  it("imports CasiMedicos-Arg all or nothing: the 8 list-wrapped lines are located errors, --skip-invalid imports the 55 documents and lists them", async () => {
    const { admin, project: p } = await project();
    const dir = path.join(FIXTURES, "casimedicos-arg");
    const files = ["validation_en_ordered.json", "validation_relations.jsonl"].map((name) => ({ name, content: readFileSync(path.join(dir, name), "utf8") }));
    const strict = await importArgumentFiles({ actorId: admin.id, projectId: p.id, format: "casimedicos", files });
    expect(strict.ok).toBe(false);
    if (!strict.ok) expect(strict.errors.map((e) => e.message.slice(0, e.message.indexOf(":")))).toEqual([3, 5, 6, 16, 23, 33, 42, 44].map((n) => `validation_relations.jsonl, line ${n}`));
    expect(await getDb().item.count({ where: { projectId: p.id } })).toBe(0);

    const lenient = await importArgumentFiles({ actorId: admin.id, projectId: p.id, format: "casimedicos", files, skipInvalid: true });
    expect(lenient).toMatchObject({ ok: true, imported: 55 });
    expect(lenient.notes.filter((n) => n.startsWith("Skipped: validation_relations.jsonl, line"))).toHaveLength(8);
    const item = await getDb().item.findFirstOrThrow({ where: { projectId: p.id, externalId: "233_104" } });
    const stored = (item.reference as { arguments: Record<string, { relations: unknown[] }> }).arguments["item.text"];
    expect(stored.relations.length).toBeGreaterThan(0);
  });

  it("gives reviewers the imported spans to correct, and exports each reviewer's corrected annotation in its own folder", async () => {
    const { admin, project: p } = await project();
    await importArgumentFiles({ actorId: admin.id, projectId: p.id, format: "brat", files: abstrctFiles().filter((f) => /10735891|annotation\.conf/.test(f.name)) });
    const reviewer = asActor(await seedUser({ role: "REVIEWER" }));
    await createBatch(admin.id, p.id, { name: "b", reviewerIds: [reviewer.id], perItem: 1 });
    const a = await getDb().assignment.findFirstOrThrow({ where: { reviewerId: reviewer.id } });
    const page = await loadAssignmentForReview(reviewer, a.id);
    const pre = page.argumentReview.preAnnotations["item.text"];
    expect(pre.spans.length).toBeGreaterThan(3);
    expect(page.argumentReview.labelSet.relations.map((r) => r.key)).toContain("Partial-Attack");
    // The reviewer drops the last span (and its relations) and submits.
    const dropped = pre.spans[pre.spans.length - 1].id;
    const corrected = { spans: pre.spans.filter((s) => s.id !== dropped), relations: pre.relations.filter((r) => r.from !== dropped && r.to !== dropped) };
    const saved = await saveAnnotation(reviewer, a.id, { baseVersion: 0, clientMutationId: "brat-review-1", data: { ...emptyAnnotationData(), arguments: { "item.text": corrected } }, submit: true });
    expect(saved).toMatchObject({ status: "saved" });
    const out = await runArgumentExport({ actorId: admin.id, projectId: p.id, format: "brat", source: "reviewers" });
    if (!("files" in out)) throw new Error("expected files");
    const names = out.files.map((f) => f.name);
    expect(names).toHaveLength(4);
    expect(names.every((n) => /^R-[0-9a-f]{10}\/(10735891\.(txt|ann)|annotation\.conf|visual\.conf)$/.test(n))).toBe(true);
    const ann = out.files.find((f) => f.name.endsWith(".ann"))!.content;
    expect(ann.split("\n").filter((l) => l.startsWith("T"))).toHaveLength(corrected.spans.length);
  });
});
