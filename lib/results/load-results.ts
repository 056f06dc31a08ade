import { withDocumentDefaults } from "@/lib/annotations/schema";
import { NotFoundError, requirePermission, type Actor } from "@/lib/auth/permissions";
import { getDb, type Db } from "@/lib/db/client";
import { pagedRows } from "@/lib/export/paged-rows";
import { pseudonymizeReviewer } from "@/lib/export/pseudonym";
import { Prisma } from "@/lib/generated/prisma/client";
import { findVisibleBatchIds } from "@/lib/projects/access";
import { STEP_VERDICTS } from "@/lib/tools/steps/taxonomy";
import { agreementValue, summarizeAgreement, type AgreementRow, type AxisAgreementResult } from "./agreement-results";
import { summarizeAxes, type AxisResult, type RatingObservation, type ResultAxis } from "./axis-results";
import { summarizePairs, type PairObservation, type PairResult } from "./pairwise-results";
import type { ResultsFilter } from "./results-filter";

// The rubric results of a project (issue 9): per-axis distributions per model and pairwise win /
// tie / loss, over the submitted annotations that pass the filter, de-blinded (ratings are stored
// by Response.id; the model comes from the response). One SQL query per page of 1,000 annotations
// with the filter in the WHERE clause; the statistics are plain functions (./axis-results.ts).

export type FilterOptions = { batches: string[]; kinds: string[]; specialties: string[]; languages: string[]; reviewers: string[] };

export type RubricResults = {
  /** Submitted annotations behind the figures, the items and reviewers they come from. */
  annotations: number;
  items: number;
  reviewers: number;
  /** Rubric versions the annotations were made on. */
  rubricVersions: number[];
  axes: AxisResult[];
  /** The rubric's pairwise axes, in order, with their polarity. */
  pairAxes: Array<{ key: string; label: string; polarity: "HIGHER_IS_BETTER" | "CHOSEN_IS_WORSE" }>;
  pairs: PairResult[];
  /** Inter-rater (and, with repeats, intra-rater) agreement per axis. */
  agreement: AxisAgreementResult[];
  options: FilterOptions;
};

export type Row = { id: string; data: unknown; itemId: string; reviewerId: string; rubricId: string; responseOrder: string[]; responses: Array<{ id: string; modelName: string }> };
type AxisRow = { key: string; label: string; type: ResultAxis["type"]; appliesTo: ResultAxis["appliesTo"]; options: Array<{ value: string; label: string }>; max: number | null; bestValue: string | null; polarity: "HIGHER_IS_BETTER" | "CHOSEN_IS_WORSE"; rubricId: string; version: number };

const PAGE = 1000;

export function whereOf(batchIds: string[], filter: ResultsFilter, reviewerId: string | null | undefined): Prisma.Sql {
  const parts = [Prisma.sql`a.kind = 'REVIEW' AND a."submittedAt" IS NOT NULL AND s."batchId" = ANY(${batchIds}::text[])`];
  if (filter.kind) parts.push(Prisma.sql`i.kind = ${filter.kind.toUpperCase()}::"ItemKind"`);
  if (filter.specialty) parts.push(Prisma.sql`i.specialty = ${filter.specialty}`);
  if (filter.language) parts.push(Prisma.sql`i.language = ${filter.language}`);
  if (filter.gold === "exclude") parts.push(Prisma.sql`NOT i."isGold"`);
  if (filter.gold === "only") parts.push(Prisma.sql`i."isGold"`);
  if (reviewerId !== undefined) parts.push(Prisma.sql`s."reviewerId" = ${reviewerId ?? ""}`);
  if (filter.from) parts.push(Prisma.sql`a."submittedAt" >= ${new Date(`${filter.from}T00:00:00Z`)}`);
  if (filter.to) parts.push(Prisma.sql`a."submittedAt" < ${new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000)}`);
  return Prisma.join(parts, " AND ");
}

export function fetchPage(db: Db, where: Prisma.Sql, after: string | undefined): Promise<Row[]> {
  const keyset = after === undefined ? Prisma.empty : Prisma.sql`AND a.id > ${after}`;
  return db.$queryRaw<Row[]>`
    SELECT a.id, a.data, a."itemId", s."reviewerId", s."rubricId", s."responseOrder",
           COALESCE((SELECT json_agg(json_build_object('id', r.id, 'modelName', r."modelName")) FROM "Response" r WHERE r."itemId" = a."itemId"), '[]'::json) AS responses
    FROM "Annotation" a
    JOIN "Assignment" s ON s.id = a."assignmentId"
    JOIN "Item" i ON i.id = a."itemId"
    WHERE ${where} ${keyset}
    ORDER BY a.id
    LIMIT ${PAGE}`;
}

