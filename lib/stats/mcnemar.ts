// McNemar's test for paired binary outcomes (issue 13): the same item judged correct or not for an
// original and its variant (perturbed, translated, another prompt). Only the discordant pairs count:
// b = correct on the original only, c = correct on the variant only.
//
// McNemar Q. Note on the sampling error of the difference between correlated proportions or
// percentages. Psychometrika 1947;12(2):153–157. doi:10.1007/BF02295996
// With fewer than 25 discordant pairs the exact (binomial) version is used, as recommended by
// Fagerland MW, Lydersen S, Laake P. BMC Med Res Methodol 2013;13:91 (doi:10.1186/1471-2288-13-91);
// otherwise the chi-square statistic with Edwards' continuity correction, (|b − c| − 1)² / (b + c), df 1.

export const MCNEMAR_CITATION = "McNemar Q. Psychometrika 1947;12:153–157 (exact binomial version below 25 discordant pairs: Fagerland et al., BMC Med Res Methodol 2013;13:91)";
export const EXACT_BELOW = 25;

export type McNemarResult = {
  /** Pairs with both outcomes known. */
  pairs: number;
  /** Correct on the first (original) only. */
  b: number;
  /** Correct on the second (variant) only. */
  c: number;
  method: "exact-binomial" | "chi-square-continuity-corrected";
  /** χ² (df 1) for the asymptotic version; null for the exact one. */
  statistic: number | null;
  /** Two-sided. */
  pValue: number;
  /** b / c, the conditional odds ratio; null when c is 0. */
  oddsRatio: number | null;
  test: "McNemar";
  citation: string;
};

/** ln C(n, k). */
function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

/** Complementary error function (W. J. Cody's rational Chebyshev fit as in Numerical Recipes' erfcc; relative error < 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/** Upper tail of χ² with one degree of freedom. */
export function chiSquare1Upper(x: number): number {
  return x <= 0 ? 1 : erfc(Math.sqrt(x / 2));
}

/** Two-sided exact p for b successes out of b + c at p = ½. */
function exactBinomialTwoSided(b: number, c: number): number {
  const n = b + c;
  const k = Math.min(b, c);
  let tail = 0;
  for (let i = 0; i <= k; i++) tail += Math.exp(logChoose(n, i) - n * Math.LN2);
  return Math.min(1, 2 * tail);
}

/** The test over pairs [original correct, variant correct]; pairs with an unknown side are left out. */
export function mcnemar(pairs: Iterable<readonly [boolean | null | undefined, boolean | null | undefined]>): McNemarResult {
  let n = 0;
  let b = 0;
  let c = 0;
  for (const [first, second] of pairs) {
    if (typeof first !== "boolean" || typeof second !== "boolean") continue;
    n++;
    if (first && !second) b++;
    else if (!first && second) c++;
  }
  const discordant = b + c;
  const common = { pairs: n, b, c, oddsRatio: c ? b / c : null, test: "McNemar" as const, citation: MCNEMAR_CITATION };
  if (discordant < EXACT_BELOW) {
    return { ...common, method: "exact-binomial", statistic: null, pValue: discordant ? exactBinomialTwoSided(b, c) : 1 };
  }
  const statistic = (Math.abs(b - c) - 1) ** 2 / discordant;
  return { ...common, method: "chi-square-continuity-corrected", statistic, pValue: chiSquare1Upper(statistic) };
}
