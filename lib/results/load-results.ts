import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import { getDb, type Db } from "@/lib/db/client";
import { pagedRows } from "@/lib/export/paged-rows";
import { pseudonymizeReviewer } from "@/lib/export/pseudonym";
import { Prisma } from "@/lib/generated/prisma/client";
import { findVisibleBatchIds } from "@/lib/projects/access";
import { observeToolJudgments, TOOL_AGREEMENT_AXES } from "./tool-agreement";
import { AgreementCollector } from "./agreement-collector";
import { agreementOfCollected, agreementValue, type AxisAgreementResult } from "./agreement-results";
import { summarizeAxes, type AxisResult, type RatingObservation, type ResultAxis } from "./axis-results";
import { summarizePairs, type PairObservation, type PairResult } from "./pairwise-results";
import { LeaderboardCollector, type Comparison, type Leaderboard } from "./leaderboard";
import { bestWorstPairs, pairsOf } from "@/lib/tools/ranking/tiers";
import { concordanceOf } from "@/lib/stats/kendall-w";
import { pairKey, screenPairs } from "@/lib/tools/pairwise/pairs";
import type { ResultsFilter } from "./results-filter";
import { parseSegment, segmentSql, type Segment } from "./segments";

// The rubric results of a project (issue 9): per-axis distributions per model and pairwise win /
// tie / loss, over the submitted annotations that pass the filter, de-blinded (ratings are stored
// by Response.id; the model comes from the response). One SQL query per page of 1,000 annotations
// with the filter in the WHERE clause; the statistics are plain functions (./axis-results.ts).

export type FilterOptions = { batches: string[]; kinds: string[]; specialties: string[]; languages: string[]; reviewers: string[]; hasArms: boolean };

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
  /** The rubric's ranking axes, in order, with their polarity (decision 029). */
  rankingAxes: Array<{ key: string; label: string; polarity: "HIGHER_IS_BETTER" | "CHOSEN_IS_WORSE" }>;
  /** Bradley–Terry strengths per model from pairwise judgments and rankings: per axis, then all axes together. */
  leaderboards: Leaderboard[];
  /** Kendall's W per ranking axis: per item over the reviewers who ranked the same responses, summarized over items. */
  concordance: Array<{ axis: string; label: string; units: number; meanW: number | null; medianW: number | null }>;
  /** Inter-rater (and, with repeats, intra-rater) agreement per axis. */
  agreement: AxisAgreementResult[];
  options: FilterOptions;
};

export type Row = { id: string; data: unknown; itemId: string; reviewerId: string; rubricId: string; responseOrder: string[]; responses: Array<{ id: string; modelName: string }> };
type AxisRow = { key: string; label: string; type: ResultAxis["type"]; appliesTo: ResultAxis["appliesTo"]; options: Array<{ value: string; label: string }>; max: number | null; bestValue: string | null; polarity: "HIGHER_IS_BETTER" | "CHOSEN_IS_WORSE"; rubricId: string; version: number };

const PAGE = 1000;

export function whereOf(batchIds: string[], filter: ResultsFilter, reviewerId: string | null | undefined): Prisma.Sql {
  const parts = [Prisma.sql`a.kind = 'REVIEW' AND a."submittedAt" IS NOT NULL AND s."batchId" = ANY(${batchIds}::text[])`, ...itemAndTimeFilters(filter)];
  if (reviewerId !== undefined) parts.push(Prisma.sql`s."reviewerId" = ${reviewerId ?? ""}`);
  if (filter.arm) parts.push(Prisma.sql`s.arm = ${filter.arm.toUpperCase()}::"StudyArm"`);
  return Prisma.join(parts, " AND ");
}

/** Decided consensus annotations (adjudication) of items in the given batches, with the same item and time filters. */
function consensusWhereOf(batchIds: string[], filter: ResultsFilter): Prisma.Sql {
  return Prisma.join(
    [
      Prisma.sql`a.kind = 'CONSENSUS' AND a."submittedAt" IS NOT NULL AND EXISTS (SELECT 1 FROM "BatchItem" bi WHERE bi."itemId" = a."itemId" AND bi."batchId" = ANY(${batchIds}::text[]))`,
      ...itemAndTimeFilters(filter),
    ],
    " AND ",
  );
}

