import type { Actor } from "@/lib/auth/permissions";
import { streamAnnotationRecords } from "@/lib/export/annotation-records";
import { findVisibleBatchIds } from "@/lib/projects/access";
import { TOP_K } from "./matches";

export type DdxAccuracyRow = {
  modelName: string;
  /** Graded differentials (annotation × response). */
  graded: number;
  /** Share of graded differentials correct at top-k, keyed "1", "3", "5", "10". */
  topK: Record<string, number>;
};

/**
 * Top-k differential accuracy per model (AMIE's rule; lib/ddx/matches.ts), over submitted
 * annotations. Streams the same de-blinded records as the export, so both always agree.
 */
export async function loadDdxAccuracy(actor: Actor, projectId: string): Promise<DdxAccuracyRow[]> {
  await findVisibleBatchIds(actor, projectId, "project:read");
  const byModel = new Map<string, { graded: number; correct: Map<string, number> }>();
  for await (const record of streamAnnotationRecords({ projectId, kind: "ddx" })) {
    if (record.kind !== "ddx") continue;
    for (const response of record.responses) {
      if (!response.topK) continue;
      const row = byModel.get(response.modelName) ?? { graded: 0, correct: new Map() };
      row.graded += 1;
      for (const [k, correct] of Object.entries(response.topK)) if (correct) row.correct.set(k, (row.correct.get(k) ?? 0) + 1);
      byModel.set(response.modelName, row);
    }
  }
  return [...byModel]
    .map(([modelName, row]) => ({ modelName, graded: row.graded, topK: Object.fromEntries(TOP_K.map((k) => [String(k), (row.correct.get(String(k)) ?? 0) / row.graded])) }))
    .sort((a, b) => a.modelName.localeCompare(b.modelName));
}
