import type { ArgumentAnnotation, ArgumentSpan, LabelSet } from "@/lib/formats/argument-types";

// Edits of one text's annotation, as the annotator makes them: pure, so that the rules the server
// checks (lib/formats/check-annotation.ts) are kept before a save is sent. A refused edit returns
// the reason in plain words instead of a new annotation.

function nextId(prefix: "T" | "R", ids: Iterable<string>): string {
  let max = 0;
  for (const id of ids) {
    const n = id.startsWith(prefix) ? Number(id.slice(1)) : NaN;
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${max + 1}`;
}

export function addSpan(annotation: ArgumentAnnotation, span: Omit<ArgumentSpan, "id">): { annotation: ArgumentAnnotation; id: string } | string {
  const same = annotation.spans.find((s) => s.label === span.label && s.start === span.start && s.end === span.end);
  if (same) return `This text is already a ${span.label} (${same.id}).`;
  const id = nextId("T", annotation.spans.map((s) => s.id));
  return { annotation: { ...annotation, spans: [...annotation.spans, { id, ...span }] }, id };
}

/** Relation types the label set allows from one span to another. */
export function allowedRelations(annotation: ArgumentAnnotation, from: string, to: string, labelSet: LabelSet): string[] {
  const a = annotation.spans.find((s) => s.id === from)?.label;
  const b = annotation.spans.find((s) => s.id === to)?.label;
  return labelSet.relations.filter((r) => r.allowed.some(([x, y]) => x === a && y === b)).map((r) => r.key);
}

export function addRelation(annotation: ArgumentAnnotation, relation: { label: string; from: string; to: string }, labelSet: LabelSet): { annotation: ArgumentAnnotation; id: string } | string {
  const from = annotation.spans.find((s) => s.id === relation.from);
  const to = annotation.spans.find((s) => s.id === relation.to);
  if (!from || !to) return "Both ends of a relation must be spans.";
  if (!allowedRelations(annotation, relation.from, relation.to, labelSet).includes(relation.label)) {
    return `The label set does not allow ${relation.label} from a ${from.label} to a ${to.label}.`;
  }
  if (annotation.relations.some((r) => r.label === relation.label && r.from === relation.from && r.to === relation.to)) return `This ${relation.label} relation exists already.`;
  const id = nextId("R", annotation.relations.map((r) => r.id));
  return { annotation: { ...annotation, relations: [...annotation.relations, { id, ...relation }] }, id };
}

/** Changes a span's label, unless one of its relations would then be one the label set does not allow. */
export function relabelSpan(annotation: ArgumentAnnotation, id: string, label: string, labelSet: LabelSet): ArgumentAnnotation | string {
  const span = annotation.spans.find((s) => s.id === id);
  if (!span || span.label === label) return annotation;
  if (annotation.spans.some((s) => s.id !== id && s.label === label && s.start === span.start && s.end === span.end)) return `This text is already a ${label}.`;
  const spans = annotation.spans.map((s) => (s.id === id ? { ...s, label } : s));
  const next = { ...annotation, spans };
  const broken = annotation.relations.filter((r) => (r.from === id || r.to === id) && !allowedRelations(next, r.from, r.to, labelSet).includes(r.label));
  if (broken.length) return `A ${label} cannot keep ${broken.map((r) => `${r.label} ${r.id}`).join(", ")}: delete ${broken.length === 1 ? "that relation" : "those relations"} first.`;
  return next;
}

/** Removes a span and the relations that start or end at it. */
export function deleteSpan(annotation: ArgumentAnnotation, id: string): ArgumentAnnotation {
  return { spans: annotation.spans.filter((s) => s.id !== id), relations: annotation.relations.filter((r) => r.from !== id && r.to !== id) };
}

export function deleteRelation(annotation: ArgumentAnnotation, id: string): ArgumentAnnotation {
  return { ...annotation, relations: annotation.relations.filter((r) => r.id !== id) };
}
