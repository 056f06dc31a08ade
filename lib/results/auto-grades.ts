import type { Actor } from "@/lib/auth/permissions";
import { getDb, type Db } from "@/lib/db/client";
import { pagedRows } from "@/lib/export/paged-rows";
import { Prisma } from "@/lib/generated/prisma/client";
import { autoGrade } from "@/lib/grading/auto-grade";
import { findVisibleBatchIds } from "@/lib/projects/access";
import { wilsonInterval, type Proportion } from "./intervals";
import { segmentOf } from "./load-results";
import type { ResultsFilter } from "./results-filter";
import { segmentSql } from "./segments";

// Automatic grades on the results page (issue 13): every response of an item with an answer key
// (MCQ correct option or options, a numeric key) graded by lib/grading/auto-grade.ts, per model,
// over the items of the filtered batches. Reviews are not needed: the key decides. The page's item
// filters apply (kind, specialty, language, gold, segment); reviewer, arm and dates select reviews
// and do not.

export type GradedAnswer = { id: string; externalId: string; variantOf: string | null; variant: string | null; modelName: string; reference: unknown; answer: unknown };
export type ModelGrades = { model: string; correct: Proportion };

const PAGE = 5000;
const KEYED = Prisma.sql`jsonb_typeof(i.reference) = 'object' AND jsonb_exists_any(i.reference, ARRAY['correctOption', 'correctOptions', 'numeric'])`;

/** The filter's batches the actor may see (by name when one is chosen); [] when none. */
export async function scopedBatchIds(actor: Actor, projectId: string, filter: ResultsFilter): Promise<string[]> {
  const visible = await findVisibleBatchIds(actor, projectId, "project:read");
  if (!filter.batch) return visible;
  return (await getDb().batch.findMany({ where: { id: { in: visible }, name: filter.batch }, select: { id: true } })).map((b) => b.id);
}

/** Responses with a gradable answer to a keyed item in the batches, page by page; `where` narrows the items further. */
export function gradedAnswers(db: Db, projectId: string, batchIds: string[], filter: ResultsFilter, where: Prisma.Sql = Prisma.empty): AsyncGenerator<GradedAnswer> {
  const segment = segmentSql(segmentOf(filter));
  const items: Prisma.Sql[] = [];
  if (filter.kind) items.push(Prisma.sql`AND i.kind = ${filter.kind.toUpperCase()}::"ItemKind"`);
  if (filter.specialty) items.push(Prisma.sql`AND i.specialty = ${filter.specialty}`);
  if (filter.language) items.push(Prisma.sql`AND i.language = ${filter.language}`);
  if (filter.gold === "exclude") items.push(Prisma.sql`AND NOT i."isGold"`);
  if (filter.gold === "only") items.push(Prisma.sql`AND i."isGold"`);
  if (segment.where) items.push(Prisma.sql`AND ${segment.where}`);
  const page = (after: string | undefined) => db.$queryRaw<GradedAnswer[]>`
    SELECT r.id, i."externalId", i."variantOf", i.analysis->>'variant' AS variant, r."modelName", i.reference, r.answer
    FROM "Item" i JOIN "Response" r ON r."itemId" = i.id ${segment.responses}
    WHERE i."projectId" = ${projectId} AND ${KEYED} AND r.answer IS NOT NULL ${where} ${items.length ? Prisma.join(items, " ") : Prisma.empty}
      AND EXISTS (SELECT 1 FROM "BatchItem" bi WHERE bi."itemId" = i.id AND bi."batchId" = ANY(${batchIds}::text[]))
      ${after === undefined ? Prisma.empty : Prisma.sql`AND r.id > ${after}`}
    ORDER BY r.id LIMIT ${PAGE}`;
  return pagedRows(page, PAGE);
}

/** Per model: answers graded automatically and the share correct (95 % Wilson), models in name order. */
export async function loadAutoGrades(actor: Actor, projectId: string, filter: ResultsFilter): Promise<ModelGrades[]> {
  const batchIds = await scopedBatchIds(actor, projectId, filter);
  if (!batchIds.length || filter.basis === "consensus") return [];
  const counts = new Map<string, { correct: number; graded: number }>();
  for await (const a of gradedAnswers(getDb(), projectId, batchIds, filter)) {
    const grade = autoGrade(a.reference, a.answer);
    if (grade === null) continue;
    const c = counts.get(a.modelName) ?? counts.set(a.modelName, { correct: 0, graded: 0 }).get(a.modelName)!;
    c.graded++;
    if (grade) c.correct++;
  }
  return [...counts].sort(([x], [y]) => x.localeCompare(y)).map(([model, c]) => ({ model, correct: wilsonInterval(c.correct, c.graded) }));
}

const num = (x: number | null) => (x === null ? "" : String(Math.round(x * 1e6) / 1e6));

/** As rows of the results CSV: `count` correct of `n` graded, the share with its interval. */
export function autoGradeCsvRows(grades: ModelGrades[]): string[][] {
  return grades.map((g) => ["auto_grade", "auto:correct", g.model, "", "share_correct", "", "Answer correct (graded automatically)", String(g.correct.count), String(g.correct.n), num(g.correct.share), num(g.correct.low), num(g.correct.high)]);
}
