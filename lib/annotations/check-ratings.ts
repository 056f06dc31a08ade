import type { AnnotationData } from "./schema";

export type AxisRule = {
  key: string;
  label: string;
  type: "SCALE" | "CHOICE" | "BOOLEAN" | "TEXT";
  appliesTo: "RESPONSE" | "PAIR" | "ITEM";
  required: boolean;
  options: Array<{ value: string }>;
  min: number | null;
  max: number | null;
  allowsNotApplicable?: boolean;
  /** "note_sentences": the options are the item's sentence ids. */
  optionsFrom?: string | null;
};

/** The stored value of "Cannot rate / does not apply" on axes that offer it. */
export const NOT_APPLICABLE = "na";

/** What a document is checked against besides the rubric. */
export type CheckContext = {
  axes: AxisRule[];
  /** The assignment's responses in screen order; pairwise axes compare the first two. */
  responseIds: string[];
  /** The item's case criteria; when there are any, each response must have all marked to submit. */
  criterionIds?: string[];
  /** Differential lengths by response id, when the rubric grades each entry (ddx-match tool). */
  differentialLengths?: Record<string, number>;
  /** The item's note sentence ids, for axes whose options are the sentences. */
  sentenceIds?: string[];
  /** Longest free-text answer (TEXT axes), sized from the item (check-context.ts). */
  maxTextLength?: number;
};

export type RatingProblem = { path: string; message: string };

/** Multi-select CHOICE axes store a list (max > 1, see AxisTemplate). */
export function isMultiChoice(axis: Pick<AxisRule, "type" | "max">): boolean {
  return axis.type === "CHOICE" && (axis.max ?? 1) > 1;
}

function checkValue(axis: AxisRule, value: unknown, pairIds: string[], context: CheckContext): string | null {
  if (value === null || value === undefined) return null;
  if (value === NOT_APPLICABLE && axis.allowsNotApplicable) return null;
  if (axis.optionsFrom === "note_sentences") {
    return typeof value === "string" && (context.sentenceIds ?? []).includes(value) ? null : `${axis.label}: the note has no sentence "${String(value)}".`;
  }
  if (axis.appliesTo === "PAIR") {
    return typeof value === "string" && (value === "tie" || pairIds.includes(value)) ? null : `${axis.label} takes one of the two responses or a tie.`;
  }
  switch (axis.type) {
    case "CHOICE": {
      const isOption = (v: unknown) => typeof v === "string" && axis.options.some((o) => o.value === v);
      if (isMultiChoice(axis)) {
        if (!Array.isArray(value)) return `${axis.label} takes a list of options.`;
        const bad = value.find((v) => !isOption(v));
        if (bad !== undefined) return `"${String(bad)}" is not an option of ${axis.label}.`;
        if (new Set(value).size !== value.length) return `${axis.label} lists an option twice.`;
        return value.length <= (axis.max ?? 1) ? null : `${axis.label} takes at most ${axis.max} options.`;
      }
      return isOption(value) ? null : `"${String(value)}" is not an option of ${axis.label}.`;
    }
    case "SCALE":
      return typeof value === "number" && Number.isInteger(value) && value >= (axis.min ?? -Infinity) && value <= (axis.max ?? Infinity)
        ? null
        : `${axis.label} takes a whole number from ${axis.min} to ${axis.max}.`;
    case "BOOLEAN":
      return typeof value === "boolean" ? null : `${axis.label} takes yes or no.`;
    case "TEXT": {
      if (typeof value !== "string") return `${axis.label} takes text.`;
      const max = context.maxTextLength ?? Infinity;
      return value.length <= max ? null : `${axis.label} is ${value.length.toLocaleString("en")} characters long; at most ${max.toLocaleString("en")} are allowed.`;
    }
  }
}

function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
}

/**
 * Checks a document against the rubric and the item. Invalid values are always problems; missing
 * required ratings and unmarked criteria only when `forSubmit` (drafts may be incomplete).
 */
