// Published reliability data used to validate lib/stats. Each dataset names where it was printed;
// the figures the tests expect are cited beside each test.

type Cell = number | null;

/**
 * Krippendorff K. "Computing Krippendorff's Alpha-Reliability", 2011, § C: 4 observers × 12 units,
 * values 1–5, missing values as null. Rows here are units (the paper prints observers as rows).
 * The same data ships as `cac.raw4raters` in Gwet's R package irrCAC (README, kgwet/irrCAC).
 */
const observerA: Cell[] = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
const observerB: Cell[] = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
const observerC: Cell[] = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
const observerD: Cell[] = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
export const krippendorff2011: Cell[][] = observerA.map((_, u) => [observerA[u], observerB[u], observerC[u], observerD[u]]);

/** Expands rows of category counts (units × categories) into units × raters values 1…q. */
export function fromCounts(rows: readonly (readonly number[])[]): number[][] {
  return rows.map((row) => row.flatMap((n, k) => Array<number>(n).fill(k + 1)));
}

/** Expands a two-rater contingency table (rater 1 rows × rater 2 columns) into units × [rater 1, rater 2], categories 1…q. */
export function fromTable(table: readonly (readonly number[])[]): number[][] {
  const units: number[][] = [];
  table.forEach((row, i) => row.forEach((n, j) => {
    for (let x = 0; x < n; x++) units.push([i + 1, j + 1]);
  }));
  return units;
}

/**
 * Fleiss J.L. Psychol Bull 1971;76:378–382, Table 1: 30 patients × 6 psychiatrists, counts per
 * diagnosis (depression, personality disorder, schizophrenia, neurosis, other). Transcribed from
 * the paper in JonasMoss/quadagree, data_raw/fleiss1971.csv. The first 15 rows are irrCAC's
 * `distrib.6raters`.
 */
export const fleiss1971Counts = [
  [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
  [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
  [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
  [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
  [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
  [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
];

/** Wikipedia, "Fleiss' kappa", worked example: 10 subjects × 14 raters × 5 categories (κ = 0.210). */
export const wikipediaFleissCounts = [
  [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
];

/** irrCAC's `cont3x3abstractors` (Gwet 2014): two abstractors, Ectopic / AIU / NIU. */
export const abstractorsTable = [
  [13, 0, 0],
  [0, 20, 7],
  [0, 4, 56],
];

/**
 * Cohen 1968's worked example (Psychol Bull 70:213–220), as proportions of 200 units, with his
 * disagreement weights; reproduced in the documentation of R's psych::cohen.kappa ("cohen reports
 * .492 and .348"). As counts: proportion × 200.
 */
export const cohen1968Table = [
  [88, 14, 18],
  [10, 40, 10],
  [2, 6, 12],
];
export const cohen1968Weights = [
  [0, 1, 3],
  [1, 0, 6],
  [3, 6, 0],
];

/** Wikipedia, "Cohen's kappa", worked example: 50 proposals, yes/no, κ = 0.4. Rows rater A (yes, no), columns rater B. */
export const wikipediaCohenTable = [
  [20, 5],
  [10, 15],
];
