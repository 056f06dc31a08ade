// Bradley–Terry strengths (Bradley & Terry, Biometrika 1952;39:324–45): P(i beats j) = p_i / (p_i + p_j),
// fitted by the minorization–maximization iteration of Hunter (Ann Stat 2004;32:384–406, eq. 3):
//   p_i ← W_i / Σ_j n_ij / (p_i + p_j)
// where W_i is i's wins and n_ij the comparisons of i and j. A tie counts half a win to each side,
// as the model has no tie parameter (the convention of LMSYS' Chatbot Arena). So that a model that
// never lost (or never won) still gets a finite strength and models that never met are still on one
// scale, every model also plays one virtual comparison, drawn (half a win each way), against a fixed
// reference of strength 1: a weak prior worth one comparison, negligible once there are dozens.
// Strengths are reported as θ_i = ln p_i, centred to mean 0 (θ_i − θ_j is the log-odds of i beating j).

/** Wins as a dense matrix: wins[i * m + j] = how many times i beat j (ties already split in halves). */
export type WinMatrix = { models: readonly string[]; wins: Float64Array };

export type BradleyTerryFit = { theta: Float64Array; iterations: number; converged: boolean };

const PRIOR = 0.5; // half a win and half a loss against the reference

/** Maximum-likelihood strengths (with the one-comparison prior), centred log scale. */
export function fitBradleyTerry({ models, wins }: WinMatrix, opts: { tolerance?: number; maxIterations?: number } = {}): BradleyTerryFit {
  const m = models.length;
  const tolerance = opts.tolerance ?? 1e-10;
  const maxIterations = opts.maxIterations ?? 10_000;
  const p = new Float64Array(m).fill(1);
  const won = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    won[i] = PRIOR;
    for (let j = 0; j < m; j++) if (j !== i) won[i] += wins[i * m + j];
  }
  let iterations = 0;
  let converged = m === 0;
  while (!converged && iterations < maxIterations) {
    iterations++;
    let change = 0;
    for (let i = 0; i < m; i++) {
      let denominator = (2 * PRIOR) / (p[i] + 1);
      for (let j = 0; j < m; j++) {
        if (j === i) continue;
        const n = wins[i * m + j] + wins[j * m + i];
        if (n > 0) denominator += n / (p[i] + p[j]);
      }
      const next = won[i] / denominator;
      change = Math.max(change, Math.abs(Math.log(next) - Math.log(p[i])));
      p[i] = next;
    }
    converged = change < tolerance;
  }
  const theta = new Float64Array(m);
  let mean = 0;
  for (let i = 0; i < m; i++) mean += (theta[i] = Math.log(p[i])) / m;
  for (let i = 0; i < m; i++) theta[i] -= mean;
  return { theta, iterations, converged };
}
