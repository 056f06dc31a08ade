// Kendall's coefficient of concordance W for rankings with ties (Kendall & Babington Smith 1939;
// tie correction as in Siegel & Castellan, Nonparametric Statistics, 2nd ed. 1988, §9.4):
//   W = 12·S / (m²(n³ − n) − m·Σ_j T_j),  S = Σ_i (R_i − m(n+1)/2)²,  T_j = Σ over rater j's tie groups (t³ − t),
// where m raters each rank the same n objects, R_i is object i's sum of mid-ranks. 1 = every rater
// gives the same order, 0 = no shared order. Used for the ranking tool's axes (decision 029).

/** Tiers of object ids, first tier first; ids in one tier are tied. */
export type Tiers = readonly (readonly string[])[];

/** Mid-ranks (ties share the mean of the places they occupy): [a, b] then [c] gives a 1.5, b 1.5, c 3. */
export function midRanks(tiers: Tiers): Map<string, number> {
  const ranks = new Map<string, number>();
  let placed = 0;
  for (const tier of tiers) {
    if (!tier.length) continue;
    const mid = placed + (tier.length + 1) / 2;
    for (const id of tier) ranks.set(id, mid);
    placed += tier.length;
  }
  return ranks;
}

/**
 * W over m ≥ 2 rankings of the same n ≥ 2 objects; null when it is undefined (fewer raters or objects,
 * different object sets, or every rater ties everything).
 */
export function kendallW(rankings: readonly Tiers[]): number | null {
  const m = rankings.length;
  if (m < 2) return null;
  const first = midRanks(rankings[0]);
  const objects = [...first.keys()].sort();
  const n = objects.length;
  if (n < 2) return null;
  const sums = new Map(objects.map((o) => [o, 0]));
  let ties = 0;
  for (const tiers of rankings) {
    const ranks = midRanks(tiers);
    if (ranks.size !== n || objects.some((o) => !ranks.has(o))) return null;
    for (const o of objects) sums.set(o, sums.get(o)! + ranks.get(o)!);
    for (const tier of tiers) ties += tier.length ** 3 - tier.length;
  }
  const mean = (m * (n + 1)) / 2;
  let s = 0;
  for (const r of sums.values()) s += (r - mean) ** 2;
  const denominator = m * m * (n ** 3 - n) - m * ties;
  return denominator > 0 ? (12 * s) / denominator : null;
}

/** Per-unit W (one item's rankings by its reviewers) summarized: mean and median over the units where it is defined. */
export function concordanceOf(units: Iterable<readonly Tiers[]>): { units: number; meanW: number | null; medianW: number | null } {
  const ws: number[] = [];
  for (const rankings of units) {
    const w = kendallW(rankings);
    if (w !== null) ws.push(w);
  }
  if (!ws.length) return { units: 0, meanW: null, medianW: null };
  ws.sort((a, b) => a - b);
  const mid = ws.length >> 1;
  return { units: ws.length, meanW: ws.reduce((a, b) => a + b, 0) / ws.length, medianW: ws.length % 2 ? ws[mid] : (ws[mid - 1] + ws[mid]) / 2 };
}
