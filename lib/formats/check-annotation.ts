import type { ArgumentAnnotation, LabelSet } from "./argument-types";
import { quote } from "./format-issue";
import { createOffsetIndex, sliceCodePoints } from "./offsets";

// Checks that need more than a shape: an annotation against its text and label set, a label set
// against itself. Plain functions without zod (the review page runs them in the browser; zod
// must not run there), also used by argument-model.ts's schemas. Every problem is returned, with
// the path of the value it concerns, in words a researcher understands.

export type AnnotationProblem = { path: (string | number)[]; message: string };

function findDuplicates(values: string[]): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  values.forEach((value, i) => seen.set(value, [...(seen.get(value) ?? []), i]));
  return new Map([...seen].filter(([, at]) => at.length > 1));
}

/** Unique keys (ignoring case), unique shortcuts, relation pairs that name existing labels. */
export function checkLabelSet(labelSet: LabelSet): AnnotationProblem[] {
  const problems: AnnotationProblem[] = [];
  const labelKeys = new Set(labelSet.labels.map((l) => l.key));
  if (labelSet.labels.length === 0) problems.push({ path: ["labels"], message: "A label set needs at least one span label." });
  for (const [key, at] of findDuplicates(labelSet.labels.map((l) => l.key.toLowerCase()))) {
    problems.push({ path: ["labels", at[1], "key"], message: `Two labels have the key "${key}" (keys must differ, also in upper or lower case).` });
  }
  for (const [key, at] of findDuplicates(labelSet.labels.map((l) => l.shortcut))) {
    problems.push({ path: ["labels", at[1], "shortcut"], message: `Two labels use the shortcut key "${key}".` });
  }
  const labelKeysLower = new Set([...labelKeys].map((k) => k.toLowerCase()));
  for (const [key, at] of findDuplicates(labelSet.relations.map((r) => r.key.toLowerCase()))) {
    problems.push({ path: ["relations", at[1], "key"], message: `Two relations have the key "${key}".` });
  }
  labelSet.relations.forEach((relation, r) => {
    if (labelKeysLower.has(relation.key.toLowerCase())) {
      problems.push({ path: ["relations", r, "key"], message: `"${relation.key}" is both a span label and a relation; give them different keys.` });
    }
    if (relation.allowed.length === 0) problems.push({ path: ["relations", r, "allowed"], message: `Relation "${relation.key}" allows no pair of labels; list at least one [from, to] pair.` });
    const seen = new Set<string>();
    relation.allowed.forEach((pair, p) => {
      pair.forEach((label, side) => {
        if (!labelKeys.has(label)) {
          problems.push({ path: ["relations", r, "allowed", p, side], message: `Relation "${relation.key}" names the label "${label}", which is not in the label set.` });
        }
      });
      const key = JSON.stringify(pair);
      if (seen.has(key)) problems.push({ path: ["relations", r, "allowed", p], message: `Relation "${relation.key}" lists the pair ${pair[0]} → ${pair[1]} twice.` });
      seen.add(key);
    });
  });
  return problems;
}

/**
 * An annotation against its text (offsets inside it, each span's text equal to the text at its
 * offsets) and, when given, a label set (known labels, relations between allowed labels). Ids are
 * unique; relations name existing spans; no span or relation is listed twice. Relations from a
 * span to itself are allowed (CasiMedicos-Arg has one); overlapping and nested spans are allowed.
 */
export function checkArgumentAnnotation(text: string, annotation: ArgumentAnnotation, labelSet?: LabelSet): AnnotationProblem[] {
  const problems: AnnotationProblem[] = [];
  const index = createOffsetIndex(text);
  const labels = labelSet && new Set(labelSet.labels.map((l) => l.key));
  const relationTypes = labelSet && new Map(labelSet.relations.map((r) => [r.key, new Set(r.allowed.map((p) => JSON.stringify(p)))]));

  for (const [id, at] of findDuplicates(annotation.spans.map((s) => s.id))) problems.push({ path: ["spans", at[1], "id"], message: `Two spans have the id "${id}".` });
  for (const [id, at] of findDuplicates(annotation.relations.map((r) => r.id))) problems.push({ path: ["relations", at[1], "id"], message: `Two relations have the id "${id}".` });

  const spanLabel = new Map<string, string>();
  const spanKeys = new Map<string, string>();
  annotation.spans.forEach((span, i) => {
    spanLabel.set(span.id, span.label);
    const name = `Span ${span.id} (${span.label}, ${span.start}–${span.end})`;
    if (labels && !labels.has(span.label)) problems.push({ path: ["spans", i, "label"], message: `${name} has the label "${span.label}", which is not in the project's label set (${[...labels].join(", ")}).` });
    if (span.start >= span.end) {
      problems.push({ path: ["spans", i, "end"], message: `${name} is empty or reversed: it must end after it starts.` });
      return;
    }
    if (span.end > index.codePointLength) {
      problems.push({ path: ["spans", i, "end"], message: `${name} ends after the text, which has ${index.codePointLength} characters (code points).` });
      return;
    }
    const actual = sliceCodePoints(text, span.start, span.end, index);
    if (actual !== span.text) problems.push({ path: ["spans", i, "text"], message: `${name} says its text is ${quote(span.text)}, but the text there is ${quote(actual)}.` });
    const key = `${span.label} ${span.start} ${span.end}`;
    if (spanKeys.has(key)) problems.push({ path: ["spans", i], message: `${name} repeats span ${spanKeys.get(key)} (same label and offsets).` });
    else spanKeys.set(key, span.id);
  });

  const relationKeys = new Map<string, string>();
  annotation.relations.forEach((relation, i) => {
    const name = `Relation ${relation.id} (${relation.label} from ${relation.from} to ${relation.to})`;
    const from = spanLabel.get(relation.from);
    const to = spanLabel.get(relation.to);
    if (from === undefined) problems.push({ path: ["relations", i, "from"], message: `${name} starts at span ${relation.from}, which does not exist.` });
    if (to === undefined) problems.push({ path: ["relations", i, "to"], message: `${name} ends at span ${relation.to}, which does not exist.` });
    const allowed = relationTypes?.get(relation.label);
    if (relationTypes && !allowed) problems.push({ path: ["relations", i, "label"], message: `${name} has the type "${relation.label}", which is not in the project's label set (${[...relationTypes.keys()].join(", ") || "no relations"}).` });
    else if (allowed && from !== undefined && to !== undefined && !allowed.has(JSON.stringify([from, to]))) {
      problems.push({ path: ["relations", i, "label"], message: `${name} links a ${from} to a ${to}, which the label set does not allow for ${relation.label}.` });
    }
    const key = `${relation.label} ${relation.from} ${relation.to}`;
    if (relationKeys.has(key)) problems.push({ path: ["relations", i], message: `${name} repeats relation ${relationKeys.get(key)}.` });
    else relationKeys.set(key, relation.id);
  });
  return problems;
}