/** The project's axes by key, each as its newest rubric version defines it. */
async function projectAxes(db: Db, projectId: string): Promise<Map<string, AxisRow>> {
  const rows = await db.$queryRaw<AxisRow[]>`
    SELECT x.key, x.label, x.type::text AS type, x."appliesTo"::text AS "appliesTo", x.options, x.max, x."bestValue", x.polarity::text AS polarity, x."rubricId", r.version
    FROM "RubricAxis" x JOIN "Rubric" r ON r.id = x."rubricId"
    WHERE r."projectId" = ${projectId}
    ORDER BY r.version, x.position`;
  const byKey = new Map<string, AxisRow>();
  for (const row of rows) {
    byKey.delete(row.key); // newest version last, and in its position order
    byKey.set(row.key, row);
  }
  return byKey;
}

export async function filterOptions(db: Db, projectId: string, batchIds: string[], salt: string): Promise<{ options: FilterOptions; reviewerIds: Map<string, string> }> {
  const [batches, facets, reviewers] = await Promise.all([
    db.batch.findMany({ where: { id: { in: batchIds } }, select: { name: true }, orderBy: { createdAt: "asc" } }),
    db.$queryRaw<Array<{ kind: string; specialty: string | null; language: string }>>`SELECT DISTINCT lower(kind::text) AS kind, specialty, language FROM "Item" WHERE "projectId" = ${projectId}`,
    db.assignment.findMany({ where: { batchId: { in: batchIds } }, select: { reviewerId: true }, distinct: ["reviewerId"] }),
  ]);
  const reviewerIds = new Map(reviewers.map((r) => [pseudonymizeReviewer(salt, r.reviewerId), r.reviewerId]));
  const distinct = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
  return {
    reviewerIds,
    options: { batches: batches.map((b) => b.name), kinds: distinct(facets.map((f) => f.kind)), specialties: distinct(facets.map((f) => f.specialty)), languages: distinct(facets.map((f) => f.language)), reviewers: [...reviewerIds.keys()].sort() },
  };
}

/** Ratings and pairwise judgments of one annotation, by model. */
type Sinks = { ratings: RatingObservation[]; pairs: PairObservation[]; agreement: AgreementRow[] };

function observe(row: Row, axes: Map<string, ResultAxis & { polarity: AxisRow["polarity"] }>, sinks: Sinks) {
  const data = withDocumentDefaults(row.data);
  const model = new Map(row.responses.map((r) => [r.id, r.modelName]));
  const rate = (axis: string, model: string | null, unit: string, value: unknown) => {
    sinks.ratings.push({ axis, model, value });
    const comparable = agreementValue(axes.get(axis)!, value);
    if (comparable !== null) sinks.agreement.push({ axis, unit, rater: row.reviewerId, value: comparable });
  };
  for (const [responseId, block] of Object.entries(data.responses)) {
    const name = model.get(responseId);
    if (name === undefined) continue;
    for (const [axis, value] of Object.entries(block.ratings)) if (axes.get(axis)?.appliesTo === "RESPONSE") rate(axis, name, responseId, value);
  }
  for (const [axis, value] of Object.entries(data.item.ratings)) if (axes.get(axis)?.appliesTo === "ITEM") rate(axis, null, row.itemId, value);
  // Step verdicts (issue 8's tool): one unit per step of a segmentation version, nominal.
  for (const [responseId, block] of Object.entries(data.steps ?? {})) {
    if (!model.has(responseId)) continue;
    for (const [index, label] of Object.entries(block.steps)) {
      if (label.verdict) sinks.agreement.push({ axis: STEP_VERDICT_AXIS.key, unit: `${responseId}:${block.segmentationVersion}:${index}`, rater: row.reviewerId, value: label.verdict });
    }
  }
  const [a, b] = row.responseOrder;
  const shown = [model.get(a), model.get(b)] as const;
  if (shown[0] === undefined || shown[1] === undefined) return;
  for (const [axis, chosen] of Object.entries(data.pair.ratings)) {
    const def = axes.get(axis);
    if (def?.appliesTo !== "PAIR" || (chosen !== "tie" && chosen !== a && chosen !== b)) continue;
    const betterId = chosen === "tie" || def.polarity === "HIGHER_IS_BETTER" ? chosen : chosen === a ? b : a;
    const better = betterId === "tie" ? "tie" : model.get(betterId)!;
    sinks.pairs.push({ axis, models: [shown[0], shown[1]], better });
    // For agreement the pair is named in model-name order, as the reviewers' screen sides are random.
    const [firstModel, secondModel] = [shown[0], shown[1]].sort((x, y) => x.localeCompare(y));
    if (firstModel !== secondModel) sinks.agreement.push({ axis, unit: row.itemId, rater: row.reviewerId, value: better === "tie" ? "tie" : better === firstModel ? "first" : "second" });
  }
}