/** The filter's segment, parsed (the schema has checked it). */
export const segmentOf = (filter: ResultsFilter): Segment | undefined => (filter.segment ? (parseSegment(filter.segment) as Segment) : undefined);

function itemAndTimeFilters(filter: ResultsFilter): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  const segment = segmentSql(segmentOf(filter)).where;
  if (segment) parts.push(segment);
  if (filter.kind) parts.push(Prisma.sql`i.kind = ${filter.kind.toUpperCase()}::"ItemKind"`);
  if (filter.specialty) parts.push(Prisma.sql`i.specialty = ${filter.specialty}`);
  if (filter.language) parts.push(Prisma.sql`i.language = ${filter.language}`);
  if (filter.gold === "exclude") parts.push(Prisma.sql`NOT i."isGold"`);
  if (filter.gold === "only") parts.push(Prisma.sql`i."isGold"`);
  if (filter.from) parts.push(Prisma.sql`a."submittedAt" >= ${new Date(`${filter.from}T00:00:00Z`)}`);
  if (filter.to) parts.push(Prisma.sql`a."submittedAt" < ${new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000)}`);
  return parts;
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
    db.batch.findMany({ where: { id: { in: batchIds } }, select: { name: true, armDesign: true }, orderBy: { createdAt: "asc" } }),
    db.$queryRaw<Array<{ kind: string; specialty: string | null; language: string }>>`SELECT DISTINCT lower(kind::text) AS kind, specialty, language FROM "Item" WHERE "projectId" = ${projectId}`,
    db.assignment.findMany({ where: { batchId: { in: batchIds } }, select: { reviewerId: true }, distinct: ["reviewerId"] }),
  ]);
  const reviewerIds = new Map(reviewers.map((r) => [pseudonymizeReviewer(salt, r.reviewerId), r.reviewerId]));
  const distinct = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
  return {
    reviewerIds,
    options: { batches: batches.map((b) => b.name), kinds: distinct(facets.map((f) => f.kind)), specialties: distinct(facets.map((f) => f.specialty)), languages: distinct(facets.map((f) => f.language)), reviewers: [...reviewerIds.keys()].sort(), hasArms: batches.some((b) => b.armDesign) },
  };
}

// The results read only the ratings: each annotation comes back as one text column holding a JSON
// array of what the tallies need (the item's response → model map included), parsed by JSON.parse
// rather than mapped field by field, and tallied into counts and integer-coded entries rather than
// objects. Bench, 100k annotations: the object-per-rating version took 19 s (4 s in Prisma's row
// mapping, most of the rest in garbage collection); reading is now ~4 s of the whole.
type CompactRow = [
  itemId: string,
  reviewerId: string,
  rubricId: string,
  responseOrder: string[],
  responses: Record<string, { ratings?: Record<string, unknown> }> | null,
  itemRatings: Record<string, unknown> | null,
  pairRatings: Record<string, unknown> | null,
  steps: Record<string, { segmentationVersion?: number; steps?: Record<string, { verdict?: string }> }> | null,
  models: Record<string, string> | null,
  /** Study arms: the arm of the rating (null outside arms batches). */
  arm: "UNASSISTED" | "ASSISTED" | null,
  /** Rankings (tiers of Response.ids per ranking axis, decision 029) and best–worst choices (decision 032). */
  ranking: { tiers?: Record<string, string[][]>; bestWorst?: Record<string, { best?: string; worst?: string }> } | null,
  /** Per-turn ratings of dialogue responses (decision 033): Response.id → turn position → values. */
  turns: Record<string, Record<string, { ratings?: Record<string, unknown> }>> | null,
  /** With more than two responses shown, the other pairs' choices (decision 035): "<left>~<right>" → block. */
  morePairs: Record<string, { ratings?: Record<string, unknown> }> | null,
  /** Trajectory labels (issue 13): Response.id → action index → verdict and, for tests, necessity. */
  actions: Record<string, Record<string, { verdict?: string; necessary?: boolean }>> | null,
  /** Citation checks (issue 13): Response.id → citation index → mark. */
  citations: Record<string, Record<string, { mark?: string }>> | null,
];

