// Confidence intervals for the results page (zod-free, dependency-free: the formulas are short and
// each is checked against a published or independently computed value in intervals.test.ts).

export { wilsonInterval, type Proportion } from "@/lib/tools/steps/metrics";

/** Two-sided 97.5 % quantiles of Student's t for 1–30 degrees of freedom (any statistics table). */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074,
  2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const Z_975 = 1.959963984540054;

/**
 * t(0.975, df): the table up to 30, then the Cornish–Fisher expansion (Abramowitz & Stegun 26.7.5),
 * within 1e-4 of the exact quantile for df > 30.
 */
export function tQuantile975(df: number): number {
  if (df < 1) return Number.NaN;
  if (df <= 30) return T_975[Math.floor(df) - 1];
  const z = Z_975;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3;
}

export type MeanInterval = { n: number; mean: number | null; sd: number | null; low: number | null; high: number | null };

/** Mean with a 95 % Student-t interval (sample standard deviation); no interval below two values. */
export function meanInterval(values: readonly number[]): MeanInterval {
  return meanIntervalOfCounts(values.map((v) => [v, 1] as const));
}

/** The same from (value, how many times) pairs, as SQL or a tally hands them over. */
export function meanIntervalOfCounts(counts: ReadonlyArray<readonly [number, number]>): MeanInterval {
  let n = 0, sum = 0;
  for (const [v, c] of counts) {
    n += c;
    sum += v * c;
  }
  if (n === 0) return { n, mean: null, sd: null, low: null, high: null };
  const mean = sum / n;
  if (n === 1) return { n, mean, sd: null, low: null, high: null };
  let squares = 0;
  for (const [v, c] of counts) squares += c * (v - mean) ** 2;
  const sd = Math.sqrt(squares / (n - 1));
  const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return { n, mean, sd, low: mean - half, high: mean + half };
}
