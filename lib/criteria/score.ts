import { seededRng } from "@/lib/random/seeded-rng";
// HealthBench-style scoring of case-specific criteria (RUBRICS.md §4). Pure functions, no DB.
//
// Formulas follow openai/simple-evals `healthbench_eval.py`:
// - `calculate_score`: Σ points of met criteria (negative ones included) ÷ Σ points of all
//   positive criteria. Not clipped per example, so a response can score below 0; None when
//   there are no positive points (only possible for a tag subset).
// - `_compute_clipped_stats`: the dataset mean is clipped to [0, 1]; its error is the
//   population std (np.std) of the clipped means of 1,000 bootstrap resamples.

export type ScoredCriterion = { id: string; points: number; tags: string[] };
export type MetMarks = Record<string, boolean | null | undefined>;

/** Per-example score; unmarked criteria count as not met (the grader answers every criterion). */
export function scoreCriteria(criteria: readonly ScoredCriterion[], met: MetMarks): number | null {
  const possible = criteria.reduce((sum, c) => (c.points > 0 ? sum + c.points : sum), 0);
  if (possible <= 0) return null;
  const achieved = criteria.reduce((sum, c) => (met[c.id] === true ? sum + c.points : sum), 0);
  return achieved / possible;
}

/** Axis (or any criterion-tag) score: the same formula on the criteria carrying `tag`. */
export function scoreCriteriaForTag(criteria: readonly ScoredCriterion[], met: MetMarks, tag: string): number | null {
  return scoreCriteria(
    criteria.filter((c) => c.tags.includes(tag)),
    met,
  );
}

export type Aggregate = { mean: number; rawMean: number; bootstrapStd: number; n: number };

/** Clipped mean with bootstrap std; null for no scores (simple-evals would produce NaN). */
export function aggregateScores(scores: readonly number[], opts: { resamples?: number; seed?: number } = {}): Aggregate | null {
  const n = scores.length;
  if (n === 0) return null;
  const resamples = opts.resamples ?? 1000;
  // Seeded so that a report shows the same ± every time it is rendered.
  const random = seededRng(opts.seed ?? 0);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += scores[Math.floor(random() * n)];
    means.push(clip01(sum / n));
  }
  const rawMean = mean(scores);
  return { mean: clip01(rawMean), rawMean, bootstrapStd: populationStd(means), n };
}

/** Each example's score is credited to every `theme:*` tag it carries, then aggregated. */
export function themeScores(examples: readonly { score: number; tags: readonly string[] }[], opts?: { resamples?: number; seed?: number }): Record<string, Aggregate> {
  const byTheme = new Map<string, number[]>();
  for (const ex of examples) {
    for (const tag of new Set(ex.tags)) {
      if (!tag.startsWith("theme:")) continue;
      const list = byTheme.get(tag) ?? [];
      list.push(ex.score);
      byTheme.set(tag, list);
    }
  }
  const result: Record<string, Aggregate> = {};
  for (const [tag, scores] of byTheme) result[tag] = aggregateScores(scores, opts)!;
  return result;
}

function clip01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function populationStd(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((sum, x) => sum + (x - m) ** 2, 0) / xs.length);
}

