import type { Rng } from "@/lib/random/seeded-rng";

// Which of an item's responses each of its assignments shows, when a batch shows a subset (issue 11,
// decision 031): two for pairwise comparison over many models, or a handful to rank. The assignments of
// one item take subsets greedily, each the subset whose pairs have been shown together least so far
// (sum of pair counts, then the fewest showings of its responses, then at random), so across the item's
// reviewers every pair of responses is compared as evenly as the numbers allow: with pairs (size 2) the
// counts of any two pairs differ by at most one.

function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const walk = (start: number, chosen: number[]) => {
    if (chosen.length === k) return void out.push([...chosen]);
    for (let i = start; i <= n - (k - chosen.length); i++) walk(i + 1, [...chosen, i]);
  };
  walk(0, []);
  return out;
}

/** `count` subsets of `size` of `responseIds` (import order inside each; the caller shuffles the screen order). */
export function planResponseSubsets(responseIds: readonly string[], count: number, size: number, rng: Rng): string[][] {
  const n = responseIds.length;
  if (size >= n) return Array.from({ length: count }, () => [...responseIds]);
  const candidates = combinations(n, size);
  const together = new Float64Array(n * n);
  const shown = new Float64Array(n);
  const out: string[][] = [];
  for (let a = 0; a < count; a++) {
    let best: number[] = [];
    let bestKey: [number, number, number] = [Infinity, Infinity, Infinity];
    for (const c of candidates) {
      let pairs = 0;
      let showings = 0;
      for (let i = 0; i < c.length; i++) {
        showings += shown[c[i]];
        for (let j = i + 1; j < c.length; j++) pairs += together[c[i] * n + c[j]];
      }
      const key: [number, number, number] = [pairs, showings, rng()];
      if (key[0] < bestKey[0] || (key[0] === bestKey[0] && (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
        best = c;
        bestKey = key;
      }
    }
    for (let i = 0; i < best.length; i++) {
      shown[best[i]]++;
      for (let j = i + 1; j < best.length; j++) together[best[i] * n + best[j]]++;
    }
    out.push(best.map((i) => responseIds[i]));
  }
  return out;
}
