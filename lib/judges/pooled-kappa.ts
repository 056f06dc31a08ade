import { quantileOfSorted, DEFAULT_RESAMPLES, DEFAULT_SEED, type BootstrapOptions } from "@/lib/stats/bootstrap";
import { planCohenKappa } from "@/lib/stats/cohen-kappa";
import { reliabilityDataFromRatings } from "@/lib/stats/from-ratings";
import { prepareReliabilityData, type RatingValue } from "@/lib/stats/reliability-data";
import { seededRng } from "@/lib/random/seeded-rng";

// Cohen's kappa of the judge against each physician, pooled (decision 015): every (unit, physician)
// pair is one row of a judge × physician table, so the figure is the judge's agreement with a
// physician drawn at random — the same footing as physician-vs-physician kappa, the ceiling. The
// coefficient is lib/stats' own (planCohenKappa: Cohen 1960, 1968); only the resampling is new.
// A unit's pairs share the judge's value, so they are not independent: the bootstrap draws units
// (clusters) with all their pairs, not pairs (Field & Welsh, JRSS B 2007;69:369–390, cluster
// bootstrap); drawing pairs would make the interval too narrow.

export type Weighting = "unweighted" | "linear" | "quadratic";
export type PooledKappa = {
  weighting: Weighting;
  value: number | null;
  reason: string | null;
  interval: { level: number; low: number; high: number; resamples: number; undefinedResamples: number; seed: number; method: "percentile cluster bootstrap over units" } | null;
};

/** `units`: per unit, the judge's value and each physician's value. */
export function pooledKappa(
  units: ReadonlyArray<{ judge: RatingValue; physicians: readonly RatingValue[] }>,
  categories: readonly RatingValue[],
  weightings: readonly Weighting[],
  options: BootstrapOptions = {},
): PooledKappa[] {
  const ratings: Array<{ unit: string; rater: string; value: RatingValue }> = [];
  const clusters: number[][] = [];
  let row = 0;
  units.forEach((u, i) => {
    const rows: number[] = [];
    u.physicians.forEach((v, p) => {
      ratings.push({ unit: `${i}/${p}`, rater: "judge", value: u.judge }, { unit: `${i}/${p}`, rater: "physician", value: v });
      rows.push(row++);
    });
    clusters.push(rows);
  });
  // Both raters must exist as columns even when a side has no values, so Cohen's two-rater form applies.
  const prepared = prepareReliabilityData(reliabilityDataFromRatings(ratings, { categories }));
  const estimators = weightings.map((w) => planCohenKappa(prepared, w));
  const points = estimators.map((e) => e(prepared.multiplicity));
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const level = options.level ?? 0.95;
  const samples = estimators.map(() => new Float64Array(resamples));
  const defined = new Int32Array(estimators.length);
  if (resamples > 0 && clusters.length > 0) {
    const rng = seededRng(seed);
    const weights = new Float64Array(prepared.patterns);
    for (let b = 0; b < resamples; b++) {
      weights.fill(0);
      for (let k = 0; k < clusters.length; k++) {
        for (const r of clusters[Math.floor(rng() * clusters.length)]) {
          const p = prepared.unitPattern[r];
          if (p >= 0) weights[p] += 1;
        }
      }
      estimators.forEach((estimate, e) => {
        const { value } = estimate(weights);
        if (value !== null) samples[e][defined[e]++] = value;
      });
    }
  }
  return weightings.map((weighting, e) => {
    const { value, reason } = points[e];
    if (value === null || defined[e] === 0) return { weighting, value, reason, interval: null };
    const sorted = samples[e].subarray(0, defined[e]).sort();
    return {
      weighting, value, reason,
      interval: { level, low: quantileOfSorted(sorted, (1 - level) / 2), high: quantileOfSorted(sorted, (1 + level) / 2), resamples, undefinedResamples: resamples - defined[e], seed, method: "percentile cluster bootstrap over units" },
    };
  });
}
