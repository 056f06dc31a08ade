import type { RubricAxisDocument, RubricDocument } from "./rubric-document";

// What changed between two rubric versions (issue 10: once annotations use a rubric, edits make a
// new version; researchers comparing results across versions need to see how they differ). Axes are
// matched by key, as results and exports match them.

export type RubricChange =
  | { kind: "added"; key: string; label: string }
  | { kind: "removed"; key: string; label: string }
  | { kind: "changed"; key: string; label: string; fields: string[] }
  | { kind: "moved"; key: string; label: string; from: number; to: number }
  | { kind: "renamed"; from: string; to: string };

/** The fields compared, in words. Options compare as a whole (values, labels and help). */
const FIELDS: Array<[keyof RubricAxisDocument, string]> = [
  ["label", "label"], ["help", "help text"], ["type", "type"], ["appliesTo", "what it rates"], ["required", "required"], ["options", "options"],
  ["min", "scale start or minimum"], ["max", "scale end or maximum"], ["polarity", "polarity"], ["allowsNotApplicable", "N/A allowed"], ["best", "best answer"], ["optionsFrom", "option source"],
];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function diffRubrics(before: RubricDocument, after: RubricDocument): RubricChange[] {
  const changes: RubricChange[] = [];
  if (before.name !== after.name) changes.push({ kind: "renamed", from: before.name, to: after.name });
  const old = new Map(before.axes.map((a, i) => [a.key, { axis: a, position: i + 1 }]));
  const now = new Map(after.axes.map((a, i) => [a.key, { axis: a, position: i + 1 }]));
  for (const a of before.axes) if (!now.has(a.key)) changes.push({ kind: "removed", key: a.key, label: a.label });
  // A move is reported only when the axis's order among the axes both versions share changed.
  const shared = (list: RubricAxisDocument[]) => list.filter((a) => old.has(a.key) && now.has(a.key)).map((a) => a.key);
  const oldOrder = shared(before.axes);
  const newOrder = shared(after.axes);
  for (const a of after.axes) {
    const was = old.get(a.key);
    if (!was) {
      changes.push({ kind: "added", key: a.key, label: a.label });
      continue;
    }
    const fields = FIELDS.filter(([f]) => !same(was.axis[f], a[f])).map(([, words]) => words);
    if (fields.length) changes.push({ kind: "changed", key: a.key, label: a.label, fields });
    if (oldOrder.indexOf(a.key) !== newOrder.indexOf(a.key)) changes.push({ kind: "moved", key: a.key, label: a.label, from: was.position, to: now.get(a.key)!.position });
  }
  return changes;
}

/** One line per change, for the rubric page. */
export function describeChange(c: RubricChange): string {
  switch (c.kind) {
    case "renamed": return `Renamed from “${c.from}” to “${c.to}”.`;
    case "added": return `Added ${c.label} (${c.key}).`;
    case "removed": return `Removed ${c.label} (${c.key}).`;
    case "changed": return `${c.label} (${c.key}): ${c.fields.join(", ")} changed.`;
    case "moved": return `${c.label} (${c.key}) moved from position ${c.from} to ${c.to}.`;
  }
}