const COMPACT_PAGE = 5000;

type CompactFetch = (db: Db, where: Prisma.Sql, after: string | undefined, size: number, responses: Prisma.Sql) => Promise<Array<{ id: string; row: string }>>;

/** `responses` narrows the item's responses (a response segment): the others are not tallied. */
const fetchCompactPage: CompactFetch = (db, where, after, size, responses) => {
  const keyset = after === undefined ? Prisma.empty : Prisma.sql`AND a.id > ${after}`;
  return db.$queryRaw<Array<{ id: string; row: string }>>`
    SELECT a.id,
           json_build_array(a."itemId", s."reviewerId", s."rubricId", s."responseOrder", a.data->'responses', a.data->'item'->'ratings', a.data->'pair'->'ratings', a.data->'steps',
                            (SELECT json_object_agg(r.id, r."modelName") FROM "Response" r WHERE r."itemId" = a."itemId" ${responses}), s.arm, a.data->'ranking', a.data->'turns', a.data->'morePairs', a.data->'actions', a.data->'citations')::text AS row
    FROM "Annotation" a
    JOIN "Assignment" s ON s.id = a."assignmentId"
    JOIN "Item" i ON i.id = a."itemId"
    WHERE ${where} ${keyset}
    ORDER BY a.id
    LIMIT ${size}`;
};

/**
 * Decided consensus annotations as compact rows: one "rater" (the consensus), the newest rubric,
 * the responses in import order (a consensus has no screen order; pairwise values name responses).
 */
const fetchConsensusPage: CompactFetch = (db, where, after, size, responses) => {
  const keyset = after === undefined ? Prisma.empty : Prisma.sql`AND a.id > ${after}`;
  return db.$queryRaw<Array<{ id: string; row: string }>>`
    SELECT a.id,
           json_build_array(a."itemId", 'consensus', (SELECT r.id FROM "Rubric" r WHERE r."projectId" = i."projectId" ORDER BY r.version DESC LIMIT 1),
                            COALESCE((SELECT json_agg(r.id ORDER BY r.position) FROM "Response" r WHERE r."itemId" = a."itemId"), '[]'::json),
                            a.data->'responses', a.data->'item'->'ratings', a.data->'pair'->'ratings', a.data->'steps',
                            (SELECT json_object_agg(r.id, r."modelName") FROM "Response" r WHERE r."itemId" = a."itemId" ${responses}), NULL, a.data->'ranking', a.data->'turns', a.data->'morePairs', a.data->'actions', a.data->'citations')::text AS row
    FROM "Annotation" a
    JOIN "Item" i ON i.id = a."itemId"
    WHERE ${where} ${keyset}
    ORDER BY a.id
    LIMIT ${size}`;
};

/** Every annotation of the filter, page by page, the next page requested while the current one is tallied. */
async function* compactRows(db: Db, where: Prisma.Sql, size = COMPACT_PAGE, fetch: CompactFetch = fetchCompactPage, responses = Prisma.empty): AsyncGenerator<CompactRow> {
  for await (const { row } of pagedRows((after) => fetch(db, where, after, size, responses), size)) yield JSON.parse(row) as CompactRow;
}

type AxisDef = ResultAxis & { polarity: AxisRow["polarity"] };

type Tally<T> = T & { count: number };

/** Tallies of one filter's annotations: distributions and pair judgments as counts, agreement as coded entries. */
class Tallies {
  /** axis → model ("" for item axes) → stored value (arrays and objects as JSON) → tally. Nested maps: no key string per rating. */
  private readonly ratings = new Map<string, Map<string, Map<unknown, Tally<RatingObservation>>>>();
  private readonly pairs = new Map<string, Tally<PairObservation>>();
  readonly agreement = new AgreementCollector();
  readonly leaderboard = new LeaderboardCollector();
  /** Best–worst counts: axis → model → times shown, chosen best, chosen worst. */
  readonly bestWorstCounts = new Map<string, Map<string, { shown: number; best: number; worst: number }>>();
  /** Rankings for Kendall's W: axis → unit (item, arm) → reviewer → tiers (a reviewer's first ranking of the unit). */
  readonly rankings = new Map<string, Map<string, Map<string, string[][]>>>();
  constructor(private readonly axes: Map<string, AxisDef>) {}