export function checkRatings(data: AnnotationData, context: CheckContext, forSubmit: boolean): RatingProblem[] {
  const { axes, responseIds } = context;
  const problems: RatingProblem[] = [];
  const known = new Set(responseIds);
  const pairIds = responseIds.slice(0, 2);
  const pairAxes = pairIds.length === 2 ? axes.filter((a) => a.appliesTo === "PAIR") : [];

  for (const id of Object.keys(data.responses)) {
    if (!known.has(id)) problems.push({ path: `responses.${id}`, message: "This response is not part of the assignment." });
  }
  const checkBlock = (prefix: string, ratings: Record<string, unknown>, list: AxisRule[], label: string, comments: Record<string, string> = {}) => {
    const byKey = new Map(list.map((a) => [a.key, a]));
    for (const [key, value] of Object.entries(ratings)) {
      const axis = byKey.get(key);
      if (!axis) problems.push({ path: `${prefix}.${key}`, message: `Unknown axis "${key}".` });
      else {
        const message = checkValue(axis, value, pairIds, context);
        if (message) problems.push({ path: `${prefix}.${key}`, message });
      }
    }
    // Comments belong to axes too: an invented key would otherwise be stored and exported as a row.
    const commentPrefix = prefix.replace(/\.ratings$/, ".comments");
    for (const key of Object.keys(comments)) {
      if (!byKey.has(key)) problems.push({ path: `${commentPrefix}.${key}`, message: `Comment on unknown axis "${key}".` });
    }
    if (forSubmit) {
      for (const axis of list) {
        if (axis.required && isMissing(ratings[axis.key])) problems.push({ path: `${prefix}.${axis.key}`, message: `${label}: "${axis.label}" is required.` });
      }
    }
  };
  const responseAxes = axes.filter((a) => a.appliesTo === "RESPONSE");
  const criterionIds = new Set(context.criterionIds ?? []);
  responseIds.forEach((id, index) => {
    const block = data.responses[id];
    checkBlock(`responses.${id}.ratings`, block?.ratings ?? {}, responseAxes, `Response ${String.fromCharCode(65 + index)}`, block?.comments);
    const marks = block?.criteria ?? {};
    for (const criterionId of Object.keys(marks)) {
      if (!criterionIds.has(criterionId)) problems.push({ path: `responses.${id}.criteria.${criterionId}`, message: "This criterion is not part of the item." });
    }
    const length = context.differentialLengths?.[id];
    for (const rank of Object.keys(block?.entries ?? {})) {
      if (length === undefined || Number(rank) >= length) problems.push({ path: `responses.${id}.entries.${rank}`, message: "This differential entry is not part of the response." });
    }
    if (forSubmit && length !== undefined) {
      const unmarkedEntries = Array.from({ length }, (_, rank) => block?.entries?.[String(rank)]?.match).filter((m) => !m).length;
      if (unmarkedEntries) problems.push({ path: `responses.${id}.entries`, message: `Response ${String.fromCharCode(65 + index)}: ${unmarkedEntries} differential entr${unmarkedEntries === 1 ? "y is" : "ies are"} not graded.` });
    }
    if (forSubmit) {
      const unmarked = [...criterionIds].filter((c) => typeof marks[c]?.met !== "boolean").length;
      if (unmarked) problems.push({ path: `responses.${id}.criteria`, message: `Response ${String.fromCharCode(65 + index)}: ${unmarked} criteri${unmarked === 1 ? "on is" : "a are"} not marked met or not met.` });
    }
  });
  checkBlock("item.ratings", data.item.ratings, axes.filter((a) => a.appliesTo === "ITEM"), "Item", data.item.comments);
  checkBlock("pair.ratings", data.pair.ratings, pairAxes, "Comparison", data.pair.comments);
  for (const key of Object.keys(data.pair.strength)) {
    if (!pairAxes.some((a) => a.key === key)) problems.push({ path: `pair.strength.${key}`, message: `Unknown axis "${key}".` });
  }
  return problems;
}
