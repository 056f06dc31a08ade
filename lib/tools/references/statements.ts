// Reference reasoning statements of an item (MedCaseReasoning: numbered, clinician-written), stored in
// Item.reference.statements. Zod-free: the page, the checks and the export all read them.

/** The statements of a stored reference (or of its `statements` field), as a list of texts. */
export function statementsOf(raw: unknown): string[] {
  const list = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as { statements?: unknown }).statements : raw;
  return Array.isArray(list) ? list.filter((s): s is string => typeof s === "string") : [];
}

export const COVERAGE = ["covered", "partial", "not_covered"] as const;
export type Coverage = (typeof COVERAGE)[number];
export const COVERAGE_LABELS: Record<Coverage, string> = { covered: "Covered", partial: "Partly covered", not_covered: "Not covered" };

/**
 * Reasoning recall of one response (MedCaseReasoning's "share of reference statements the reasoning
 * mentions", here judged by a clinician): covered counts 1, partly covered ½ (`strict` counts only
 * covered). Null until every statement is marked.
 */
export function referenceRecall(marks: Record<string, Coverage | undefined>, count: number, strict = false): number | null {
  if (!count) return null;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const m = marks[String(i)];
    if (!m) return null;
    sum += m === "covered" ? 1 : m === "partial" && !strict ? 0.5 : 0;
  }
  return sum / count;
}