  ratingObservations(): RatingObservation[] {
    return [...this.ratings.values()].flatMap((byModel) => [...byModel.values()].flatMap((byValue) => [...byValue.values()]));
  }

  pairObservations(): PairObservation[] {
    return [...this.pairs.values()];
  }

  private rate(axis: AxisDef, model: string | null, unit: number, rater: number, value: unknown) {
    const byModel = this.ratings.get(axis.key) ?? this.ratings.set(axis.key, new Map()).get(axis.key)!;
    const byValue = byModel.get(model ?? "") ?? byModel.set(model ?? "", new Map()).get(model ?? "")!;
    const key = value !== null && typeof value === "object" ? JSON.stringify(value) : value;
    const tally = byValue.get(key);
    if (tally) tally.count++;
    else byValue.set(key, { axis: axis.key, model, value, count: 1 });
    const comparable = agreementValue(axis, value);
    if (comparable !== null) this.agreement.add(axis.key, unit, rater, comparable);
  }

  private pairJudgment(axis: string, models: readonly [string, string], better: string) {
    const pairKey = `${axis}\u0000${models[0]}\u0000${models[1]}\u0000${better}`;
    const tally = this.pairs.get(pairKey);
    if (tally) tally.count++;
    else this.pairs.set(pairKey, { axis, models, better, count: 1 });
  }

