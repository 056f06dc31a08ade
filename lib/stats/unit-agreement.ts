import type { PreparedData } from "./reliability-data";

// The two ingredients Fleiss' kappa, Gwet's AC1/AC2 and percent agreement share, in the formulation
// for any number of raters per unit of Gwet K.L., Handbook of Inter-Rater Reliability, 4th ed., 2014,
// ch. 2–3 (the one his R package irrCAC implements):
//
//   p_a = mean over units with r_i ≥ 2 of Σ_k r_ik (r*_ik − 1) / (r_i (r_i − 1)),  r*_ik = Σ_l w_kl r_il
//   π_k = mean over units with r_i ≥ 1 of r_ik / r_i
//
// r_ik: raters who put unit i in category k; w: agreement weights (identity when unweighted). With
// the same number of raters on every unit this is Fleiss (1971)'s P̄ and p_j exactly.

export type UnitAgreementPlan = {
  /** Per pattern: its units' observed (weighted) agreement; 0 for patterns with fewer than two values. */
  agreement: Float64Array;
  /** Observed agreement and class shares π_k for the given pattern weights (π is written into `shares`). */
  measure(weights: Float64Array, shares: Float64Array): { observed: number; pairable: number; rated: number };
};

export function planUnitAgreement(data: PreparedData, agreementWeights: Float64Array | null): UnitAgreementPlan {
  const q = data.categories.length;
  const { start, category, count, size } = data;
  const agreement = new Float64Array(data.patterns);
  for (let p = 0; p < data.patterns; p++) {
    const m = size[p];
    if (m < 2) continue;
    let sum = 0;
    for (let i = start[p]; i < start[p + 1]; i++) {
      let weighted = count[i]; // r*_ik with identity weights
      if (agreementWeights) {
        weighted = 0;
        for (let j = start[p]; j < start[p + 1]; j++) weighted += agreementWeights[category[i] * q + category[j]] * count[j];
      }
      sum += count[i] * (weighted - 1);
    }
    agreement[p] = sum / (m * (m - 1));
  }
  return {
    agreement,
    measure(weights, shares) {
      shares.fill(0);
      let observed = 0, pairable = 0, rated = 0;
      for (let p = 0; p < data.patterns; p++) {
        const w = weights[p];
        if (w === 0) continue;
        rated += w;
        for (let i = start[p]; i < start[p + 1]; i++) shares[category[i]] += (w * count[i]) / size[p];
        if (size[p] < 2) continue;
        pairable += w;
        observed += w * agreement[p];
      }
      for (let k = 0; k < q; k++) shares[k] /= rated;
      return { observed: pairable ? observed / pairable : 0, pairable, rated };
    },
  };
}
