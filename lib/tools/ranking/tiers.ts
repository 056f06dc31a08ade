import type { RankingTiers } from "./schema";

// Pure operations on a ranking (tiers of Response.ids, first tier first), shared by the review
// panel, the checks, the export and the leaderboard. Zod-free: the browser runs them.

/** Competition rank of each response (1 + how many are placed strictly before it): ties share a rank, the next rank skips. */
export function ranksOf(tiers: RankingTiers): Map<string, number> {
  const ranks = new Map<string, number>();
  let placed = 0;
  for (const tier of tiers) {
    for (const id of tier) ranks.set(id, placed + 1);
    placed += tier.length;
  }
  return ranks;
}

/** Tiers with empty ones dropped. */
const compact = (tiers: RankingTiers): RankingTiers => tiers.filter((t) => t.length > 0);

/** The ranking with `id` moved one place toward the first (-1) or last (+1): out of a tie first, then past the neighbouring tier. */
export function moveResponse(tiers: RankingTiers, id: string, direction: -1 | 1): RankingTiers {
  const at = tiers.findIndex((t) => t.includes(id));
  if (at < 0) return tiers;
  const next = tiers.map((t) => t.filter((x) => x !== id));
  if (tiers[at].length > 1) {
    // Leave the tie: a tier of its own just before or after it.
    next.splice(direction < 0 ? at : at + 1, 0, [id]);
    return compact(next);
  }
  const target = at + direction;
  if (target < 0 || target >= tiers.length) return tiers;
  // Swap with the neighbouring tier.
  // Its own tier is gone now, so the neighbour before it is still at `target`, the one after it has moved to `at`.
  const swapped = compact(next);
  swapped.splice(target, 0, [id]);
  return swapped;
}

/** Ties `id` with the tier before it (toggling: a response already tied leaves the tie, placed after it). */
export function toggleTieWithPrevious(tiers: RankingTiers, id: string): RankingTiers {
  const at = tiers.findIndex((t) => t.includes(id));
  if (at < 0) return tiers;
  if (tiers[at].length > 1) {
    const next = tiers.map((t) => t.filter((x) => x !== id));
    next.splice(at + 1, 0, [id]);
    return compact(next);
  }
  if (at === 0) return tiers;
  const next = tiers.map((t, i) => (i === at - 1 ? [...t, id] : t.filter((x) => x !== id)));
  return compact(next);
}

/** Moves `id` to just before `beforeId` (own tier), or to the end when `beforeId` is null: what a drop does. */
export function placeBefore(tiers: RankingTiers, id: string, beforeId: string | null): RankingTiers {
  if (id === beforeId) return tiers;
  const next = compact(tiers.map((t) => t.filter((x) => x !== id)));
  if (beforeId === null) return [...next, [id]];
  const at = next.findIndex((t) => t.includes(beforeId));
  if (at < 0) return [...next, [id]];
  next.splice(at, 0, [id]);
  return next;
}

/** The shown order as a ranking without ties: where a reviewer starts, and what "keep this order" confirms. */
export const tiersFromOrder = (ids: readonly string[]): RankingTiers => ids.map((id) => [id]);

/**
 * The pairs a best–worst choice orders among the responses shown (Louviere, Flynn & Marley, Best-Worst
 * Scaling, 2015: the best beats every other shown response, every other beats the worst); the pairs
 * of responses in between are not known and give nothing. Best first in each pair.
 */
export function bestWorstPairs(best: string, worst: string, shown: readonly string[]): Array<{ first: string; second: string; tie: false }> {
  const pairs: Array<{ first: string; second: string; tie: false }> = [];
  for (const id of shown) if (id !== best) pairs.push({ first: best, second: id, tie: false });
  for (const id of shown) if (id !== best && id !== worst) pairs.push({ first: id, second: worst, tie: false });
  return pairs;
}

/**
 * Every pair of responses the ranking orders, as (first, second): the pairs in different tiers; tied
 * pairs come back with `tie: true`. The leaderboard and the preference pairs read rankings this way.
 */
export function pairsOf(tiers: RankingTiers): Array<{ first: string; second: string; tie: boolean }> {
  const pairs: Array<{ first: string; second: string; tie: boolean }> = [];
  tiers.forEach((tier, i) => {
    for (let a = 0; a < tier.length; a++) for (let b = a + 1; b < tier.length; b++) pairs.push({ first: tier[a], second: tier[b], tie: true });
    for (const later of tiers.slice(i + 1)) for (const first of tier) for (const second of later) pairs.push({ first, second, tie: false });
  });
  return pairs;
}
