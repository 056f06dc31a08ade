import { defined, prepareReliabilityData, TOO_FEW_UNITS, undefinedBecause, type CoefficientResult, type Estimator, type PreparedData, type ReliabilityData } from "./reliability-data";
import { planUnitAgreement } from "./unit-agreement";

// Percent agreement, pairwise: per unit with two or more values, the share of pairs of its raters
// who gave the same value; then the mean over those units (Fleiss 1971's P̄; Gwet 2014's p_a; irrCAC's
// pa.coeff.raw). With two raters it is the share of units both rated alike. Not chance-corrected.

export function planPercentAgreement(data: PreparedData): Estimator {
  const plan = planUnitAgreement(data, null);
  const shares = new Float64Array(data.categories.length);
  return (weights) => {
    const { observed, pairable } = plan.measure(weights, shares);
    return pairable < 2 ? undefinedBecause(TOO_FEW_UNITS) : defined(observed);
  };
}

export function computePercentAgreement(data: ReliabilityData): CoefficientResult {
  const prepared = prepareReliabilityData(data);
  return { ...planPercentAgreement(prepared)(prepared.multiplicity), basis: prepared.basis };
}
