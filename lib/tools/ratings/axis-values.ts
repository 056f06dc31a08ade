import type { AxisRule, CheckContext, RatingProblem } from "../types";

/** The stored value of "Cannot rate / does not apply" on axes that offer it. */
export const NOT_APPLICABLE = "na";

/** Multi-select CHOICE axes store a list (max > 1, see AxisTemplate). */
export function isMultiChoice(axis: Pick<AxisRule, "type" | "max">): boolean {
  return axis.type === "CHOICE" && (axis.max ?? 1) > 1;
}

export function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
}

/** Why a value does not fit its axis, or null. `pairIds`: the two responses a pairwise axis compares. */
export function checkAxisValue(axis: AxisRule, value: unknown, pairIds: string[], context: CheckContext): string | null {
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

/**
 * Checks one block of axis values and comments: values against their axes, comments only on axes of
 * the block (an invented key would otherwise be stored and exported as a row), required axes at submit.
 */
export function checkAxisBlock(
  out: RatingProblem[],
  prefix: string,
  block: { ratings: Record<string, unknown>; comments: Record<string, string> },
  axes: AxisRule[],
  label: string,
  ctx: CheckContext,
  pairIds: string[],
  forSubmit: boolean,
) {
  const byKey = new Map(axes.map((a) => [a.key, a]));
  for (const [key, value] of Object.entries(block.ratings)) {
    const axis = byKey.get(key);
    if (!axis) out.push({ path: `${prefix}.ratings.${key}`, message: `Unknown axis "${key}".` });
    else {
      const message = checkAxisValue(axis, value, pairIds, ctx);
      if (message) out.push({ path: `${prefix}.ratings.${key}`, message });
    }
  }
  for (const key of Object.keys(block.comments)) {
    if (!byKey.has(key)) out.push({ path: `${prefix}.comments.${key}`, message: `Comment on unknown axis "${key}".` });
  }
  if (forSubmit) {
    for (const axis of axes) {
      if (axis.required && isMissing(block.ratings[axis.key])) out.push({ path: `${prefix}.ratings.${axis.key}`, message: `${label}: "${axis.label}" is required.`, code: "required", params: { where: label, axis: axis.label } });
    }
  }
}

/** "Response A", "Response B" … in the reviewer's screen order. */
export const screenLabel = (index: number) => `Response ${String.fromCharCode(65 + index)}`;