/** Step verdicts join the agreement table as one more (nominal) axis; they have no distribution here (the step results do). */
const STEP_VERDICT_AXIS: ResultAxis = { key: "step_verdict", label: "Reasoning step verdicts", type: "CHOICE", appliesTo: "RESPONSE", options: STEP_VERDICTS.map((v) => ({ value: v, label: v })), multiSelect: false, bestValue: null };

const resultAxisOf = (a: AxisRow): ResultAxis => ({
  key: a.key, label: a.label, type: a.type, appliesTo: a.appliesTo, options: a.options ?? [], multiSelect: a.type === "CHOICE" && (a.max ?? 1) > 1, bestValue: a.bestValue,
});

/** `resamples`: bootstrap resamples for the agreement intervals (default 1,000; 0 skips them). */
export async function loadRubricResults(actor: Actor, projectId: string, filter: ResultsFilter, opts: { resamples?: number } = {}): Promise<RubricResults> {
  requirePermission(actor, "project:read");
  const db = getDb();
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { pseudonymSalt: true } });
  const allBatches = await findVisibleBatchIds(actor, projectId);
  const batchIds = filter.batch ? (await db.batch.findMany({ where: { id: { in: allBatches }, name: filter.batch }, select: { id: true } })).map((b) => b.id) : allBatches;
  if (filter.batch && !batchIds.length) throw new NotFoundError(`Batch "${filter.batch}" not found.`);
  const [axes, { options, reviewerIds }] = await Promise.all([projectAxes(db, projectId), filterOptions(db, projectId, allBatches, project.pseudonymSalt)]);
  const reviewerId = filter.reviewer === undefined ? undefined : (reviewerIds.get(filter.reviewer) ?? null);

  const defs = new Map([...axes.values()].map((a) => [a.key, { ...resultAxisOf(a), polarity: a.polarity }]));
  const sinks: Sinks = { ratings: [], pairs: [], agreement: [] };
  const items = new Set<string>();
  const reviewers = new Set<string>();
  const rubricIds = new Set<string>();
  let annotations = 0;
  const where = whereOf(batchIds, filter, reviewerId);
  for await (const row of pagedRows((after) => fetchPage(db, where, after), PAGE)) {
    annotations++;
    items.add(row.itemId);
    reviewers.add(row.reviewerId);
    rubricIds.add(row.rubricId);
    observe(row, defs, sinks);
  }
  const resultAxes = [...defs.values()];
  const rubricVersions = rubricIds.size ? (await db.rubric.findMany({ where: { id: { in: [...rubricIds] } }, select: { version: true } })).map((r) => r.version).sort((x, y) => x - y) : [];
  return {
    annotations,
    items: items.size,
    reviewers: reviewers.size,
    rubricVersions,
    axes: summarizeAxes(resultAxes, sinks.ratings),
    pairAxes: [...axes.values()].filter((a) => a.appliesTo === "PAIR").map((a) => ({ key: a.key, label: a.label, polarity: a.polarity })),
    pairs: summarizePairs(resultAxes.map((a) => a.key), sinks.pairs),
    agreement: summarizeAgreement(sinks.agreement.some((r) => r.axis === STEP_VERDICT_AXIS.key) ? [...resultAxes, STEP_VERDICT_AXIS] : resultAxes, sinks.agreement, { resamples: opts.resamples }),
    options,
  };
}
