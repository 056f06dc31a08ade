import type { ArgumentAnnotation, ArgumentSpan, LabelSet } from "@/lib/formats/argument-types";

// Edits of one text's annotation, as the annotator makes them: pure, so that the rules the server
// checks (lib/formats/check-annotation.ts) are kept before a save is sent. A refused edit returns
// the reason instead of a new annotation: a code with its details, which the annotator words in the
// reviewer's language (tools.arguments.problems.* in lib/i18n/messages).

/** Why an edit was refused. */
export type EditProblem =
  | { problem: "spanExists"; label: string; id: string }
  | { problem: "notSpans" }
  | { problem: "notAllowed"; relation: string; from: string; to: string }
  | { problem: "relationExists"; relation: string }
  | { problem: "labelTaken"; label: string }
  | { problem: "breaksRelations"; label: string; relations: string; count: number };

export function isEditProblem(value: object): value is EditProblem {
  return "problem" in value;
}

function nextId(prefix: "T" | "R", ids: Iterable<string>): string {
  let max = 0;
  for (const id of ids) {
    const n = id.startsWith(prefix) ? Number(id.slice(1)) : NaN;
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${max + 1}`;
}

export function addSpan(annotation: ArgumentAnnotation, span: Omit<ArgumentSpan, "id">): { annotation: ArgumentAnnotation; id: string } | EditProblem {
  const same = annotation.spans.find((s) => s.label === span.label && s.start === span.start && s.end === span.end);
  if (same) return { problem: "spanExists", label: span.label, id: same.id };
  const id = nextId("T", annotation.spans.map((s) => s.id));
  return { annotation: { ...annotation, spans: [...annotation.spans, { id, ...span }] }, id };
}

/** Relation types the label set allows from one span to another. */
export function allowedRelations(annotation: ArgumentAnnotation, from: string, to: string, labelSet: LabelSet): string[] {
  const a = annotation.spans.find((s) => s.id === from)?.label;
  const b = annotation.spans.find((s) => s.id === to)?.label;
  return labelSet.relations.filter((r) => r.allowed.some(([x, y]) => x === a && y === b)).map((r) => r.key);
}

export function addRelation(annotation: ArgumentAnnotation, relation: { label: string; from: string; to: string }, labelSet: LabelSet): { annotation: ArgumentAnnotation; id: string } | EditProblem {
  const from = annotation.spans.find((s) => s.id === relation.from);
  const to = annotation.spans.find((s) => s.id === relation.to);
  if (!from || !to) return { problem: "notSpans" };
  if (!allowedRelations(annotation, relation.from, relation.to, labelSet).includes(relation.label)) {
    return { problem: "notAllowed", relation: relation.label, from: from.label, to: to.label };
  }
  if (annotation.relations.some((r) => r.label === relation.label && r.from === relation.from && r.to === relation.to)) return { problem: "relationExists", relation: relation.label };
  const id = nextId("R", annotation.relations.map((r) => r.id));
  return { annotation: { ...annotation, relations: [...annotation.relations, { id, ...relation }] }, id };
}

/** Changes a span's label, unless one of its relations would then be one the label set does not allow. */
export function relabelSpan(annotation: ArgumentAnnotation, id: string, label: string, labelSet: LabelSet): ArgumentAnnotation | EditProblem {
  const span = annotation.spans.find((s) => s.id === id);
  if (!span || span.label === label) return annotation;
  if (annotation.spans.some((s) => s.id !== id && s.label === label && s.start === span.start && s.end === span.end)) return { problem: "labelTaken", label };
  const spans = annotation.spans.map((s) => (s.id === id ? { ...s, label } : s));
  const next = { ...annotation, spans };
  const broken = annotation.relations.filter((r) => (r.from === id || r.to === id) && !allowedRelations(next, r.from, r.to, labelSet).includes(r.label));
  if (broken.length) return { problem: "breaksRelations", label, relations: broken.map((r) => `${r.label} ${r.id}`).join(", "), count: broken.length };
  return next;
}

/** Removes a span and the relations that start or end at it. */
export function deleteSpan(annotation: ArgumentAnnotation, id: string): ArgumentAnnotation {
  return { spans: annotation.spans.filter((s) => s.id !== id), relations: annotation.relations.filter((r) => r.from !== id && r.to !== id) };
}

export function deleteRelation(annotation: ArgumentAnnotation, id: string): ArgumentAnnotation {
  return { ...annotation, relations: annotation.relations.filter((r) => r.id !== id) };
}
