import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { withDocumentDefaults } from "@/lib/annotations/schema";
import { findVisibleBatchIds } from "@/lib/projects/access";
import { aggregateScores, scoreCriteria, scoreCriteriaForTag, themeScores, type Aggregate, type MetMarks } from "./score";

// HealthBench-style scores of a project's criteria marks, per model (RUBRICS.md §4; formulas
// from openai/simple-evals healthbench_eval.py, implemented in ./score.ts). Physicians take the
// grader's place: one sample = one submitted annotation × one response whose criteria are all
// marked, scored per example (unclipped), then aggregated per model as a clipped mean ± bootstrap std.

export const PAGE_SIZE = 500;
export const MAX_PER_ITEM_ROWS = 5000;

export type ModelScores = {
  modelName: string;
  overall: Aggregate | null;
  /** Keyed by criterion tag (`axis:accuracy`, …); null when no sample had positive points on it. */
  byAxis: Record<string, Aggregate | null>;
  /** Keyed by item tag (`theme:hedging`, …) from Item.metadata.tags. */
  byTheme: Record<string, Aggregate | null>;
  /** Samples (annotation × response) with every criterion marked, whether or not they scored. */
  gradedResponses: number;
};

export type PerItemScore = { itemId: string; externalId: string; responseId: string; modelName: string; reviewerId: string; score: number | null };

export type CriteriaScores = { byModel: ModelScores[]; perItem: PerItemScore[]; /** perItem stopped at MAX_PER_ITEM_ROWS. */ truncated: boolean };

type ModelSamples = { overall: number[]; byAxis: Map<string, number[]>; themed: Array<{ score: number; tags: string[] }>; graded: number };

export async function loadCriteriaScores(actor: Actor, projectId: string, opts: { batchId?: string } = {}): Promise<CriteriaScores> {
  const db = getDb();
  const batchIds = await findVisibleBatchIds(actor, projectId, "project:read", opts.batchId);

  const models = new Map<string, ModelSamples>();
  const perItem: PerItemScore[] = [];
  let truncated = false;
  let cursor: string | undefined;
  // Keyset pages by id keep memory flat: only the scores themselves (numbers) accumulate, since
  // the bootstrap needs every one of them.
  for (;;) {
    const page = await db.annotation.findMany({
      where: {
        kind: "REVIEW",
        submittedAt: { not: null },
        assignment: { batchId: { in: batchIds } },
        item: { criteria: { some: {} } },
        ...(cursor ? { id: { gt: cursor } } : {}),
      },
      orderBy: { id: "asc" },
      take: PAGE_SIZE,
      select: {
        id: true,
        data: true,
        authorId: true,
        item: {
          select: {
            id: true,
            externalId: true,
            metadata: true,
            criteria: { select: { id: true, points: true, tags: true } },
            responses: { select: { id: true, modelName: true }, orderBy: { position: "asc" } },
          },
        },
      },
    });
    for (const a of page) {
      const data = withDocumentDefaults(a.data);
      const { criteria } = a.item;
      const axisTags = [...new Set(criteria.flatMap((c) => c.tags.filter((t) => t.startsWith("axis:"))))];
      const themes = themeTagsOf(a.item.metadata);
      for (const response of a.item.responses) {
        const marks = data.responses[response.id]?.criteria ?? {};
        // Only fully graded responses are samples; simple-evals grades every criterion too.
        if (!criteria.every((c) => typeof marks[c.id]?.met === "boolean")) continue;
        const met: MetMarks = Object.fromEntries(criteria.map((c) => [c.id, marks[c.id].met]));
        const score = scoreCriteria(criteria, met);
        const samples = samplesOf(models, response.modelName);
        samples.graded += 1;
        if (score !== null) {
          samples.overall.push(score);
          samples.themed.push({ score, tags: themes });
        }
        for (const tag of axisTags) {
          const axisScore = scoreCriteriaForTag(criteria, met, tag);
          const list = samples.byAxis.get(tag) ?? [];
          // A tag whose criteria carry no positive points is skipped for this sample (as in simple-evals).
          if (axisScore !== null) list.push(axisScore);
          samples.byAxis.set(tag, list);
        }
        if (perItem.length < MAX_PER_ITEM_ROWS) {
          perItem.push({ itemId: a.item.id, externalId: a.item.externalId, responseId: response.id, modelName: response.modelName, reviewerId: a.authorId, score });
        } else truncated = true;
      }
    }
    if (page.length < PAGE_SIZE) break;
    cursor = page[page.length - 1].id;
  }

  const byModel = [...models]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([modelName, s]) => ({
      modelName,
      overall: aggregateScores(s.overall),
      byAxis: Object.fromEntries([...s.byAxis].sort(([a], [b]) => a.localeCompare(b)).map(([tag, scores]) => [tag, aggregateScores(scores)])),
      byTheme: themeScores(s.themed),
      gradedResponses: s.graded,
    }));
  perItem.sort((a, b) => a.externalId.localeCompare(b.externalId) || a.modelName.localeCompare(b.modelName) || a.reviewerId.localeCompare(b.reviewerId));
  return { byModel, perItem, truncated };
}

function samplesOf(models: Map<string, ModelSamples>, modelName: string): ModelSamples {
  let samples = models.get(modelName);
  if (!samples) models.set(modelName, (samples = { overall: [], byAxis: new Map(), themed: [], graded: 0 }));
  return samples;
}

/** HealthBench puts example-level tags (`theme:*`) on the example; imports keep them in metadata.tags. */
function themeTagsOf(metadata: unknown): string[] {
  const tags = (metadata as { tags?: unknown } | null)?.tags;
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string" && t.startsWith("theme:")) : [];
}
