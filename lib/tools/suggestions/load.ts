import type { Db } from "@/lib/db/client";
import type { ProjectSettings } from "@/lib/projects/settings";
import type { RatingValue } from "../ratings/schema";
import { isMultiChoice } from "../ratings/axis-values";
import { axisTarget, criterionTarget, type SuggestionValue } from "./targets";
import type { SuggestionMode } from "./schema";

type AxisLike = { key: string; type: string; appliesTo: string; max: number | null; optionsFrom?: string | null };

export type AssignmentSuggestions = { mode: SuggestionMode; values: SuggestionValue[] };

/**
 * The project judge's values for an assignment's responses, when the project shows suggestions
 * (decision 034): response axes with a single answer (not free text) and case criteria. None in a
 * qualification round (they would give the answers away) or in a study arm's unassisted phase (a
 * suggestion is assistance).
 */
export async function loadAssignmentSuggestions(
  db: Db,
  a: { projectId: string; settings: ProjectSettings; isQualification: boolean; arm: string | null; responseIds: string[]; axes: readonly AxisLike[] },
): Promise<AssignmentSuggestions | null> {
  const judge = a.settings.suggestions?.judge;
  if (!judge || a.isQualification || a.arm === "UNASSISTED" || !a.responseIds.length) return null;
  const suggestible = new Set(a.axes.filter((x) => x.appliesTo === "RESPONSE" && x.type !== "TEXT" && !isMultiChoice(x as { type: "CHOICE"; max: number | null }) && !x.optionsFrom).map((x) => x.key));
  const rows = await db.judgeResult.findMany({
    where: { projectId: a.projectId, judge, responseId: { in: a.responseIds } },
    select: { responseId: true, axisKey: true, criterionId: true, value: true, rationale: true },
    orderBy: [{ sourceLine: "asc" }],
  });
  const values: SuggestionValue[] = [];
  for (const r of rows) {
    const target = r.axisKey !== null ? (suggestible.has(r.axisKey) ? axisTarget(r.axisKey) : null) : r.criterionId !== null ? criterionTarget(r.criterionId) : null;
    if (target) values.push({ responseId: r.responseId, target, value: r.value as RatingValue, rationale: r.rationale });
  }
  if (!values.length) return null;
  return { mode: a.settings.suggestions?.reveal === "after_rating" ? "after_own" : "prefilled", values };
}

/** What the server checks a document's suggestions against (CheckContext.suggestions): the project now, and the stored records. */
export function suggestionsCheckContext(s: AssignmentSuggestions | null, stored: Record<string, unknown> | undefined) {
  const targets: Record<string, Record<string, unknown>> = {};
  for (const v of s?.values ?? []) (targets[v.responseId] ??= {})[v.target] = v.value;
  return { mode: s?.mode ?? null, targets, stored: stored ?? {} };
}