  observe([itemId, reviewerId, , responseOrder, responses, itemRatings, pairRatings, steps, models, arm, ranking, turns, morePairs, actions, citations]: CompactRow) {
    const model = (id: string) => (models && Object.hasOwn(models, id) ? models[id] : undefined);
    const rater = this.agreement.rater(reviewerId);
    // With study arms, a unit is a response (or item, step) under one condition: the same reviewer's
    // unassisted and assisted ratings are two conditions, never a test–retest pair (intra-rater).
    const unitOf = (key: string) => this.agreement.unit(arm ? `${key}\u0000${arm}` : key);
    for (const [responseId, block] of Object.entries(responses ?? {})) {
      const name = model(responseId);
      if (name === undefined) continue;
      const unit = unitOf(responseId);
      for (const [key, value] of Object.entries(block?.ratings ?? {})) {
        const axis = this.axes.get(key);
        if (axis?.appliesTo === "RESPONSE") this.rate(axis, name, unit, rater, value);
      }
    }
    // Per-turn axes: one unit per AI turn of a response, tallied under the response's model.
    for (const [responseId, byTurn] of Object.entries(turns ?? {})) {
      const name = model(responseId);
      if (name === undefined) continue;
      for (const [position, block] of Object.entries(byTurn ?? {})) {
        for (const [key, value] of Object.entries(block?.ratings ?? {})) {
          const axis = this.axes.get(key);
          if (axis?.appliesTo === "TURN") this.rate(axis, name, unitOf(`${responseId}:turn:${position}`), rater, value);
        }
      }
    }
    const itemUnit = unitOf(itemId);
    for (const [key, value] of Object.entries(itemRatings ?? {})) {
      const axis = this.axes.get(key);
      if (axis?.appliesTo === "ITEM") this.rate(axis, null, itemUnit, rater, value);
    }
    // Tool judgments (steps, agent actions, tests, citations) as nominal agreement units (./tool-agreement.ts).
    observeToolJudgments(this.agreement, { unitOf, rater, known: (id) => model(id) !== undefined }, { steps, actions, citations });
    const comparisons: Comparison[] = [];
    // Rankings: every two responses of different models, after the axis polarity (first = chosen first);
    // best–worst choices: the pairs they order (the best over the others shown, the others over the worst).
    const ordered: Array<[string, Array<{ first: string; second: string; tie: boolean }>]> = [];
    for (const [key, tiers] of Object.entries(ranking?.tiers ?? {})) {
      if (this.axes.get(key)?.appliesTo !== "RANKING" || !Array.isArray(tiers)) continue;
      ordered.push([key, pairsOf(tiers)]);
      const byUnit = this.rankings.get(key) ?? this.rankings.set(key, new Map()).get(key)!;
      const unit = arm ? `${itemId}\u0000${arm}` : itemId;
      const byReviewer = byUnit.get(unit) ?? byUnit.set(unit, new Map()).get(unit)!;
      if (!byReviewer.has(reviewerId)) byReviewer.set(reviewerId, tiers);
    }
    for (const [key, pick] of Object.entries(ranking?.bestWorst ?? {})) {
      if (this.axes.get(key)?.appliesTo !== "BEST_WORST" || !pick?.best || !pick.worst || pick.best === pick.worst) continue;
      ordered.push([key, bestWorstPairs(pick.best, pick.worst, responseOrder)]);
      const counts = this.bestWorstCounts.get(key) ?? this.bestWorstCounts.set(key, new Map()).get(key)!;
      for (const id of responseOrder) {
        const name = model(id);
        if (name === undefined) continue;
        const c = counts.get(name) ?? counts.set(name, { shown: 0, best: 0, worst: 0 }).get(name)!;
        c.shown++;
        if (id === pick.best) c.best++;
        if (id === pick.worst) c.worst++;
      }
    }
    for (const [key, pairs] of ordered) {
      const def = this.axes.get(key)!;
      for (const { first, second, tie } of pairs) {
        // Agreement: one unit per pair of the item's responses (named in id order), ordinal first / tie / second.
        const [low, high] = [first, second].sort();
        this.agreement.add(key, unitOf(`${itemId}:${low}:${high}`), rater, tie ? "tie" : first === low ? "first" : "second");
        const [x, y] = [model(first), model(second)];
        if (x === undefined || y === undefined || x === y) continue;
        const better = tie ? "tie" : def.polarity === "HIGHER_IS_BETTER" ? x : y;
        this.pairJudgment(key, [x, y], better);
        comparisons.push({ axis: key, first: x, second: y, score: better === "tie" ? 0.5 : better === x ? 1 : 0 });
      }
    }
    // Pairwise choices: the first pair of the screen order, and with more responses shown every other pair (decision 035).
    screenPairs(responseOrder).forEach(([a, b], i) => {
      const ratings = i === 0 ? pairRatings : morePairs?.[pairKey(a, b)]?.ratings;
      const shown = [model(a), model(b)] as const;
      if (!ratings || shown[0] === undefined || shown[1] === undefined) return;
      // A unit is the pair of responses (with two responses shown, the same partition as the item).
      const [low, high] = [a, b].sort();
      for (const [key, chosen] of Object.entries(ratings)) {
        const def = this.axes.get(key);
        if (def?.appliesTo !== "PAIR" || (chosen !== "tie" && chosen !== a && chosen !== b)) continue;
        const betterId = chosen === "tie" || def.polarity === "HIGHER_IS_BETTER" ? chosen : chosen === a ? b : a;
        const better = betterId === "tie" ? "tie" : model(betterId)!;
        this.pairJudgment(key, [shown[0], shown[1]], better);
        // For agreement the pair is named in model-name order, as the reviewers' screen sides are random.
        const [firstModel, secondModel] = [shown[0], shown[1]].sort((x, y) => x.localeCompare(y));
        if (firstModel !== secondModel) {
          this.agreement.add(key, unitOf(`${itemId}:pair:${low}:${high}`), rater, better === "tie" ? "tie" : better === firstModel ? "first" : "second");
          comparisons.push({ axis: key, first: shown[0], second: shown[1], score: better === "tie" ? 0.5 : better === shown[0] ? 1 : 0 });
        }
      }
    });
    this.leaderboard.add(comparisons);
  }
}

/** Best–worst boards also carry each model's counting score beside its Bradley–Terry strength. */
function withBestWorstScores(boards: Leaderboard[], counts: Map<string, Map<string, { shown: number; best: number; worst: number }>>): Leaderboard[] {
  return boards.map((board) => {
    const byModel = board.axis === null ? undefined : counts.get(board.axis);
    if (!byModel) return board;
    return { ...board, rows: board.rows.map((r) => { const c = byModel.get(r.model); return c ? { ...r, bestWorst: { ...c, score: (c.best - c.worst) / c.shown } } : r; }) };
  });
}

