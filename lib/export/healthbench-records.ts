import type { ExportRecord } from "./record-schema";
import { promptMessagesOf, responseTextOf } from "./record-texts";

/**
 * One HealthBench-format record per graded response (README "HealthBench records", decision 016):
 * the shape OpenAI's grader reads (simple-evals `healthbench_eval.py`: `prompt`, `prompt_id`,
 * `rubrics` of `{criterion, points, tags}`, `example_tags`, `ideal_completions_data`, `canary`),
 * with the response graded as `completion` (the grader's `completion_to_trial`). What the physician
 * marked is in `physician_grades`, aligned with `rubrics` by position and shaped like the grader's own
 * output per rubric item (`{criteria_met, explanation}`), so simple-evals' `calculate_score(rubrics,
 * physician_grades)` gives the physician's score; `criteria_met` is null when left unmarked.
 * One record per reviewer: records sharing `prompt_id` and `completion_id` are the meta-evaluation's
 * several physicians (`binary_labels`) on one completion.
 */
export type HealthBenchRecord = {
  prompt_id: string;
  prompt: Array<{ role: string; content: string }>;
  completion: string;
  completion_id: string;
  model: string;
  rubrics: Array<{ criterion: string; points: number; tags: string[] }>;
  example_tags: string[];
  ideal_completions_data: { ideal_completion: string; ideal_completions_group?: string } | null;
  canary?: string;
  physician_grades: Array<{ criteria_met: boolean | null; explanation: string }>;
  physician: string;
  physician_score: number | null;
  project: string;
  batch: string;
  annotation_id: string;
  item_id: string;
};

type Metadata = { tags?: unknown; canary?: unknown } | null | undefined;
type Reference = { answer?: unknown; idealCompletionsGroup?: unknown } | null | undefined;

function idealCompletionsOf(reference: Reference): HealthBenchRecord["ideal_completions_data"] {
  if (typeof reference?.answer !== "string" || !reference.answer) return null;
  return { ideal_completion: reference.answer, ...(typeof reference.idealCompletionsGroup === "string" ? { ideal_completions_group: reference.idealCompletionsGroup } : {}) };
}

export function healthBenchRecordsOf(record: ExportRecord): HealthBenchRecord[] {
  if (record.status !== "submitted") return [];
  const metadata = record.item?.metadata as Metadata;
  const tags = Array.isArray(metadata?.tags) ? metadata.tags.filter((t): t is string => typeof t === "string") : [];
  const prompt = promptMessagesOf(record);
  return record.responses.flatMap((r) => {
    if (!r.criteria?.length) return [];
    return [{
      prompt_id: record.externalId,
      prompt,
      completion: responseTextOf(r),
      completion_id: r.responseId,
      model: r.modelName,
      rubrics: r.criteria.map((c) => ({ criterion: c.text, points: c.points, tags: c.tags })),
      example_tags: tags,
      ideal_completions_data: idealCompletionsOf(record.item?.reference as Reference),
      // Benchmark data carries a canary so it stays out of training corpora: it travels on.
      ...(typeof metadata?.canary === "string" ? { canary: metadata.canary } : {}),
      physician_grades: r.criteria.map((c) => ({ criteria_met: c.met, explanation: c.note ?? "" })),
      physician: record.reviewer,
      physician_score: r.criteriaScore ?? null,
      project: record.project,
      batch: record.batch,
      annotation_id: record.annotationId,
      item_id: record.itemId,
    }];
  });
}
