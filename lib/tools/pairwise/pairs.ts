// The pairs a pairwise review compares (decision 035), zod-free for the review page. With two
// responses shown, the one pair (the document's `pair` block, as always). With more, every pair of
// the responses shown: the first two in the `pair` block, each other pair in `morePairs` under the key
// "<left Response.id>~<right Response.id>", left and right in the reviewer's screen order. The screen
// order is randomized and stored per assignment, so the sides and the order of the pairs are too.

export const PAIR_KEY_SEPARATOR = "~";

export const pairKey = (left: string, right: string) => `${left}${PAIR_KEY_SEPARATOR}${right}`;

export function splitPairKey(key: string): [string, string] | null {
  const parts = key.split(PAIR_KEY_SEPARATOR);
  return parts.length === 2 && parts[0] && parts[1] ? [parts[0], parts[1]] : null;
}

/** Every pair of the responses shown, in screen order: (1, 2), (1, 3) … (2, 3) …; the first is the `pair` block's. */
export function screenPairs(order: readonly string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < order.length; i++) for (let j = i + 1; j < order.length; j++) pairs.push([order[i], order[j]]);
  return pairs;
}

/** The pairs beyond the first, by key (what `morePairs` may hold). */
export function morePairKeys(order: readonly string[]): string[] {
  return screenPairs(order).slice(1).map(([l, r]) => pairKey(l, r));
}