const resultAxisOf = (a: AxisRow): ResultAxis => ({
  key: a.key, label: a.label, type: a.type, appliesTo: a.appliesTo, options: a.options ?? [], multiSelect: a.type === "CHOICE" && (a.max ?? 1) > 1, bestValue: a.bestValue,
});

/** `resamples`: bootstrap resamples for the agreement intervals (default 1,000; 0 skips them). `pageSize`: annotations per query (tests). */
export async function loadRubricResults(actor: Actor, projectId: string, filter: ResultsFilter, opts: { resamples?: number; pageSize?: number } = {}): Promise<RubricResults> {
  const db = getDb();
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { pseudonymSalt: true } });
  const allBatches = await findVisibleBatchIds(actor, projectId, "project:read");
  const batchIds = filter.batch ? (await db.batch.findMany({ where: { id: { in: allBatches }, name: filter.batch }, select: { id: true } })).map((b) => b.id) : allBatches;
  if (filter.batch && !batchIds.length) throw new NotFoundError(`Batch "${filter.batch}" not found.`);
  const [axes, { options, reviewerIds }] = await Promise.all([projectAxes(db, projectId), filterOptions(db, projectId, allBatches, project.pseudonymSalt)]);
  const reviewerId = filter.reviewer === undefined ? undefined : (reviewerIds.get(filter.reviewer) ?? null);

  const defs = new Map([...axes.values()].map((a) => [a.key, { ...resultAxisOf(a), polarity: a.polarity }]));
  const tallies = new Tallies(defs);
  const items = new Set<string>();
  const reviewers = new Set<string>();
  const rubricIds = new Set<string>();
  let annotations = 0;
  // Results on all reviews, or on the adjudicated consensus of each item (decided ones: issue 10).
  const responses = segmentSql(segmentOf(filter)).responses;
  const rows = filter.basis === "consensus" ? compactRows(db, consensusWhereOf(batchIds, filter), opts.pageSize, fetchConsensusPage, responses) : compactRows(db, whereOf(batchIds, filter, reviewerId), opts.pageSize, fetchCompactPage, responses);
  for await (const row of rows) {
    annotations++;
    items.add(row[0]);
    reviewers.add(row[1]);
    rubricIds.add(row[2]);
    tallies.observe(row);
  }
  const resultAxes = [...defs.values()];
  const toolAxes = TOOL_AGREEMENT_AXES.filter((a) => tallies.agreement.has(a.key));
  const rubricVersions = rubricIds.size ? (await db.rubric.findMany({ where: { id: { in: [...rubricIds] } }, select: { version: true } })).map((r) => r.version).sort((x, y) => x - y) : [];
  return {
    annotations,
    items: items.size,
    reviewers: reviewers.size,
    rubricVersions,
    axes: summarizeAxes(resultAxes, tallies.ratingObservations()),
    pairAxes: [...axes.values()].filter((a) => a.appliesTo === "PAIR").map((a) => ({ key: a.key, label: a.label, polarity: a.polarity })),
    pairs: summarizePairs(resultAxes.map((a) => a.key), tallies.pairObservations()),
    rankingAxes: [...axes.values()].filter((a) => a.appliesTo === "RANKING" || a.appliesTo === "BEST_WORST").map((a) => ({ key: a.key, label: a.label, polarity: a.polarity })),
    leaderboards: withBestWorstScores(tallies.leaderboard.leaderboards(resultAxes.filter((a) => a.appliesTo === "PAIR" || a.appliesTo === "RANKING" || a.appliesTo === "BEST_WORST").map((a) => a.key), { resamples: opts.resamples }), tallies.bestWorstCounts),
    concordance: [...axes.values()].filter((a) => a.appliesTo === "RANKING").map((a) => ({ axis: a.key, label: a.label, ...concordanceOf([...(tallies.rankings.get(a.key)?.values() ?? [])].map((byReviewer) => [...byReviewer.values()])) })),
    agreement: agreementOfCollected([...resultAxes, ...toolAxes], tallies.agreement, { resamples: opts.resamples }),
    options,
  };
}
