import type { AnnotationData } from "@/lib/annotations/schema";
import { criteriaChecks } from "./criteria/check";
import { ddxMatchChecks } from "./ddx-match/check";
import { TOOL_DESCRIBERS } from "./describe-document";
import { pairwiseChecks } from "./pairwise/check";
import { rankingChecks } from "./ranking/check";
import { ratingsChecks } from "./ratings/check";
import { referencesChecks } from "./references/check";
import { stepsChecks } from "./steps/check";
import { argumentsChecks } from "./arguments/check";
import { correctionsChecks } from "./corrections/check";
import { turnsChecks } from "./turns/check";
import { suggestionsChecks } from "./suggestions/check";
import { actionsChecks } from "./actions/check";
import { citationsChecks } from "./citations/check";
import { groundingChecks } from "./grounding/check";
import { regionsChecks } from "./regions/check";
import { recordLinksChecks } from "./record-links/check";
import type { CheckContext, RatingProblem, ToolChecks, ToolId } from "./types";

// The registry of annotation tools (STYLE.md "Annotation tools", decision 010): an explicit list —
// nothing registers itself on import. The document schema is composed from the tools' schemas in
// lib/annotations/schema.ts, the describers in ./describe-document.ts (zod-free, for the browser), the
// export projections in lib/export, the review panels in components/review/tools. Adding a tool adds a
// folder here and a line in each list; the conformance test (registry.test.ts) keeps the lists in step.

export const TOOLS: readonly ToolChecks[] = [ratingsChecks, pairwiseChecks, rankingChecks, criteriaChecks, ddxMatchChecks, referencesChecks, stepsChecks, argumentsChecks, correctionsChecks, turnsChecks, suggestionsChecks, actionsChecks, citationsChecks, groundingChecks, regionsChecks, recordLinksChecks];
export const TOOL_IDS: readonly ToolId[] = TOOLS.map((t) => t.id);

export { TOOL_DESCRIBERS };
export { describeChanges } from "./describe-document";
export type { AxisRule, ChangeLabels, CheckContext, RatingProblem, ToolId } from "./types";

/**
 * Checks a whole document against the rubric, the item and the reviewer's responses: every tool checks
 * its own block, enabled or not (a block for a tool the rubric does not use is refused value by value).
 * Invalid values are always problems; what is missing only when `forSubmit` (drafts may be incomplete).
 */
export function checkDocument(doc: AnnotationData, ctx: CheckContext, forSubmit: boolean): RatingProblem[] {
  const problems: RatingProblem[] = [];
  const known = new Set(ctx.responseIds);
  for (const id of Object.keys(doc.responses)) {
    if (!known.has(id)) problems.push({ path: `responses.${id}`, message: "This response is not part of the assignment." });
  }
  for (const tool of TOOLS) problems.push(...tool.check(doc, ctx, forSubmit));
  return problems;
}

/** What decides which tools a review shows: the rubric, its template's tools, the item. */
export type ToolSetting = {
  axes: Array<{ appliesTo: string }>;
  templateTools: readonly string[];
  itemKind: string;
  criteriaCount: number;
  responseCount: number;
  /** Reference reasoning statements of the item (reference.statements). */
  statementCount?: number;
  /** The project labels reasoning steps (lib/tools/steps/tool-settings.ts). */
  stepsEnabled?: boolean;
  /** The project annotates argument structure (lib/tools/arguments/label-set.ts) and the item has a text to annotate. */
  argumentsEnabled?: boolean;
  /** The project asks for corrected answers (settings.corrections). */
  correctionsEnabled?: boolean;
  /** The project judge's values for this assignment's responses, when the project shows suggestions. */
  suggestionCount?: number;
  /** Citations the assignment's responses carry, all together. */
  citationCount?: number;
  /** The item has images and the project marks regions or a response localizes (lib/tools/regions/check-context.ts). */
  regionsEnabled?: boolean;
};

/** The tools a reviewer uses on one assignment, in registry order. */
export function enabledTools(s: ToolSetting): ToolId[] {
  const on: Record<ToolId, boolean> = {
    ratings: s.axes.some((a) => a.appliesTo === "RESPONSE" || a.appliesTo === "ITEM"),
    pairwise: s.responseCount >= 2 && s.axes.some((a) => a.appliesTo === "PAIR"),
    ranking: s.responseCount >= 2 && s.axes.some((a) => a.appliesTo === "RANKING" || a.appliesTo === "BEST_WORST"),
    criteria: s.criteriaCount > 0,
    "ddx-match": s.itemKind.toUpperCase() === "DDX" && s.templateTools.includes("ddx-match"),
    references: (s.statementCount ?? 0) > 0 && s.responseCount > 0,
    steps: Boolean(s.stepsEnabled) && s.responseCount > 0,
    arguments: Boolean(s.argumentsEnabled),
    corrections: Boolean(s.correctionsEnabled) && s.responseCount > 0,
    turns: s.itemKind.toUpperCase() === "DIALOGUE" && s.responseCount > 0 && s.axes.some((a) => a.appliesTo === "TURN"),
    suggestions: (s.suggestionCount ?? 0) > 0,
    actions: s.itemKind.toUpperCase() === "TRAJECTORY" && s.responseCount > 0,
    citations: (s.citationCount ?? 0) > 0,
    grounding: s.itemKind.toUpperCase() === "SUMMARY" && s.responseCount > 0,
    regions: Boolean(s.regionsEnabled),
    "record-links": s.itemKind.toUpperCase() === "RECORD" && s.responseCount > 0,
  };
  return TOOL_IDS.filter((id) => on[id]);
}
