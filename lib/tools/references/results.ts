import type { Actor } from "@/lib/auth/permissions";
import { streamAnnotationRecords } from "@/lib/export/annotation-records";
import { findVisibleBatchIds } from "@/lib/projects/access";

export type ReferenceRecallRow = {
  modelName: string;
  /** Responses whose every reference statement was marked (annotation × response). */
  responses: number;
  /** Mean recall (covered 1, partly ½) and mean strict recall (covered only), over those responses. */
  recall: number;
  strictRecall: number;
};

/**
 * Reasoning recall against the items' reference statements, per model (MedCaseReasoning's measure,
 * judged by clinicians), over submitted annotations. Reads the export's records, so both agree.
 */
export async function loadReferenceRecall(actor: Actor, projectId: string, opts: { batchName?: string } = {}): Promise<ReferenceRecallRow[]> {
  await findVisibleBatchIds(actor, projectId, "project:read");
  const byModel = new Map<string, { n: number; recall: number; strict: number }>();
  for await (const record of streamAnnotationRecords({ projectId, withTool: "references", ...(opts.batchName ? { batchName: opts.batchName } : {}) })) {
    for (const r of record.responses) {
      if (typeof r.referenceRecall !== "number" || typeof r.referenceRecallStrict !== "number") continue;
      const row = byModel.get(r.modelName) ?? { n: 0, recall: 0, strict: 0 };
      row.n += 1;
      row.recall += r.referenceRecall;
      row.strict += r.referenceRecallStrict;
      byModel.set(r.modelName, row);
    }
  }
  return [...byModel]
    .map(([modelName, r]) => ({ modelName, responses: r.n, recall: r.recall / r.n, strictRecall: r.strict / r.n }))
    .sort((a, b) => a.modelName.localeCompare(b.modelName));
}
