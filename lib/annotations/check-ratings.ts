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
};

export type RatingProblem = { path: string; message: string };

function checkValue(axis: AxisRule, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (axis.type) {
    case "CHOICE":
      return typeof value === "string" && axis.options.some((o) => o.value === value) ? null : `"${String(value)}" is not an option of ${axis.label}.`;
    case "SCALE":
      return typeof value === "number" && Number.isInteger(value) && value >= (axis.min ?? -Infinity) && value <= (axis.max ?? Infinity)
        ? null
        : `${axis.label} takes a whole number from ${axis.min} to ${axis.max}.`;
    case "BOOLEAN":
      return typeof value === "boolean" ? null : `${axis.label} takes yes or no.`;
    case "TEXT":
      return typeof value === "string" ? null : `${axis.label} takes text.`;
  }
}

function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * Checks a document against the rubric. Invalid values are always problems; missing required
 * ratings only when `forSubmit` (drafts may be incomplete).
 */
export function checkRatings(data: AnnotationData, axes: AxisRule[], responseIds: string[], forSubmit: boolean): RatingProblem[] {
  const problems: RatingProblem[] = [];
  const responseAxes = axes.filter((a) => a.appliesTo === "RESPONSE");
  const itemAxes = axes.filter((a) => a.appliesTo === "ITEM");
  const known = new Set(responseIds);

  for (const id of Object.keys(data.responses)) {
    if (!known.has(id)) problems.push({ path: `responses.${id}`, message: "This response is not part of the assignment." });
  }
  const checkBlock = (prefix: string, ratings: Record<string, unknown>, list: AxisRule[], label: string) => {
    const byKey = new Map(list.map((a) => [a.key, a]));
    for (const [key, value] of Object.entries(ratings)) {
      const axis = byKey.get(key);
      if (!axis) problems.push({ path: `${prefix}.${key}`, message: `Unknown axis "${key}".` });
      else {
        const message = checkValue(axis, value);
        if (message) problems.push({ path: `${prefix}.${key}`, message });
      }
    }
    if (forSubmit) {
      for (const axis of list) {
        if (axis.required && isMissing(ratings[axis.key])) problems.push({ path: `${prefix}.${axis.key}`, message: `${label}: "${axis.label}" is required.` });
      }
    }
  };
  responseIds.forEach((id, index) =>
    checkBlock(`responses.${id}.ratings`, data.responses[id]?.ratings ?? {}, responseAxes, `Response ${index + 1}`),
  );
  checkBlock("item.ratings", data.item.ratings, itemAxes, "Item");
  return problems;
}
