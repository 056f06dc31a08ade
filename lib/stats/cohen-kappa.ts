import { defined, prepareReliabilityData, TOO_FEW_UNITS, undefinedBecause, type CoefficientResult, type Estimator, type PreparedData, type ReliabilityData } from "./reliability-data";
import { disagreementWeights, type Weighting } from "./weights";

// Cohen's kappa for exactly two raters, on the units both rated (Cohen J. "A coefficient of
// agreement for nominal scales", Educ Psychol Meas 1960;20:37–46), and weighted kappa in Cohen's own
// disagreement-weight form (Cohen J. "Weighted kappa", Psychol Bull 1968;70:213–220):
//
//   κ_w = 1 − Σ_ij v_ij p_ij / Σ_ij v_ij p_i. p_.j
//
// with p_ij the share of units rater 1 put in i and rater 2 in j. With v = 0/1 this is the unweighted
// (p_o − p_e)/(1 − p_e); linear v = |i − j| and quadratic v = (i − j)² follow the categories' order.

export const NOT_TWO_RATERS = "Cohen's kappa needs exactly two raters";
export const ONE_SHARED_CATEGORY = "both raters used one and the same category, so chance agreement is total";

export function planCohenKappa(data: PreparedData, weighting: Weighting = "unweighted"): Estimator {
  const pair = data.pair;
  if (!pair) return () => undefinedBecause(NOT_TWO_RATERS);
  if (weighting !== "unweighted" && typeof weighting === "string" && !data.isOrdered) {
    throw new Error("weighted kappa needs the categories in scale order; pass them as `categories`");
  }
  const q = data.categories.length;
  // Unweighted kappa needs only the diagonal and the marginals (O(q), whatever the number of distinct
  // values); weights need the full q × q table.
  const v = weighting === "unweighted" ? null : disagreementWeights(weighting, q);
  const table = new Float64Array(v ? q * q : 0);
  const rows = new Float64Array(q);
  const cols = new Float64Array(q);
  return (weights) => {
    table.fill(0);
    rows.fill(0);
    cols.fill(0);
    let n = 0, agreeing = 0;
    for (let p = 0; p < data.patterns; p++) {
      const a = pair.first[p], b = pair.second[p], w = weights[p];
      if (a < 0 || b < 0 || w === 0) continue;
      if (v) table[a * q + b] += w;
      if (a === b) agreeing += w;
      rows[a] += w;
      cols[b] += w;
      n += w;
    }
    if (n < 2) return undefinedBecause(TOO_FEW_UNITS);
    let observed = 0, expected = 0;
    if (!v) {
      observed = 1 - agreeing / n;
      expected = 1;
      for (let i = 0; i < q; i++) expected -= (rows[i] / n) * (cols[i] / n);
    } else {
      for (let i = 0; i < q; i++) {
        for (let j = 0; j < q; j++) {
          observed += (v[i * q + j] * table[i * q + j]) / n;
          expected += v[i * q + j] * (rows[i] / n) * (cols[j] / n);
        }
      }
    }
    if (expected <= 0) return undefinedBecause(ONE_SHARED_CATEGORY);
    return defined(1 - observed / expected);
  };
}

/** Cohen's kappa of two raters' data (unweighted, linear, quadratic or custom disagreement weights). */
export function computeCohenKappa(data: ReliabilityData, weighting: Weighting = "unweighted"): CoefficientResult {
  const prepared = prepareReliabilityData(data);
  return { ...planCohenKappa(prepared, weighting)(prepared.multiplicity), basis: prepared.basis };
}
