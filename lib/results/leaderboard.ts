import { multinomialInto } from "@/lib/random/binomial";
import { seededRng } from "@/lib/random/seeded-rng";
import { DEFAULT_RESAMPLES, DEFAULT_SEED, quantileOfSorted } from "@/lib/stats/bootstrap";
import { fitBradleyTerry } from "@/lib/stats/bradley-terry";

// The leaderboard (issue 11, decision 029): Bradley–Terry strengths per model from every pairwise
// judgment and every ranking (a ranking of n responses is its n(n−1)/2 pairs), per axis and over all
// axes together, after each axis's polarity. Intervals are percentile bootstrap over annotations —
// the pairs of one ranking are not independent, so an annotation is the resampling unit — drawn as
// multinomial counts over identical annotation profiles (lib/stats/bootstrap.ts does the same for
// agreement), so a resample costs the same for 100 annotations as for 100,000.

/** One judged pair: `score` is what `first` scored against `second` (1 won, 0.5 tie, 0 lost). */
export type Comparison = { axis: string; first: string; second: string; score: 1 | 0.5 | 0 };

export type LeaderboardRow = {
  rank: number;
  model: string;
  /** ln strength, centred to mean 0 over the board's models: θ_i − θ_j is the log-odds of i beating j. */
  theta: number;
  low: number | null;
  high: number | null;
  wins: number;
  ties: number;
  losses: number;
  /**
   * Best–worst axes: the counting score (times chosen best − times chosen worst) ÷ times shown, from −1 to 1
   * (Finn & Louviere 1992; Louviere, Flynn & Marley 2015), with its counts.
   */
  bestWorst?: { shown: number; best: number; worst: number; score: number };
};

export type Leaderboard = {
  /** The axis, or null for all axes together. */
  axis: string | null;
  annotations: number;
  comparisons: number;
  rows: LeaderboardRow[];
  resamples: number;
  seed: number;
};

/** Annotations' comparisons, tallied by identical profile. */
export class LeaderboardCollector {
  private readonly profiles = new Map<string, { comparisons: Comparison[]; count: number }>();

  add(comparisons: Comparison[]): void {
    if (!comparisons.length) return;
    const key = comparisons.map((c) => `${c.axis}\u0001${c.first}\u0001${c.second}\u0001${c.score}`).join("\u0002");
    const profile = this.profiles.get(key);
    if (profile) profile.count++;
    else this.profiles.set(key, { comparisons, count: 1 });
  }

  get isEmpty(): boolean {
    return this.profiles.size === 0;
  }

  /** Boards per axis (in `axisOrder`), then all axes together when there is more than one. */
  leaderboards(axisOrder: readonly string[], opts: { resamples?: number; seed?: number } = {}): Leaderboard[] {
    const axes = axisOrder.filter((axis) => [...this.profiles.values()].some((p) => p.comparisons.some((c) => c.axis === axis)));
    const boards = axes.map((axis) => this.board(axis, opts));
    if (axes.length > 1) boards.push(this.board(null, opts));
    return boards;
  }

  private board(axis: string | null, opts: { resamples?: number; seed?: number }): Leaderboard {
    const resamples = opts.resamples ?? DEFAULT_RESAMPLES;
    const seed = opts.seed ?? DEFAULT_SEED;
    const profiles = [...this.profiles.values()]
      .map((p) => ({ comparisons: axis === null ? p.comparisons : p.comparisons.filter((c) => c.axis === axis), count: p.count }))
      .filter((p) => p.comparisons.length);
    const models = [...new Set(profiles.flatMap((p) => p.comparisons.flatMap((c) => [c.first, c.second])))].sort((a, b) => a.localeCompare(b));
    const index = new Map(models.map((m, i) => [m, i]));
    const m = models.length;
    // Each profile as (i, j, wins of i, wins of j) entries, once.
    const entries = profiles.map((p) => p.comparisons.map((c) => [index.get(c.first)!, index.get(c.second)!, c.score, 1 - c.score] as const));
    const winsOf = (weights: ArrayLike<number>) => {
      const wins = new Float64Array(m * m);
      entries.forEach((list, k) => {
        const w = weights[k];
        if (!w) return;
        for (const [i, j, a, b] of list) {
          wins[i * m + j] += w * a;
          wins[j * m + i] += w * b;
        }
      });
      return wins;
    };
    const counts = profiles.map((p) => p.count);
    const fit = fitBradleyTerry({ models, wins: winsOf(counts) });

    const tally = models.map(() => ({ wins: 0, ties: 0, losses: 0 }));
    let comparisons = 0;
    entries.forEach((list, k) => {
      for (const [i, j, a] of list) {
        comparisons += counts[k];
        if (a === 1) { tally[i].wins += counts[k]; tally[j].losses += counts[k]; }
        else if (a === 0) { tally[j].wins += counts[k]; tally[i].losses += counts[k]; }
        else { tally[i].ties += counts[k]; tally[j].ties += counts[k]; }
      }
    });

    const annotations = counts.reduce((s, c) => s + c, 0);
    const draws = models.map(() => new Float64Array(resamples));
    if (resamples > 0 && m > 1) {
      const rng = seededRng(seed);
      const drawn = new Float64Array(profiles.length);
      for (let r = 0; r < resamples; r++) {
        multinomialInto(rng, annotations, counts, drawn);
        const theta = fitBradleyTerry({ models, wins: winsOf(drawn) }, { tolerance: 1e-8 }).theta;
        for (let i = 0; i < m; i++) draws[i][r] = theta[i];
      }
      for (const d of draws) d.sort();
    }
    const interval = (i: number, p: number) => (resamples > 0 && m > 1 ? quantileOfSorted(draws[i], p) : null);
    const rows = models
      .map((model, i) => ({ model, theta: fit.theta[i], low: interval(i, 0.025), high: interval(i, 0.975), ...tally[i] }))
      .sort((a, b) => b.theta - a.theta || a.model.localeCompare(b.model))
      .map((row, k) => ({ rank: k + 1, ...row }));
    return { axis, annotations, comparisons, rows, resamples: m > 1 ? resamples : 0, seed };
  }
}
