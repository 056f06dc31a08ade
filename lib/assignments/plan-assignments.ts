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

export type PlanOptions = {
  itemIds: readonly string[];
  reviewerIds: readonly string[];
  perItem: number;
  rng: Rng;
  /** Work reviewers already have, so successive batches stay balanced too. */
  startLoad?: ReadonlyMap<string, number>;
  /** Whether a reviewer may take an item (specialty match); default: everyone may take everything. */
  eligible?: (itemId: string, reviewerId: string) => boolean;
  /** At most this many items per reviewer in this plan. */
  quota?: number;
};

/** Items that cannot get k distinct eligible reviewers, with how many they have (reported, left out). */
export function uncoverableItems(opts: Pick<PlanOptions, "itemIds" | "reviewerIds" | "perItem" | "eligible">): Array<{ itemId: string; eligible: number }> {
  const reviewers = [...new Set(opts.reviewerIds)];
  const eligible = opts.eligible;
  if (!eligible) return reviewers.length >= opts.perItem ? [] : opts.itemIds.map((itemId) => ({ itemId, eligible: reviewers.length }));
  return opts.itemIds.map((itemId) => ({ itemId, eligible: reviewers.filter((r) => eligible(itemId, r)).length })).filter((x) => x.eligible < opts.perItem);
}

/**
 * Gives every item k distinct eligible reviewers, always the least-loaded ones (ties broken at
 * random), so loads differ by at most one when everyone is eligible for everything. Items with the
 * fewest eligible reviewers are placed first, so the specialists they need are not used up by items
 * anyone could take. A quota caps each reviewer's share; a plan the quota or eligibility cannot meet
 * is refused with the reason (PlanError), never planned short.
 */
export function planAssignments(opts: PlanOptions): Array<{ itemId: string; reviewerId: string }> {
  const { itemIds, perItem, rng, eligible, quota } = opts;
  const reviewers = [...new Set(opts.reviewerIds)];
  if (perItem < 1) throw new PlanError("Reviewers per item must be at least 1.");
  if (reviewers.length < perItem) {
    throw new PlanError(`Each item needs ${perItem} distinct reviewers but only ${reviewers.length} were chosen.`);
  }
  if (quota !== undefined && quota * reviewers.length < itemIds.length * perItem) {
    throw new PlanError(`The batch needs ${itemIds.length * perItem} assignments (${itemIds.length} items × ${perItem}) but ${reviewers.length} reviewers with at most ${quota} each can take only ${quota * reviewers.length}. Raise the quota, choose more reviewers or fewer items.`);
  }
  const load = new Map(reviewers.map((r) => [r, opts.startLoad?.get(r) ?? 0]));
  const taken = new Map(reviewers.map((r) => [r, 0]));
  const tiebreak = new Map(reviewers.map((r) => [r, rng()]));
  const candidatesOf = new Map(itemIds.map((i) => [i, eligible ? reviewers.filter((r) => eligible(i, r)) : reviewers]));
  // Most constrained first (stable for equal counts, so an all-eligible plan keeps the given order).
  const order = eligible ? itemIds.map((id, index) => ({ id, index })).sort((a, b) => candidatesOf.get(a.id)!.length - candidatesOf.get(b.id)!.length || a.index - b.index).map((x) => x.id) : itemIds;
  const plan: Array<{ itemId: string; reviewerId: string }> = [];
  for (const itemId of order) {
    const open = candidatesOf.get(itemId)!.filter((r) => quota === undefined || taken.get(r)! < quota);
    if (open.length < perItem) {
      const all = candidatesOf.get(itemId)!.length;
      throw new PlanError(
        all < perItem
          ? `An item has only ${all} eligible reviewer${all === 1 ? "" : "s"} for ${perItem} places.`
          : `The quota of ${quota} per reviewer is used up before every item has ${perItem} eligible reviewers (the specialists are too few for their items). Raise the quota or add reviewers of that specialty.`,
      );
    }
    const chosen = open.sort((a, b) => load.get(a)! - load.get(b)! || tiebreak.get(a)! - tiebreak.get(b)!).slice(0, perItem);
    for (const reviewerId of chosen) {
      plan.push({ itemId, reviewerId });
      load.set(reviewerId, load.get(reviewerId)! + 1);
      taken.set(reviewerId, taken.get(reviewerId)! + 1);
      tiebreak.set(reviewerId, rng());
    }
  }
  return plan;
}

