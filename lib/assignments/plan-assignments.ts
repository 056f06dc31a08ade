// Pure planning of who reviews what, so the balancing rules are unit-tested without a database.

import { seededRng, type Rng } from "@/lib/random/seeded-rng";

export { seededRng, type Rng };

export function shuffle<T>(list: readonly T[], rng: Rng): T[] {
  const out = list.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export class PlanError extends Error {}

/**
 * Gives every item k distinct reviewers, always picking the least-loaded reviewers (ties broken
 * at random), so loads differ by at most one when every reviewer is eligible for every item.
 * `startLoad` counts work reviewers already have, so successive batches stay balanced too.
 */
export function planAssignments(opts: {
  itemIds: readonly string[];
  reviewerIds: readonly string[];
  perItem: number;
  rng: Rng;
  startLoad?: ReadonlyMap<string, number>;
}): Array<{ itemId: string; reviewerId: string }> {
  const { itemIds, perItem, rng } = opts;
  const reviewers = [...new Set(opts.reviewerIds)];
  if (perItem < 1) throw new PlanError("Reviewers per item must be at least 1.");
  if (reviewers.length < perItem) {
    throw new PlanError(`Each item needs ${perItem} distinct reviewers but only ${reviewers.length} were chosen.`);
  }
  const load = new Map(reviewers.map((r) => [r, opts.startLoad?.get(r) ?? 0]));
  const tiebreak = new Map(reviewers.map((r) => [r, rng()]));
  const plan: Array<{ itemId: string; reviewerId: string }> = [];
  for (const itemId of itemIds) {
    const chosen = reviewers
      .slice()
      .sort((a, b) => load.get(a)! - load.get(b)! || tiebreak.get(a)! - tiebreak.get(b)!)
      .slice(0, perItem);
    for (const reviewerId of chosen) {
      plan.push({ itemId, reviewerId });
      load.set(reviewerId, load.get(reviewerId)! + 1);
      tiebreak.set(reviewerId, rng());
    }
  }
  return plan;
}
