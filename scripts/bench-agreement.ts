import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { seededRng } from "@/lib/random/seeded-rng";
import { computeAxisAgreement } from "@/lib/stats/axis-agreement";
import { reliabilityDataFromRatings, type Rating } from "@/lib/stats/from-ratings";

/**
 * Agreement statistics at study scale (issue 9: "10,000 items × 3 raters × 10 axes in < 2 s"):
 * seeded random ordinal ratings (scale 1–5, each rater near a per-item truth, 5 % missing, 3 % N/A)
 * by `raters` (default 3) of a pool of `pool` (default 12) reviewers per item, given as (unit, rater, value) rows the way a query returns them. Timed, in this process:
 *   - point estimates: rows → units × raters matrix → every coefficient of every axis (no bootstrap);
 *   - bootstrap: the same plus 1,000 resamples per axis (all coefficients share the resamples).
 * Wall time after one warm-up run; median of `runs` runs.
 *
 *   npx tsx scripts/bench-agreement.ts [--items 10000] [--raters 3] [--pool 12] [--axes 10] [--resamples 1000] [--runs 3]
 *
 * `measureAgreement()` returns the figures for scripts/bench.ts to report beside the others.
 */

export type AgreementFigures = {
  items: number;
  raters: number;
  axes: number;
  pool: number;
  ratings: number;
  resamples: number;
  coefficientsPerAxis: number;
  pointEstimatesMs: number;
  bootstrapMs: number;
};

function generateAxisRatings(seed: number, items: number, raters: number, pool: number): Rating[] {
  const rng = seededRng(seed);
  const rows: Rating[] = [];
  for (let i = 0; i < items; i++) {
    const truth = 1 + Math.floor(rng() * 5);
    for (let r = 0; r < raters; r++) {
      const roll = rng();
      if (roll < 0.05) continue; // not rated (skipped assignment)
      const value = roll < 0.08 ? "na" : Math.min(5, Math.max(1, truth + Math.round((rng() - 0.5) * 2.4)));
      // Distinct reviewers of the pool per item, as a batch assigns them.
      rows.push({ unit: `item-${i}`, rater: `reviewer-${(i + r * Math.floor(pool / raters)) % pool}`, value });
    }
  }
  return rows;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

type Options = { items?: number; raters?: number; pool?: number; axes?: number; resamples?: number; runs?: number };

export function measureAgreement(options: Options = {}): AgreementFigures {
  const { items = 10_000, raters = 3, pool = 12, axes = 10, resamples = 1000, runs = 3 } = options;
  if (!(Number.isInteger(raters) && raters >= 2 && raters <= pool)) throw new Error(`--raters must be a whole number from 2 to the pool size (${pool})`);
  const perAxis = Array.from({ length: axes }, (_, a) => generateAxisRatings(1000 + a, items, raters, pool));
  const categories = [1, 2, 3, 4, 5];
  let coefficientsPerAxis = 0;
  const run = (bootstrapResamples: number) => {
    const t0 = performance.now();
    for (const rows of perAxis) {
      const data = reliabilityDataFromRatings(rows, { categories });
      const result = computeAxisAgreement({ type: "scale" }, data, { resamples: bootstrapResamples });
      coefficientsPerAxis = result.coefficients.length;
    }
    return performance.now() - t0;
  };
  run(0); // warm-up (JIT)
  run(Math.min(resamples, 50));
  const point = Array.from({ length: runs }, () => run(0));
  const boot = Array.from({ length: runs }, () => run(resamples));
  return {
    items,
    raters,
    pool,
    axes,
    ratings: perAxis.reduce((a, rows) => a + rows.length, 0),
    resamples,
    coefficientsPerAxis,
    pointEstimatesMs: median(point),
    bootstrapMs: median(boot),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: { items: { type: "string", default: "10000" }, raters: { type: "string", default: "3" }, pool: { type: "string", default: "12" }, axes: { type: "string", default: "10" }, resamples: { type: "string", default: "1000" }, runs: { type: "string", default: "3" } },
  });
  const f = measureAgreement({ items: Number(values.items), raters: Number(values.raters), pool: Number(values.pool), axes: Number(values.axes), resamples: Number(values.resamples), runs: Number(values.runs) });
  console.log(`${f.items.toLocaleString("en-US")} items × ${f.raters} raters (of ${f.pool}) × ${f.axes} axes (${f.ratings.toLocaleString("en-US")} ratings), ${f.coefficientsPerAxis} coefficients per axis, Node ${process.version}`);
  console.log(`point estimates, all axes:            ${f.pointEstimatesMs.toFixed(0)} ms`);
  console.log(`with ${f.resamples.toLocaleString("en-US")} bootstrap resamples, all axes: ${f.bootstrapMs.toFixed(0)} ms`);
}
