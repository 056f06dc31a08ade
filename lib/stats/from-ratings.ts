import type { RatingValue, ReliabilityData } from "./reliability-data";

// Ratings as they come out of the database — one row per (unit, rater, value) — turned into the
// units × raters matrix the coefficients read. A unit is whatever is being rated: one response on
// one axis, one response pair on a pairwise axis (value after polarity: "first" / "tie" / "second",
// ordinal), one reasoning step (its verdict, nominal). For intra-rater reliability the "raters" are
// the first and second occasion of the same reviewer.

export type Rating = { unit: string; rater: string; value: RatingValue | null };

export type LabelledReliabilityData = ReliabilityData & { unitIds: string[]; raterIds: string[] };

/** Units and raters in order of first appearance. A rater rating a unit twice is refused: that is intra-rater data. */
export function reliabilityDataFromRatings(ratings: Iterable<Rating>, options: Omit<ReliabilityData, "values"> = {}): LabelledReliabilityData {
  const unitIndex = new Map<string, number>();
  const raterIndex = new Map<string, number>();
  const values: Array<Array<RatingValue | null>> = [];
  for (const { unit, rater, value } of ratings) {
    let u = unitIndex.get(unit);
    if (u === undefined) {
      u = values.length;
      unitIndex.set(unit, u);
      values.push([]);
    }
    let r = raterIndex.get(rater);
    if (r === undefined) {
      r = raterIndex.size;
      raterIndex.set(rater, r);
    }
    const row = values[u];
    if (row[r] !== undefined && row[r] !== null) {
      throw new Error(`rater ${rater} rated unit ${unit} twice; inter-rater agreement takes one value per rater and unit (repeats are intra-rater data)`);
    }
    while (row.length < r) row.push(null);
    row[r] = value;
  }
  return { ...options, values, unitIds: [...unitIndex.keys()], raterIds: [...raterIndex.keys()] };
}