/**
 * Gold items mixed into each reviewer's share at a rate: a reviewer with L ordinary items gets
 * round(L × rate / (1 − rate)) gold items (so gold is `rate` of their queue), drawn at random
 * without repetition from the gold pool (at most all of it).
 */
export function planGoldAtRate(opts: { goldIds: readonly string[]; loads: ReadonlyMap<string, number>; rate: number; rng: Rng }): Array<{ itemId: string; reviewerId: string }> {
  if (!(opts.rate > 0 && opts.rate < 1)) throw new PlanError("The gold rate must be above 0 % and below 100 %.");
  const plan: Array<{ itemId: string; reviewerId: string }> = [];
  for (const [reviewerId, ordinary] of opts.loads) {
    const want = Math.min(opts.goldIds.length, Math.round((ordinary * opts.rate) / (1 - opts.rate)));
    for (const itemId of shuffle(opts.goldIds, opts.rng).slice(0, want)) plan.push({ itemId, reviewerId });
  }
  return plan;
}

/** A reviewer's specialties ("Cardiology; Internal medicine") as a set, for matching items' specialty. */
export function specialtiesOf(text: string | null | undefined): Set<string> {
  return new Set((text ?? "").split(/[;,]/).map((s) => s.trim().toLowerCase()).filter(Boolean));
}

/** Specialty match: an item with a specialty goes only to reviewers who list it; one without, to anyone. */
export function specialtyMatch(itemSpecialty: string | null | undefined, reviewerSpecialties: ReadonlySet<string>): boolean {
  const needed = itemSpecialty?.trim().toLowerCase();
  return !needed || reviewerSpecialties.has(needed);
}

export type RepeatOptions = { share: number; washoutItems: number };

/**
 * Repeat ratings for intra-rater reliability: for each reviewer, `share` of their items (never gold
 * ones) again, chosen at random among those with at least `washoutItems` other items after them in
 * the reviewer's queue, so every repeat is separated from its first rating by that many items (the
 * repeats come after the whole queue). Fewer are planned when too few items qualify.
 */
export function planRepeats(rows: ReadonlyArray<{ id: string; reviewerId: string; itemId: string; displayOrder: number }>, opts: RepeatOptions & { rng: Rng; isGold: (itemId: string) => boolean }) {
  if (!(opts.share > 0 && opts.share <= 0.5)) throw new PlanError("The share of repeats is above 0 % and at most 50 %.");
  const byReviewer = new Map<string, typeof rows[number][]>();
  for (const r of rows) byReviewer.set(r.reviewerId, [...(byReviewer.get(r.reviewerId) ?? []), r]);
  const repeats: Array<{ repeatOfId: string; reviewerId: string; itemId: string }> = [];
  const shortBy = new Map<string, number>();
  for (const [reviewerId, mine] of byReviewer) {
    const total = mine.length;
    const want = Math.round(opts.share * total);
    const eligible = mine.filter((r) => !opts.isGold(r.itemId) && total - 1 - r.displayOrder >= opts.washoutItems);
    const chosen = shuffle(eligible, opts.rng).slice(0, want);
    if (chosen.length < want) shortBy.set(reviewerId, want - chosen.length);
    for (const r of chosen) repeats.push({ repeatOfId: r.id, reviewerId, itemId: r.itemId });
  }
  return { repeats, shortBy };
}
