import { withDocumentDefaults } from "@/lib/annotations/schema";
import { compareWithGold } from "@/lib/gold/compare-with-gold";
import { goldSchema, responseLabel } from "@/lib/items/schema";

type Render = (text: string | undefined | null) => Promise<string>;
type Axis = { key: string; label: string; options: Array<{ value: string; label: string }> };

/** After a practice item is submitted: the known answers beside the reviewer's, and the explanation. */
export type PracticeFeedback = {
  correct: number;
  compared: number;
  rows: Array<{ target: string; axis: string; expected: string; given: string; ok: boolean }>;
  explanationHtml: string | null;
};

/**
 * Feedback for a submitted practice item of a qualification round (issue 10, decision 026). Known
 * answers reach a reviewer only here: in a qualification round, after their own answer is final.
 * Responses and pairwise choices are named as the reviewer saw them ("Response B"), never by model.
 */
export async function practiceFeedback(
  md: Render,
  assignment: { status: string; responseOrder: string[]; batch: { isQualification: boolean }; item: { reference: unknown; responses: Array<{ id: string; label: string }> }; annotation: { data: unknown } | null },
  axes: readonly Axis[],
): Promise<PracticeFeedback | null> {
  if (!assignment.batch.isQualification || assignment.status !== "SUBMITTED" || !assignment.annotation) return null;
  const reference = (assignment.item.reference ?? {}) as { gold?: unknown; explanation?: unknown };
  const gold = goldSchema.safeParse(reference.gold ?? {});
  if (!gold.success) return null;
  const labelToResponseId = Object.fromEntries(assignment.item.responses.map((r) => [r.label, r.id]));
  const shownAs = (responseId: string) => {
    const index = assignment.responseOrder.indexOf(responseId);
    return index < 0 ? "a response" : `Response ${responseLabel(index)}`;
  };
  const axisOf = new Map(axes.map((a) => [a.key, a]));
  const describe = (axisKey: string, path: string, value: unknown): string => {
    if (value === undefined || value === null) return "—";
    if (path.startsWith("pair.")) return value === "tie" ? "Tie" : shownAs(String(value));
    const options = axisOf.get(axisKey)?.options ?? [];
    const one = (v: unknown) => options.find((o) => o.value === String(v))?.label ?? String(v);
    return Array.isArray(value) ? value.map(one).join(", ") : one(value);
  };
  const result = compareWithGold(gold.data, withDocumentDefaults(assignment.annotation.data), labelToResponseId);
  const rows = result.checks.map((c) => {
    const [scope, label] = c.path.split(".");
    const target = scope === "responses" ? shownAs(labelToResponseId[label]) : scope === "pair" ? "Comparison" : "Item";
    return { target, axis: axisOf.get(c.axis)?.label ?? c.axis, expected: describe(c.axis, c.path, c.expected), given: describe(c.axis, c.path, c.actual), ok: c.ok };
  });
  const explanation = typeof reference.explanation === "string" && reference.explanation.trim() ? await md(reference.explanation) : null;
  return { correct: result.correct, compared: result.compared, rows, explanationHtml: explanation };
}
