import { noteInputSchema, recordInputSchema, responseAnswerSchema, summaryInputSchema } from "@/lib/items/schema";
import { toolsOfTemplate } from "@/lib/rubrics/templates";
import { statementsOf } from "@/lib/tools/references/statements";
import { aiTurnPositions } from "@/lib/tools/turns/ai-turns";
import { outlineActions } from "@/lib/tools/actions/actions";
import type { AxisRule, CheckContext } from "@/lib/tools/types";

/** Longest free text an axis answer or comment may hold, unless the item is longer (see textLimitFor). */
export const TEXT_ANSWER_MAX = 20_000;

/**
 * A free-text answer may be as long as the item it is about: a corrected note sentence can be as long
 * as the note (MEDEC-MS has gold corrections of 300+ characters; the old 200-character cap refused
 * them). Sized from the item, never below TEXT_ANSWER_MAX.
 */
export function textLimitFor(kind: string, input: unknown): number {
  if (kind.toUpperCase() !== "NOTE") return TEXT_ANSWER_MAX;
  const text = noteInputSchema.safeParse(input).data?.text ?? "";
  return Math.max(TEXT_ANSWER_MAX, text.length);
}

/** Sentence ids of a note item (what a "note_sentences" axis may take). */
export function sentenceIdsOf(kind: string, input: unknown): string[] {
  if (kind.toUpperCase() !== "NOTE") return [];
  return noteInputSchema.safeParse(input).data?.sentences.map((s) => s.id) ?? [];
}

type AssignmentForCheck = {
  responseOrder: string[];
  rubric: { templateKey: string | null; axes: unknown[] };
  item: { kind: string; input: unknown; reference: unknown; criteria: Array<{ id: string }>; responses: Array<{ id: string; answer: unknown; content?: string }> };
};

/** What a document is checked against on the server: the rubric, the item, the reviewer's response order. */
export function checkContextFor(assignment: AssignmentForCheck): CheckContext {
  const { item } = assignment;
  const gradesDifferentials = item.kind === "DDX" && toolsOfTemplate(assignment.rubric.templateKey).includes("ddx-match");
  return {
    axes: assignment.rubric.axes as AxisRule[],
    responseIds: assignment.responseOrder,
    criterionIds: item.criteria.map((c) => c.id),
    sentenceIds: sentenceIdsOf(item.kind, item.input),
    maxTextLength: textLimitFor(item.kind, item.input),
    statementCount: statementsOf(item.reference).length,
    ...(item.kind.toUpperCase() === "SUMMARY"
      ? { grounding: { source: summaryInputSchema.safeParse(item.input).data?.source ?? "", summaries: Object.fromEntries(item.responses.map((r) => [r.id, r.content ?? ""])) } }
      : {}),
    ...(item.kind.toUpperCase() === "RECORD"
      ? { record: { entryIds: new Set(recordInputSchema.safeParse(item.input).data?.record.entries.map((e) => e.id) ?? []), outputs: Object.fromEntries(item.responses.map((r) => [r.id, r.content ?? ""])) } }
      : {}),
    citationCounts: Object.fromEntries(item.responses.map((r) => [r.id, responseAnswerSchema.safeParse(r.answer ?? {}).data?.citations?.length ?? 0])),
    ...(item.kind.toUpperCase() === "TRAJECTORY"
      ? { actions: Object.fromEntries(item.responses.map((r) => [r.id, outlineActions(responseAnswerSchema.safeParse(r.answer ?? {}).data?.actions ?? [])])) }
      : {}),
    ...(item.kind.toUpperCase() === "DIALOGUE" ? { aiTurns: Object.fromEntries(item.responses.map((r) => [r.id, aiTurnPositions(responseAnswerSchema.safeParse(r.answer ?? {}).data?.turns)])) } : {}),
    ...(gradesDifferentials
      ? { differentialLengths: Object.fromEntries(item.responses.map((r) => [r.id, responseAnswerSchema.safeParse(r.answer ?? {}).data?.differential?.length ?? 0])) }
      : {}),
  };
}
