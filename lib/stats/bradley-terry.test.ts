import { describe, expect, it } from "vitest";
import { seededRng } from "@/lib/random/seeded-rng";
import { fitBradleyTerry } from "./bradley-terry";

/**
 * An independent fit of the same model: Newton–Raphson on the penalized log-likelihood
 *   Σ_{i≠j} w_ij [θ_i − ln(e^θi + e^θj)] + Σ_i [½ θ_i + ½ (0) − ln(e^θi + 1)]
 * (each model's prior: one drawn comparison with a reference of θ = 0), solved with a dense
 * linear solve, then centred. It shares no code with the MM iteration under test.
 */
function newtonFit(m: number, wins: Float64Array): number[] {
  let theta = new Array(m).fill(0);
  for (let step = 0; step < 100; step++) {
    const grad = new Array(m).fill(0);
    const hess = Array.from({ length: m }, () => new Array(m).fill(0));
    for (let i = 0; i < m; i++) {
      const pr = 1 / (1 + Math.exp(-theta[i])); // P(i beats the reference)
      grad[i] += 0.5 - pr;
      hess[i][i] -= pr * (1 - pr);
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const n = wins[i * m + j] + wins[j * m + i];
        if (!n) continue;
        const p = 1 / (1 + Math.exp(theta[j] - theta[i]));
        grad[i] += wins[i * m + j] - n * p;
        hess[i][i] -= n * p * (1 - p);
        hess[i][j] += n * p * (1 - p);
      }
    }
    // Solve hess · delta = −grad (Gaussian elimination with partial pivoting).
    const a = hess.map((row, i) => [...row, -grad[i]]);
    for (let c = 0; c < m; c++) {
      let pivot = c;
      for (let r = c + 1; r < m; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
      [a[c], a[pivot]] = [a[pivot], a[c]];
      for (let r = 0; r < m; r++) {
        if (r === c) continue;
        const f = a[r][c] / a[c][c];
        for (let k = c; k <= m; k++) a[r][k] -= f * a[c][k];
      }
    }
    const delta = a.map((row, i) => row[m] / row[i]);
    theta = theta.map((t, i) => t + delta[i]);
    if (Math.max(...delta.map(Math.abs)) < 1e-13) break;
  }
  const mean = theta.reduce((s, t) => s + t, 0) / m;
  return theta.map((t) => t - mean);
}

function randomWins(rng: () => number, m: number, games: number, truth?: number[]): Float64Array {
  const wins = new Float64Array(m * m);
  for (let g = 0; g < games; g++) {
    const i = Math.floor(rng() * m);
    let j = Math.floor(rng() * (m - 1));
    if (j >= i) j++;
    const p = truth ? 1 / (1 + Math.exp(truth[j] - truth[i])) : 0.5;
    const u = rng();
    if (u < 0.1) { wins[i * m + j] += 0.5; wins[j * m + i] += 0.5; } // a tie
    else if (u < 0.1 + 0.9 * p) wins[i * m + j] += 1;
    else wins[j * m + i] += 1;
  }
  return wins;
}

describe("Bradley–Terry (MM iteration)", () => {
  it("agrees with an independent Newton–Raphson fit on random data, ties and sparse pairs included", () => {
    const rng = seededRng(11);
    for (let trial = 0; trial < 40; trial++) {
      const m = 2 + Math.floor(rng() * 7);
      const wins = randomWins(rng, m, Math.floor(rng() * 60), undefined);
      const models = Array.from({ length: m }, (_, i) => `m${i}`);
      const fit = fitBradleyTerry({ models, wins });
      expect(fit.converged).toBe(true);
      const expected = newtonFit(m, wins);
      fit.theta.forEach((t, i) => expect(t).toBeCloseTo(expected[i], 7));
    }
  });

  it("recovers known strengths from many simulated comparisons", () => {
    const truth = [1.2, 0.4, 0, -0.5, -1.1];
    const mean = truth.reduce((s, t) => s + t, 0) / truth.length;
    const fit = fitBradleyTerry({ models: truth.map((_, i) => `m${i}`), wins: randomWins(seededRng(3), truth.length, 200_000, truth) });
    // Ties (10 %) count half a win each way, which shrinks the log-odds by the share of decided games.
    fit.theta.forEach((t, i) => expect(t).toBeCloseTo((truth[i] - mean) * 1, 0));
    expect([...fit.theta].map((t, i) => [t, i]).sort((a, b) => b[0] - a[0]).map(([, i]) => i)).toEqual([0, 1, 2, 3, 4]);
  });

  it("gives a model that never lost a finite strength, and two that never met equal ones", () => {
    const wins = new Float64Array([0, 3, 0, 0]); // m0 beat m1 three times
    const fit = fitBradleyTerry({ models: ["m0", "m1"], wins });
    expect(Number.isFinite(fit.theta[0])).toBe(true);
    expect(fit.theta[0]).toBeGreaterThan(0);
    const apart = fitBradleyTerry({ models: ["a", "b", "c"], wins: new Float64Array(9) });
    expect([...apart.theta]).toEqual([0, 0, 0]);
  });
});
