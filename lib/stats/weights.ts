// Weights for ordinal categories, by their position i = 0 … q − 1 in the scale's order.
// Disagreement weights v (0 on the diagonal) are Cohen's (1968) formulation; agreement weights are
// w = 1 − v / max(v), the form Gwet (2014, ch. 3) and Fleiss, Levin & Paik (2003, §18.2) use.
// Linear: v = |i − j| (Cicchetti & Allison 1971); quadratic: v = (i − j)² (Fleiss & Cohen 1973).

export type WeightScheme = "unweighted" | "linear" | "quadratic";
/** A named scheme, or a custom q × q matrix of disagreement weights (0 on the diagonal), e.g. Cohen 1968's. */
export type Weighting = WeightScheme | { disagreement: readonly (readonly number[])[] };

/** Disagreement weights as a flat q × q array (row-major). */
export function disagreementWeights(weighting: Weighting, q: number): Float64Array {
  const v = new Float64Array(q * q);
  if (typeof weighting === "object") {
    const m = weighting.disagreement;
    if (m.length !== q || m.some((row) => row.length !== q)) throw new Error(`custom weights must be a ${q} × ${q} matrix, one row and column per category`);
    for (let i = 0; i < q; i++) {
      if (m[i][i] !== 0) throw new Error("custom disagreement weights must be 0 on the diagonal (a rater agreeing with another is no disagreement)");
      for (let j = 0; j < q; j++) {
        if (!(Number.isFinite(m[i][j]) && m[i][j] >= 0)) throw new Error("custom disagreement weights must be finite and not negative");
        v[i * q + j] = m[i][j];
      }
    }
    return v;
  }
  for (let i = 0; i < q; i++) {
    for (let j = 0; j < q; j++) {
      const d = Math.abs(i - j);
      v[i * q + j] = weighting === "unweighted" ? (d === 0 ? 0 : 1) : weighting === "linear" ? d : d * d;
    }
  }
  return v;
}

/** Agreement weights w = 1 − v / max(v) (identity for "unweighted"; all ones when q = 1). */
export function agreementWeights(weighting: Weighting, q: number): Float64Array {
  const v = disagreementWeights(weighting, q);
  let max = 0;
  for (const x of v) max = Math.max(max, x);
  return v.map((x) => (max === 0 ? 1 : 1 - x / max));
}
