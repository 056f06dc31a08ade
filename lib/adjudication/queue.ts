import { Prisma } from "@/lib/generated/prisma/client";
import { readAnnotationData, type AnnotationData } from "@/lib/annotations/schema";
import { pairKey, screenPairs } from "@/lib/tools/pairwise/pairs";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { requireProjectPermission } from "@/lib/projects/access";
import { disagreementRules, readProjectSettings } from "@/lib/projects/settings";
import { itemDisagreements, type Disagreement, type ReviewerAnswers, type RuleAxis } from "./disagreement";

// The disagreement queue (issue 10, "Adjudication"): items whose submitted reviews disagree beyond the
// project's rules, most disagreeing first, with the state of their consensus. For adjudicators and
// managers ("item:adjudicate").

export type QueueEntry = {
  itemId: string;
  externalId: string;
  reviews: number;
  disagreements: number;
  /** The disagreeing axes' labels (response axes once, however many responses). */
  axes: string[];
  consensus: "none" | "draft" | "decided";
};

type DisagreementRules = ReturnType<typeof disagreementRules>;

/** How the queue names disagreements that are not a rubric axis. */
const TOOL_TARGETS: Partial<Record<Disagreement["target"], string>> = { criterion: "case criteria", step: "step verdicts", argument: "argument structure" };

export type ReviewRow = { annotationId: string; itemId: string; reviewerId: string; data: unknown; responseOrder: string[] };

/** Submitted reviews of the project's items that have at least two (optionally: of these items, of this batch). */
export async function loadSubmittedReviews(projectId: string, opts: { itemIds?: string[]; batchId?: string } = {}): Promise<ReviewRow[]> {
  const filters = [Prisma.sql`b."projectId" = ${projectId}`, Prisma.sql`s.status = 'SUBMITTED'`, Prisma.sql`a.kind = 'REVIEW'`];
  if (opts.batchId) filters.push(Prisma.sql`b.id = ${opts.batchId}`);
  if (opts.itemIds) filters.push(Prisma.sql`a."itemId" = ANY(${opts.itemIds}::text[])`);
  const where = Prisma.join(filters, " AND ");
  return getDb().$queryRaw<ReviewRow[]>`
    WITH reviews AS (
      SELECT a.id AS "annotationId", a."itemId", s."reviewerId", a.data, s."responseOrder", count(*) OVER (PARTITION BY a."itemId") AS n
      FROM "Annotation" a JOIN "Assignment" s ON s.id = a."assignmentId" JOIN "Batch" b ON b.id = s."batchId"
      WHERE ${where}
    )
    SELECT "annotationId", "itemId", "reviewerId", data, "responseOrder" FROM reviews WHERE n >= 2 ORDER BY "itemId", "annotationId"`;
}

/**
 * A reviewer's answers as the rules compare them. `responseOrder` (the reviewer's screen order) and
 * `importOrder` (the item's responses) name every pair compared by its responses in import order, so
 * reviewers with different screen orders, or different planned pairs, are compared pair by pair.
 */
export function answersOf(data: unknown, responseOrder: readonly string[] = [], importOrder: readonly string[] = []): ReviewerAnswers {
  const doc = readAnnotationData(data);
  const spanKey = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;
  return {
    steps: Object.fromEntries(Object.entries(doc.steps ?? {}).map(([id, block]) => [id, { version: block.segmentationVersion, verdicts: Object.fromEntries(Object.entries(block.steps).flatMap(([i, label]) => (label.verdict ? [[i, label.verdict]] : []))) }])),
    arguments: Object.fromEntries(Object.entries(doc.arguments ?? {}).map(([target, block]) => {
      const byId = new Map(block.spans.map((s) => [s.id, spanKey(s)]));
      return [target, { spans: block.spans.map(spanKey).sort(), relations: block.relations.map((r) => `${byId.get(r.from)}>${byId.get(r.to)}:${r.label}`).sort() }];
    })),
    responses: Object.fromEntries(Object.entries(doc.responses).map(([id, block]) => [id, block.ratings ?? {}])),
    item: doc.item.ratings,
    pair: doc.pair.ratings,
    criteria: Object.fromEntries(Object.entries(doc.responses).map(([id, block]) => [id, Object.fromEntries(Object.entries(block.criteria ?? {}).map(([c, m]) => [c, m.met]))])),
    pairs: pairsInImportOrder(doc, responseOrder, importOrder),
    turns: Object.fromEntries(Object.entries(doc.turns ?? {}).map(([id, byTurn]) => [id, Object.fromEntries(Object.entries(byTurn).map(([position, block]) => [position, block.ratings]))])),
  };
}

/** Every pair the reviewer compared, keyed "<id>~<id>" with the responses in the item's import order (decision 035). */
function pairsInImportOrder(doc: AnnotationData, responseOrder: readonly string[], importOrder: readonly string[]): Record<string, Record<string, unknown>> {
  const at = new Map(importOrder.map((id, i) => [id, i]));
  const out: Record<string, Record<string, unknown>> = {};
  screenPairs(responseOrder).forEach(([l, r], i) => {
    const ratings = i === 0 ? doc.pair.ratings : doc.morePairs?.[pairKey(l, r)]?.ratings;
    if (!ratings || !Object.keys(ratings).length || !at.has(l) || !at.has(r)) return;
    out[at.get(l)! < at.get(r)! ? pairKey(l, r) : pairKey(r, l)] = ratings;
  });
  return out;
}

