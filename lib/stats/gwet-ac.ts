import { defined, prepareReliabilityData, TOO_FEW_UNITS, undefinedBecause, type CoefficientResult, type Estimator, type PreparedData, type ReliabilityData } from "./reliability-data";
import { planUnitAgreement } from "./unit-agreement";
import { agreementWeights, type Weighting } from "./weights";

// Gwet's AC1 (Gwet K.L. "Computing inter-rater reliability and its variance in the presence of high
// agreement", Br J Math Stat Psychol 2008;61:29–48) and its weighted form AC2 (Gwet 2014, ch. 3),
// for any number of raters with missing ratings (Gwet 2014's formulation, see unit-agreement.ts):
//
//   AC = (p_a − p_e) / (1 − p_e),   p_e = T_w / (q (q − 1)) · Σ_k π_k (1 − π_k)
//
// q is the number of categories the raters could use (declared, else observed) and T_w the sum of
// all agreement weights (q when unweighted). Unlike kappa and alpha, AC1 stays defined and near 1
// when everyone agrees on one dominant category — the "kappa paradox" a safety axis runs into.

export const ONE_CATEGORY_SCALE = "the scale has only one category; pass the axis's categories";

export function planGwetAc(data: PreparedData, weighting: Weighting = "unweighted"): Estimator {
  const q = data.categories.length;
  if (q < 2) return () => undefinedBecause(ONE_CATEGORY_SCALE);
  if (weighting !== "unweighted" && typeof weighting === "string" && !data.isOrdered) {
    throw new Error("AC2 needs the categories in scale order; pass them as `categories`");
  }
  const w = weighting === "unweighted" ? null : agreementWeights(weighting, q);
  const totalWeight = w ? w.reduce((a, b) => a + b, 0) : q;
  const plan = planUnitAgreement(data, w);
  const shares = new Float64Array(q);
  return (weights) => {
    const { observed, pairable } = plan.measure(weights, shares);
    if (pairable < 2) return undefinedBecause(TOO_FEW_UNITS);
    let spread = 0;
    for (let k = 0; k < q; k++) spread += shares[k] * (1 - shares[k]);
    const expected = (totalWeight / (q * (q - 1))) * spread;
    return defined((observed - expected) / (1 - expected));
  };
}

/** Gwet's AC1 ("unweighted") or AC2 (linear, quadratic or custom weights). */
export function computeGwetAc(data: ReliabilityData, weighting: Weighting = "unweighted"): CoefficientResult {
  const prepared = prepareReliabilityData(data);
  return { ...planGwetAc(prepared, weighting)(prepared.multiplicity), basis: prepared.basis };
}
