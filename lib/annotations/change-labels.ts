import type { ChangeLabels } from "@/lib/tools/types";

// Zod-free on purpose: the review form runs this in the browser, and zod's start-up probe for eval
// would be a Content-Security-Policy violation there (lib/items/schema.ts imports zod).
const responseLabel = (position: number) => String.fromCharCode(65 + position);

type LabelledAxis = { key: string; label: string; type: string; options: unknown };

/**
 * The names a reviewer sees, for describing changes (history, conflict panel): axis labels, option
 * labels by stored value ("moderate_mild" → "Moderate or mild harm"), scale points with their anchor,
 * responses by their screen label, criteria by number.
 */
export function changeLabelsFor(axes: LabelledAxis[], responseOrder: string[], criteria: Array<{ id: string; position: number }>): ChangeLabels {
  const values = new Map<string, Map<string, string>>();
  for (const axis of axes) {
    const options = Array.isArray(axis.options) ? (axis.options as Array<{ value: unknown; label: string }>) : [];
    values.set(axis.key, new Map(options.map((o) => [String(o.value), axis.type === "SCALE" ? `${o.value} (${o.label})` : o.label])));
  }
  return {
    axes: new Map(axes.map((a) => [a.key, a.label])),
    values,
    responses: new Map(responseOrder.map((id, i) => [id, `Response ${responseLabel(i)}`])),
    criteria: new Map(criteria.map((c) => [c.id, `Criterion ${c.position + 1}`])),
  };
}
