import type { ImportError } from "@/lib/import/import-records";
import { checkAxisValue, isMultiChoice, NOT_APPLICABLE } from "@/lib/tools/ratings/axis-values";
import type { AxisRule } from "@/lib/tools/types";
import type { JudgeLine } from "./schema";

// What a judge line's names refer to in the project (decision 015): the item by external id, the
// response by model name (else by its label A, B, …), a rubric axis that rates one response, or
// one of the item's case criteria (by id or 1-based number); the value checked against the axis
// exactly as a reviewer's rating is (lib/tools/ratings/axis-values.ts), or met / not met.

export type JudgeItem = {
  id: string;
  externalId: string;
  responses: Array<{ id: string; modelName: string; label: string }>;
  criteria: Array<{ id: string; position: number }>;
};

export type JudgeAxis = Omit<AxisRule, "options"> & { options: Array<{ value: string; label?: string }> };

export type ResolvedJudgeRow = {
  line: number;
  itemId: string;
  responseId: string;
  axisKey: string | null;
  criterionId: string | null;
  value: string | number | boolean;
  judge: string;
  rationale: string | null;
};

const MET = new Map<unknown, boolean>([[true, true], [false, false], ["met", true], ["not met", false], ["not_met", false]]);
const quoted = (values: string[], max = 12) => values.slice(0, max).map((v) => `"${v}"`).join(", ") + (values.length > max ? ", …" : "");

function findResponse(item: JudgeItem, name: string): { id: string } | string {
  const byModel = item.responses.filter((r) => r.modelName === name);
  if (byModel.length === 1) return byModel[0];
  if (byModel.length > 1) return `item "${item.externalId}" has ${byModel.length} responses by model "${name}"; name the one you mean by its label (${byModel.map((r) => r.label).join(", ")}).`;
  const byLabel = item.responses.find((r) => r.label === name);
  if (byLabel) return byLabel;
  const known = item.responses.map((r) => `${r.label} (${r.modelName})`).join(", ");
  return `item "${item.externalId}" has no response by model or label "${name}"${known ? `; its responses are ${known}` : "; it has no responses"}.`;
}

const TARGET_WORDS: Record<string, string> = { PAIR: "a pair of responses", ITEM: "the item as a whole", RANKING: "a ranking of the responses", BEST_WORST: "the best and worst responses", TURN: "each AI turn of a dialogue" };

function checkAxis(axis: JudgeAxis | undefined, key: string, axes: Map<string, JudgeAxis>): string | null {
  if (!axis) return `the rubric has no axis "${key}"; its axes are ${quoted([...axes.keys()])}.`;
  if (axis.appliesTo !== "RESPONSE") return `axis "${key}" rates ${TARGET_WORDS[axis.appliesTo] ?? "something else"}, not one response; judge results are imported for response axes and case criteria.`;
  if (axis.type === "TEXT") return `axis "${key}" takes free text, which cannot be compared with the physicians' ratings.`;
  if (isMultiChoice(axis) || axis.optionsFrom) return `axis "${key}" takes several answers or the note's sentences; judge results are imported for single-answer axes.`;
  return null;
}

function axisValueProblem(axis: JudgeAxis, value: JudgeLine["value"]): string | null {
  if (value === NOT_APPLICABLE && !axis.allowsNotApplicable) return `axis "${axis.key}" does not offer "Cannot rate / N/A".`;
  const problem = checkAxisValue(axis, value, [], { axes: [], responseIds: [] });
  if (!problem) return null;
  const options = axis.type === "CHOICE" ? `; its options are ${quoted(axis.options.map((o) => o.value))}` : "";
  return `${JSON.stringify(value)} is not a value of axis "${axis.key}": ${problem}${options}`;
}

/** The row to store for one valid line, or every error of the line with its field. */
export function resolveJudgeLine(line: number, input: JudgeLine, item: JudgeItem | undefined, axes: Map<string, JudgeAxis>): { row: ResolvedJudgeRow } | { errors: ImportError[] } {
  const errors: ImportError[] = [];
  const fail = (field: string, message: string) => void errors.push({ line, field, message });
  // Without the item, the axis and its value can still be checked (a criterion cannot: it is the item's).
  const axis = input.axis !== undefined ? axes.get(input.axis) : undefined;
  const axisProblem = input.axis !== undefined ? checkAxis(axis, input.axis, axes) : null;
  if (!item) {
    fail("externalId", `no item "${input.externalId}" in this project.`);
    if (axisProblem) fail("axis", axisProblem);
    else if (axis && axisValueProblem(axis, input.value)) fail("value", axisValueProblem(axis, input.value)!);
    return { errors };
  }
  const response = findResponse(item, input.response);
  if (typeof response === "string") fail("response", response);
  let axisKey: string | null = null;
  let criterionId: string | null = null;
  let value: ResolvedJudgeRow["value"] = input.value;
  if (input.axis !== undefined) {
    if (axisProblem) fail("axis", axisProblem);
    else {
      axisKey = input.axis;
      const valueProblem = axisValueProblem(axis!, input.value);
      if (valueProblem) fail("value", valueProblem);
    }
  } else {
    const ref = input.criterion!;
    const number = typeof ref === "number" ? ref : /^\d+$/.test(ref) && !item.criteria.some((c) => c.id === ref) ? Number(ref) : null;
    const criterion = number !== null ? item.criteria.find((c) => c.position === number - 1) : item.criteria.find((c) => c.id === ref);
    if (!criterion) {
      const count = item.criteria.length;
      fail("criterion", number !== null
        ? `item "${item.externalId}" has ${count === 0 ? "no criteria" : count === 1 ? "1 criterion" : `${count} criteria`}; there is no criterion ${number}.`
        : `item "${item.externalId}" has no criterion with id "${ref}".`);
    } else criterionId = criterion.id;
    const met = MET.get(typeof input.value === "string" ? input.value.trim().toLowerCase() : input.value);
    if (met === undefined) fail("value", `${JSON.stringify(input.value)} is not a criterion's value: use true (met) or false (not met).`);
    else value = met;
  }
  if (errors.length || typeof response === "string") return { errors };
  return { row: { line, itemId: item.id, responseId: response.id, axisKey, criterionId, value, judge: input.judge, rationale: input.rationale?.length ? input.rationale : null } };
}
