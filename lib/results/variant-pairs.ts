import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { autoGrade } from "@/lib/grading/auto-grade";
import { gradedAnswers, scopedBatchIds } from "./auto-grades";
import { mcnemar, type McNemarResult } from "@/lib/stats/mcnemar";
import { segmentOf, whereOf } from "./load-results";
import type { ResultsFilter } from "./results-filter";
import { segmentSql } from "./segments";

// Variants against their originals (issue 13): an item imported with `variantOf` is a perturbed,
// translated or re-prompted copy of another; per model, each (original, variant) pair gives two
// binary outcomes, compared with McNemar's test (lib/stats/mcnemar.ts). Outcomes:
// - `auto:correct`: the model's answer graded against the item's key (lib/grading/auto-grade.ts);
// - `<axis>`: the response rated in the axis's best option by most of its reviewers (a tie between
//   reviewers leaves the pair out), for every response axis with a best option.
// Pairs follow the results filter (batch, reviewer, dates, gold, segment) like every other figure.

export type VariantComparison = {
  /** "auto:correct" or a rubric axis key. */
  outcome: string;
  label: string;
  model: string;
  /** The variants' `analysis.variant` ("variant" when not given). */
  variant: string;
  /** Share of successes among the paired originals and among the paired variants. */
  originalRate: number;
  variantRate: number;
} & McNemarResult;

type OutcomeRow = { externalId: string; variantOf: string | null; variant: string | null; modelName: string; outcome: string; success: number; total: number };

/** Items in a variant pair: variants, and originals some variant names. */
const IN_PAIR = Prisma.sql`(i."variantOf" IS NOT NULL OR EXISTS (SELECT 1 FROM "Item" v WHERE v."projectId" = i."projectId" AND v."variantOf" = i."externalId"))`;

export async function loadVariantComparisons(actor: Actor, projectId: string, filter: ResultsFilter): Promise<VariantComparison[]> {
  const db = getDb();
  const scoped = await scopedBatchIds(actor, projectId, filter);
  if (!scoped.length || filter.basis === "consensus") return [];
  // Most projects have no variants: one indexed probe (the partial index on variantOf) settles it.
  if (!(await db.item.findFirst({ where: { projectId, variantOf: { not: null } }, select: { id: true } }))) return [];
  const segment = segmentSql(segmentOf(filter));
  const axes = await db.$queryRaw<Array<{ key: string; label: string; bestValue: string }>>`
    SELECT DISTINCT ON (x.key) x.key, x.label, x."bestValue" FROM "RubricAxis" x JOIN "Rubric" r ON r.id = x."rubricId"
    WHERE r."projectId" = ${projectId} AND x."appliesTo" = 'RESPONSE' AND x."bestValue" IS NOT NULL AND (x.type <> 'CHOICE' OR COALESCE(x.max, 1) = 1)
    ORDER BY x.key, r.version DESC`;
  const reviewerWhere = whereOf(scoped, filter, undefined);
  const rated = axes.length
    ? await db.$queryRaw<OutcomeRow[]>`
        SELECT i."externalId", i."variantOf", i.analysis->>'variant' AS variant, r."modelName", x.key AS outcome,
               count(*) FILTER (WHERE a.data->'responses'->r.id->'ratings'->>x.key = x.best)::int AS success,
               count(*) FILTER (WHERE a.data->'responses'->r.id->'ratings'->>x.key NOT IN ('', 'na'))::int AS total
        FROM "Annotation" a
        JOIN "Assignment" s ON s.id = a."assignmentId"
        JOIN "Item" i ON i.id = a."itemId"
        JOIN "Response" r ON r."itemId" = i.id ${segment.responses}
        CROSS JOIN unnest(${axes.map((x) => x.key)}::text[], ${axes.map((x) => x.bestValue)}::text[]) AS x(key, best)
        WHERE ${reviewerWhere} AND ${IN_PAIR}
        GROUP BY 1, 2, 3, 4, 5`
    : [];
  // Automatic grades need no review, but only items of the filtered batches count (as everywhere on the page).
  const rows: OutcomeRow[] = [...rated];
  for await (const a of gradedAnswers(db, projectId, scoped, filter, Prisma.sql`AND ${IN_PAIR}`)) {
    const correct = autoGrade(a.reference, a.answer);
    if (correct !== null) rows.push({ externalId: a.externalId, variantOf: a.variantOf, variant: a.variant, modelName: a.modelName, outcome: "auto:correct", success: correct ? 1 : 0, total: 1 });
  }
  const labels = new Map([["auto:correct", "Answer correct (graded automatically)"], ...axes.map((x) => [x.key, x.label] as const)]);
  return comparePairs(rows, labels);
}

