import type { Actor } from "@/lib/auth/permissions";
import { streamAnnotationRecords } from "@/lib/export/annotation-records";
import { findVisibleBatchIds } from "@/lib/projects/access";
import { summarizeStepsByModel, type LabelledResponse, type ModelStepSummary } from "./metrics";

/**
 * Step-label results per model (issue 8): right-answer-wrong-reasoning with a Wilson interval, error-type
 * frequencies, where the first error falls, MedR-Bench efficiency and factuality (decision 012). Reads the
 * export's records (submitted annotations), so the page, the API, the CLI and the export agree.
 */
export async function loadStepResults(actor: Actor, projectId: string): Promise<ModelStepSummary[]> {
  await findVisibleBatchIds(actor, projectId, "project:read");
  const labelled: LabelledResponse[] = [];
  for await (const record of streamAnnotationRecords({ projectId, withTool: "steps" })) {
    for (const r of record.responses) {
      const s = r.stepLabels;
      if (!s) continue;
      labelled.push({
        model: r.modelName,
        steps: s.steps.map((step) => ({ verdict: step.verdict, kind: step.kind, errorTypes: step.errorTypes })),
        finalAnswerCorrect: s.finalAnswerCorrect,
        reasoningSupportsAnswer: s.reasoningSupportsAnswer,
        // The export already resolved override or derived; pass it on as the reviewer's answer.
        firstErrorStep: s.firstErrorStep === null ? null : s.firstErrorStep - 1,
      });
    }
  }
  return summarizeStepsByModel(labelled);
}