/** The newest rubric's axes as the rules read them (results combine versions by key the same way). */
export async function ruleAxesOf(projectId: string): Promise<RuleAxis[]> {
  const rubric = await getDb().rubric.findFirst({ where: { projectId }, orderBy: { version: "desc" }, include: { axes: { orderBy: { position: "asc" } } } });
  return (rubric?.axes ?? []).map((a) => ({ key: a.key, label: a.label, type: a.type, appliesTo: a.appliesTo }));
}

export async function responseIdsOf(itemIds: string[]): Promise<Map<string, string[]>> {
  const rows = await getDb().response.findMany({ where: { itemId: { in: itemIds } }, orderBy: [{ itemId: "asc" }, { position: "asc" }], select: { id: true, itemId: true } });
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.itemId, [...(out.get(r.itemId) ?? []), r.id]);
  return out;
}

/** The disagreements of each item among the given reviews. */
export function disagreementsByItem(reviews: ReviewRow[], axes: RuleAxis[], responses: Map<string, string[]>, rules: DisagreementRules): Map<string, Disagreement[]> {
  const byItem = new Map<string, ReviewRow[]>();
  for (const r of reviews) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);
  return new Map([...byItem].map(([itemId, rows]) => [itemId, itemDisagreements(axes, responses.get(itemId) ?? [], rows.map((r) => answersOf(r.data, r.responseOrder, responses.get(itemId) ?? [])), rules.scaleRange, rules.tools)]));
}

export async function loadDisagreementQueue(actor: Actor, projectId: string, opts: { batchId?: string } = {}): Promise<{ entries: QueueEntry[]; checked: number; scaleRange: number }> {
  await requireProjectPermission(actor, projectId, "item:adjudicate");
  const db = getDb();
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { settings: true } });
  const rules = disagreementRules(readProjectSettings(project.settings));
  const { scaleRange } = rules;
  const [reviews, axes] = await Promise.all([loadSubmittedReviews(projectId, opts), ruleAxesOf(projectId)]);
  const itemIds = [...new Set(reviews.map((r) => r.itemId))];
  const [responses, items, consensus] = await Promise.all([
    responseIdsOf(itemIds),
    db.item.findMany({ where: { id: { in: itemIds } }, select: { id: true, externalId: true } }),
    db.annotation.findMany({ where: { itemId: { in: itemIds }, kind: "CONSENSUS" }, select: { itemId: true, submittedAt: true } }),
  ]);
  const label = new Map(axes.map((a) => [a.key, a.label]));
  const externalId = new Map(items.map((i) => [i.id, i.externalId]));
  const decided = new Map(consensus.map((c) => [c.itemId, c.submittedAt ? ("decided" as const) : ("draft" as const)]));
  const reviewsPerItem = new Map<string, number>();
  for (const r of reviews) reviewsPerItem.set(r.itemId, (reviewsPerItem.get(r.itemId) ?? 0) + 1);
  const entries = [...disagreementsByItem(reviews, axes, responses, rules)]
    .filter(([, found]) => found.length > 0)
    .map(([itemId, found]) => ({
      itemId,
      externalId: externalId.get(itemId) ?? itemId,
      reviews: reviewsPerItem.get(itemId) ?? 0,
      disagreements: found.length,
      axes: [...new Set(found.map((d) => TOOL_TARGETS[d.target] ?? label.get(d.axis) ?? d.axis))],
      consensus: decided.get(itemId) ?? ("none" as const),
    }))
    .sort((a, b) => Number(a.consensus === "decided") - Number(b.consensus === "decided") || b.disagreements - a.disagreements || a.externalId.localeCompare(b.externalId));
  return { entries, checked: itemIds.length, scaleRange };
}

/**
 * Items whose submitted reviews disagree and that have no decided consensus yet: a second round's
 * items (lib/assignments/select-items.ts, "disagreement"). No permission check: callers have one.
 */
export async function disagreeingItemIds(projectId: string): Promise<string[]> {
  const project = await getDb().project.findUniqueOrThrow({ where: { id: projectId }, select: { settings: true } });
  const [reviews, axes] = await Promise.all([loadSubmittedReviews(projectId), ruleAxesOf(projectId)]);
  const itemIds = [...new Set(reviews.map((r) => r.itemId))];
  const [responses, decided] = await Promise.all([
    responseIdsOf(itemIds),
    getDb().annotation.findMany({ where: { itemId: { in: itemIds }, kind: "CONSENSUS", submittedAt: { not: null } }, select: { itemId: true } }),
  ]);
  const done = new Set(decided.map((d) => d.itemId));
  return [...disagreementsByItem(reviews, axes, responses, disagreementRules(readProjectSettings(project.settings)))].filter(([id, found]) => found.length && !done.has(id)).map(([id]) => id);
}