/** Majority outcome per (item, model, outcome); pairs per (outcome, model, variant kind); McNemar on each. */
export function comparePairs(rows: OutcomeRow[], labels: Map<string, string>): VariantComparison[] {
  const key = (externalId: string, model: string, outcome: string) => `${externalId}\u0000${model}\u0000${outcome}`;
  const majority = new Map<string, boolean | null>();
  for (const r of rows) if (r.total > 0) majority.set(key(r.externalId, r.modelName, r.outcome), r.success * 2 === r.total ? null : r.success * 2 > r.total);
  const groups = new Map<string, { outcome: string; model: string; variant: string; pairs: Array<[boolean, boolean]> }>();
  for (const r of rows) {
    if (!r.variantOf) continue;
    const variantSide = majority.get(key(r.externalId, r.modelName, r.outcome));
    const originalSide = majority.get(key(r.variantOf, r.modelName, r.outcome));
    if (typeof variantSide !== "boolean" || typeof originalSide !== "boolean") continue;
    const variant = r.variant ?? "variant";
    const g = `${r.outcome}\u0000${r.modelName}\u0000${variant}`;
    const group = groups.get(g) ?? groups.set(g, { outcome: r.outcome, model: r.modelName, variant, pairs: [] }).get(g)!;
    group.pairs.push([originalSide, variantSide]);
  }
  return [...groups.values()]
    .map((g) => ({
      outcome: g.outcome,
      label: labels.get(g.outcome) ?? g.outcome,
      model: g.model,
      variant: g.variant,
      originalRate: g.pairs.filter(([o]) => o).length / g.pairs.length,
      variantRate: g.pairs.filter(([, v]) => v).length / g.pairs.length,
      ...mcnemar(g.pairs),
    }))
    .sort((x, y) => (x.outcome === y.outcome ? 0 : x.outcome === "auto:correct" ? -1 : y.outcome === "auto:correct" ? 1 : x.outcome.localeCompare(y.outcome)) || x.model.localeCompare(y.model) || x.variant.localeCompare(y.variant));
}

const num = (x: number | null) => (x === null ? "" : String(Math.round(x * 1e6) / 1e6));

/**
 * The comparisons as rows of the results CSV (lib/results/results-csv.ts columns): per outcome,
 * model and variant kind, the two rates (`count` successes of `n` pairs) and the test (`value` its
 * method, `count` discordant pairs, `estimate` the two-sided p).
 */
export function variantCsvRows(comparisons: VariantComparison[]): string[][] {
  return comparisons.flatMap((v) => [
    ["variant_pairs", v.outcome, v.model, v.variant, "original_rate", "", v.label, String(Math.round(v.originalRate * v.pairs)), String(v.pairs), num(v.originalRate), "", ""],
    ["variant_pairs", v.outcome, v.model, v.variant, "variant_rate", "", v.label, String(Math.round(v.variantRate * v.pairs)), String(v.pairs), num(v.variantRate), "", ""],
    ["variant_pairs", v.outcome, v.model, v.variant, "mcnemar_p", v.method, `b ${v.b} (original only), c ${v.c} (variant only); ${v.citation}`, String(v.b + v.c), String(v.pairs), num(v.pValue), "", ""],
  ]);
}
