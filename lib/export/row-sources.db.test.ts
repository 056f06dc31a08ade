import { describe, expect, it } from "vitest";
import { getDb, getPgPool } from "@/lib/db/client";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { skipAssignment } from "@/lib/annotations/skip-assignment";
import { asActor, completeRatings, seedStudy } from "@/test/support/study";
import { streamAnnotationRecords, type ExportFilter } from "./annotation-records";
import { exportRecordSchema } from "./record-schema";
import { runExport } from "./run-export";
import { RawJson, stringifyRecord } from "./raw-json";

// Decision 028: the export reads submitted rows through one COPY stream and writes JSONL texts as
// the JSON PostgreSQL produced. Both must give exactly the records of the keyset pages and parsed
// texts they replaced (the pages stay for the embedded database and the listing API).

/** Texts that break naive framing: quotes, backslashes, tabs, newlines, control characters, astral and RTL script. */
const NASTY = 'He said "stop"\\n — C:\\temp\t<b>x</b>\r\nline\u0001two 🩺 مرحبا';

async function nastyStudy() {
  const study = await seedStudy({ items: 3 });
  const db = getDb();
  const items = await db.item.findMany({ where: { projectId: study.project.id }, include: { responses: true }, orderBy: { externalId: "asc" } });
  await db.item.update({ where: { id: items[0].id }, data: { input: { question: NASTY, nested: { list: [1, "two", null, { three: NASTY }] } }, reference: { answer: NASTY } } });
  await db.response.update({ where: { id: items[0].responses[0].id }, data: { content: NASTY, reasoning: `${NASTY}\n${"long ".repeat(20_000)}`, answer: { choice: "B", why: NASTY } } });
  await db.response.update({ where: { id: items[1].responses[0].id }, data: { content: "", reasoning: null } });
  const mine = study.assignments.filter((a) => a.reviewerId === study.reviewers[0].id);
  for (const a of mine) {
    const data = completeRatings(a.responseOrder);
    data.responses[a.responseOrder[0]].comments = { harm_extent: NASTY };
    data.overallComment = NASTY;
    await saveAnnotation(asActor(study.reviewers[0]), a.id, { baseVersion: 0, clientMutationId: `s-${a.id}`, data, submit: true });
  }
  const theirs = study.assignments.find((a) => a.reviewerId === study.reviewers[1].id)!;
  await skipAssignment(asActor(study.reviewers[1]), theirs.id, { reason: NASTY });
  return study;
}

async function recordsOf(filter: ExportFilter) {
  const out = [];
  for await (const r of streamAnnotationRecords(filter)) out.push(r);
  return out;
}

async function text(gen: AsyncGenerator<string>) {
  let out = "";
  for await (const chunk of gen) out += chunk;
  return out;
}

describe("export row sources", () => {
  it("COPY gives the keyset pages' records, in the same order, for every filter", async () => {
    const study = await nastyStudy();
    const today = new Date().toISOString().slice(0, 10);
    const filters: ExportFilter[] = [
      { projectId: study.project.id, status: "all", includeContent: true },
      { projectId: study.project.id, status: "all", includeContent: true, includeItemMetadata: true, identifyReviewers: true },
      { projectId: study.project.id, status: "submitted" },
      { projectId: study.project.id, status: "all", batchName: "B1", kind: "qa", reviewerId: study.reviewers[0].id, from: today, to: today },
      { projectId: study.project.id, status: "submitted", from: "2000-01-01", to: "2000-01-02" },
    ];
    for (const filter of filters) {
      const pages = await recordsOf({ ...filter, via: "pages" });
      const copied = await recordsOf({ ...filter, via: "copy" });
      expect(copied).toEqual(pages);
    }
    const all = await recordsOf({ ...filters[0], via: "copy" });
    expect(all.map((r) => r.status)).toEqual(["submitted", "submitted", "submitted", "skipped"]);
    const first = all.find((r) => r.status === "submitted" && r.responses.some((x) => "content" in x && x.content === NASTY));
    expect(first?.status === "submitted" && first.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("JSONL lines with the texts PostgreSQL wrote parse to the records with parsed texts", async () => {
    const study = await nastyStudy();
    const filter: ExportFilter = { projectId: study.project.id, status: "all", includeContent: true };
    const lines = (await text(runExport({ actorId: study.admin.id, format: "jsonl", filter }))).trimEnd().split("\n");
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed).toEqual(JSON.parse(JSON.stringify(await recordsOf({ ...filter, via: "pages" }))));
    for (const r of parsed) expect(exportRecordSchema.parse(r)).toEqual(r);
    const nasty = parsed.find((r) => r.item.input.question === NASTY);
    expect(nasty.item.input.nested.list[3].three).toBe(NASTY);
    expect(nasty.item.reference).toEqual({ answer: NASTY });
    expect(parsed.some((r) => r.responses.some((x: { reasoning: string | null }) => x.reasoning === null))).toBe(true);
    expect(parsed.flatMap((r) => r.responses.map((x: { answer: unknown }) => x.answer))).toContainEqual({ choice: "B", why: NASTY });
  });

  it("a consumer that stops early closes its COPY connection and the pool keeps working", async () => {
    const study = await nastyStudy();
    const pool = getPgPool();
    const chunks = runExport({ actorId: study.admin.id, format: "jsonl", filter: { projectId: study.project.id, status: "all", includeContent: true } });
    await chunks.next();
    await chunks.return(undefined);
    expect(pool.totalCount - pool.idleCount).toBe(0); // nothing left checked out
    expect(await getDb().annotation.count({ where: { assignment: { batch: { projectId: study.project.id } }, submittedAt: { not: null } } })).toBe(3);
  });

  it("raw JSON is written verbatim by stringifyRecord and parsed anywhere else", () => {
    const record = { a: new RawJson('{"x": [1, "\\u0000"]}'), b: [new RawJson("null"), "\u0000 0 is data"], c: new RawJson('"q\\"uote"') };
    expect(stringifyRecord(record)).toBe('{"a":{"x": [1, "\\u0000"]},"b":[null,"\\u0000 0 is data"],"c":"q\\"uote"}');
    expect(JSON.parse(JSON.stringify(record))).toEqual({ a: { x: [1, "\u0000"] }, b: [null, "\u0000 0 is data"], c: 'q"uote' });
  });
});
