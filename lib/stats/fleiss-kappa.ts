import { defined, prepareReliabilityData, TOO_FEW_UNITS, undefinedBecause, type CoefficientResult, type Estimator, type PreparedData, type ReliabilityData } from "./reliability-data";
import { planUnitAgreement } from "./unit-agreement";

// Fleiss' kappa (Fleiss J.L. "Measuring nominal scale agreement among many raters", Psychol Bull
// 1971;76:378–382): κ = (P̄ − P̄_e) / (1 − P̄_e), P̄_e = Σ_k π_k².
//
// Fleiss defined it for the same number of ratings per unit. Consilium's units often have fewer
// (a skipped assignment, an N/A answer), so we use the generalization for varying numbers of
// ratings of Gwet (2014, ch. 2; irrCAC's fleiss.kappa.raw): P̄ averages the units with ≥ 2 ratings,
// π_k averages every unit with ≥ 1 rating (see unit-agreement.ts). With complete data it is exactly
// Fleiss 1971 (tested on his Table 1 data).

export const ONE_CATEGORY_USED = "every value is the same category, so chance agreement is total";

export function planFleissKappa(data: PreparedData): Estimator {
  const q = data.categories.length;
  const plan = planUnitAgreement(data, null);
  const shares = new Float64Array(q);
  return (weights) => {
    const { observed, pairable } = plan.measure(weights, shares);
    if (pairable < 2) return undefinedBecause(TOO_FEW_UNITS);
    let expected = 0, used = 0;
    for (let k = 0; k < q; k++) {
      expected += shares[k] * shares[k];
      if (shares[k] > 0) used++;
    }
    if (used < 2) return undefinedBecause(ONE_CATEGORY_USED);
    return defined((observed - expected) / (1 - expected));
  };
}

export function computeFleissKappa(data: ReliabilityData): CoefficientResult {
  const prepared = prepareReliabilityData(data);
  return { ...planFleissKappa(prepared)(prepared.multiplicity), basis: prepared.basis };
}
