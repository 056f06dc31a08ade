import { defined, prepareReliabilityData, TOO_FEW_UNITS, undefinedBecause, weightedPairableUnits, type CoefficientResult, type Estimator, type PreparedData, type ReliabilityData } from "./reliability-data";

// Krippendorff's alpha in the coincidence-matrix formulation: Krippendorff K. "Computing
// Krippendorff's Alpha-Reliability", 2011, https://repository.upenn.edu/asc_papers/43 (§ "C. Nominal
// data, any number of observers, missing values" and § "E. Other metrics"; also Krippendorff,
// Content Analysis, 4th ed., 2019, ch. 12).
//
//   o_ck = Σ_u n_uc · n_uk / (m_u − 1)   (c ≠ k; over units with m_u ≥ 2 values)
//   n_c  = Σ_k o_ck  = Σ_u n_uc          n = Σ_c n_c  (pairable values)
//   α    = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck
//
// δ²: nominal 1 if c ≠ k; interval (c − k)²; ratio ((c − k)/(c + k))²; ordinal
// (Σ_{g=c..k} n_g − (n_c + n_k)/2)², i.e. on ranks of the coincidence marginals, so it changes with
// every bootstrap resample and is recomputed from the resample's marginals.

export type AlphaMetric = "nominal" | "ordinal" | "interval" | "ratio";

export const ONE_CATEGORY = "every pairable value is the same, so there is no variation to agree on";

function metricDelta2(metric: Exclude<AlphaMetric, "ordinal">, data: PreparedData): (c: number, k: number) => number {
  if (metric === "nominal") return (c, k) => (c === k ? 0 : 1);
  const x = data.categoryNumbers;
  if (!x) throw new Error(`the ${metric} metric needs numeric values; these categories include text or yes/no`);
  if (metric === "interval") return (c, k) => (x[c] - x[k]) ** 2;
  if (x.some((v) => v < 0)) throw new Error("the ratio metric needs values of zero or more");
  return (c, k) => (x[c] + x[k] === 0 ? 0 : ((x[c] - x[k]) / (x[c] + x[k])) ** 2);
}

/** Ordinal δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², from the marginals' cumulative sums. */
function ordinalDelta2(marginals: Float64Array): (c: number, k: number) => number {
  const cum = new Float64Array(marginals.length + 1);
  for (let c = 0; c < marginals.length; c++) cum[c + 1] = cum[c] + marginals[c];
  return (c, k) => {
    const [lo, hi] = c <= k ? [c, k] : [k, c];
    return (cum[hi + 1] - cum[lo] - (marginals[lo] + marginals[hi]) / 2) ** 2;
  };
}

/** An estimator of alpha over pattern weights (a point estimate or a bootstrap resample). */
export function planKrippendorffAlpha(data: PreparedData, metric: AlphaMetric): Estimator {
  const q = data.categories.length;
  const { start, category, count, size } = data;
  if (metric === "ordinal" && !data.isOrdered) throw new Error("the ordinal metric needs the categories in scale order; pass them as `categories`");
  const delta2 = metric === "ordinal" ? null : metricDelta2(metric, data);
  const perPattern = new Float64Array(data.patterns);
  if (delta2) {
    // Fixed δ² (all but ordinal): each pattern's observed disagreement is a constant, so a resample is a weighted sum.
    for (let p = 0; p < data.patterns; p++) {
      if (size[p] < 2) continue;
      let d = 0;
      for (let i = start[p]; i < start[p + 1]; i++) for (let j = start[p]; j < start[p + 1]; j++) d += count[i] * count[j] * delta2(category[i], category[j]);
      perPattern[p] = d / (size[p] - 1);
    }
  }
  // Expected disagreement Σ n_c n_k δ²_ck: closed forms where they exist, so interval data with many
  // distinct values never needs a q × q matrix.
  const x = data.categoryNumbers;
  const expectedOf = (marginals: Float64Array, n: number): number => {
    if (metric === "nominal") {
      let squares = 0;
      for (const m of marginals) squares += m * m;
      return n * n - squares;
    }
    if (metric === "interval" && x) {
      let sum = 0, sumSquares = 0;
      for (let c = 0; c < q; c++) {
        sum += marginals[c] * x[c];
        sumSquares += marginals[c] * x[c] * x[c];
      }
      return 2 * (n * sumSquares - sum * sum);
    }
    const d2 = delta2 ?? ordinalDelta2(marginals);
    let e = 0;
    for (let c = 0; c < q; c++) {
      if (marginals[c] === 0) continue;
      for (let k = 0; k < q; k++) if (marginals[k] !== 0) e += marginals[c] * marginals[k] * d2(c, k);
    }
    return e;
  };
  const marginals = new Float64Array(q);
  const coincidences = new Float64Array(metric === "ordinal" ? q * q : 0);

  return (weights) => {
    if (weightedPairableUnits(data, weights) < 2) return undefinedBecause(TOO_FEW_UNITS);
    marginals.fill(0);
    let observed = 0;
    for (let p = 0; p < data.patterns; p++) {
      const w = weights[p];
      if (size[p] < 2 || w === 0) continue;
      for (let i = start[p]; i < start[p + 1]; i++) marginals[category[i]] += w * count[i];
      observed += w * perPattern[p];
    }
    let n = 0, used = 0;
    for (let c = 0; c < q; c++) {
      n += marginals[c];
      if (marginals[c] > 0) used++;
    }
    if (used < 2) return undefinedBecause(ONE_CATEGORY);

    if (metric === "ordinal") {
      const d2 = ordinalDelta2(marginals);
      coincidences.fill(0);
      for (let p = 0; p < data.patterns; p++) {
        const w = weights[p];
        if (size[p] < 2 || w === 0) continue;
        const f = w / (size[p] - 1);
        for (let i = start[p]; i < start[p + 1]; i++) for (let j = start[p]; j < start[p + 1]; j++) if (i !== j) coincidences[category[i] * q + category[j]] += f * count[i] * count[j];
      }
      observed = 0;
      for (let c = 0; c < q; c++) for (let k = 0; k < q; k++) if (c !== k) observed += coincidences[c * q + k] * d2(c, k);
    }
    const expected = expectedOf(marginals, n);
    return defined(1 - ((n - 1) * observed) / expected);
  };
}

/** Krippendorff's alpha of reliability data with the given metric (see the top of this file). */
export function computeKrippendorffAlpha(data: ReliabilityData, metric: AlphaMetric = "nominal"): CoefficientResult {
  const prepared = prepareReliabilityData(data);
  return { ...planKrippendorffAlpha(prepared, metric)(prepared.multiplicity), basis: prepared.basis };
}
