import type { Actor } from "@/lib/auth/permissions";
import { streamAnnotationRecords } from "@/lib/export/annotation-records";
import { findVisibleBatchIds } from "@/lib/projects/access";
import { meanInterval, type MeanInterval } from "@/lib/results/intervals";

/** Corrections per model (decision 030): how many responses reviewers corrected, and how much they changed. */
export type CorrectionSummary = {
  model: string;
  corrected: number;
  /** Mean word edit distance ÷ the original's tokens, with a 95 % t interval. */
  normalized: MeanInterval;
  medianNormalized: number | null;
  /** Mean word edit distance (words edited). */
  meanEditDistance: number;
};

const median = (sorted: number[]) => (sorted.length ? (sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2) : null);

/** Reads the export's records (submitted annotations with corrections), so page, API, CLI and export agree. */
export async function loadCorrectionResults(actor: Actor, projectId: string): Promise<CorrectionSummary[]> {
  await findVisibleBatchIds(actor, projectId, "project:read");
  const byModel = new Map<string, { normalized: number[]; distances: number[] }>();
  for await (const record of streamAnnotationRecords({ projectId, withTool: "corrections" })) {
    for (const r of record.responses) {
      if (!r.correction) continue;
      const m = byModel.get(r.modelName) ?? byModel.set(r.modelName, { normalized: [], distances: [] }).get(r.modelName)!;
      m.distances.push(r.correction.editDistance);
      if (r.correction.normalizedEditDistance !== null) m.normalized.push(r.correction.normalizedEditDistance);
    }
  }
  return [...byModel.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([model, m]) => ({
      model,
      corrected: m.distances.length,
      normalized: meanInterval(m.normalized),
      medianNormalized: median([...m.normalized].sort((x, y) => x - y)),
      meanEditDistance: m.distances.reduce((s, d) => s + d, 0) / m.distances.length,
    }));
}
