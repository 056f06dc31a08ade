import { z } from "zod";

// Typed analysis fields (issue 13): facts about an item or a response that results are broken down
// by, and that paired analyses use. Unlike `metadata` (free JSON, kept and exported as given) these
// are checked at import, so a figure per "cost band" or "demographic group" never mixes a typo in.

const isoDate = z.iso.date({ error: "a date as YYYY-MM-DD" });
const label = (max = 120) => z.string().trim().min(1).max(max);

/** Per item: which variant of a case it is, the patient group it describes, and when it was written. */
export const itemAnalysisSchema = z.strictObject({
  /** The kind of variant ("original", "age-perturbed", "translated-es", a prompt or persona name). */
  variant: label().optional(),
  /** The patient demographic group the case describes ("female 65+", "Black", "rural"). */
  group: label().optional(),
  /** When the case was published or written: compared with a model's training cutoff. */
  date: isoDate.optional(),
});
export type ItemAnalysis = z.infer<typeof itemAnalysisSchema>;

/** Per response: what the run cost and how long it was, and the prompt that produced it. */
export const responseAnalysisSchema = z.strictObject({
  costUsd: z.number().min(0).max(1_000_000).optional(),
  inputTokens: z.int().min(0).optional(),
  outputTokens: z.int().min(0).optional(),
  /** Tokens of hidden or visible reasoning, when the provider reports them apart. */
  reasoningTokens: z.int().min(0).optional(),
  latencyMs: z.number().min(0).max(86_400_000).optional(),
  /** The prompt, persona or system-message variant that produced the response. */
  prompt: label().optional(),
  /** The model's training-data cutoff: items dated after it are unseen. */
  trainingCutoff: isoDate.optional(),
});
export type ResponseAnalysis = z.infer<typeof responseAnalysisSchema>;

export const ITEM_ANALYSIS_FIELDS = ["variant", "group", "date"] as const;
export const RESPONSE_ANALYSIS_FIELDS = ["costUsd", "inputTokens", "outputTokens", "reasoningTokens", "latencyMs", "prompt", "trainingCutoff"] as const;

/** Whether the item postdates the model's training cutoff (null when either date is unknown). */
export function isAfterCutoff(item: ItemAnalysis, response: ResponseAnalysis): boolean | null {
  return item.date && response.trainingCutoff ? item.date > response.trainingCutoff : null;
}

/** Stored values read back leniently: rows written before a field existed have none. */
export function readItemAnalysis(raw: unknown): ItemAnalysis {
  const parsed = itemAnalysisSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}
export function readResponseAnalysis(raw: unknown): ResponseAnalysis {
  const parsed = responseAnalysisSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}
