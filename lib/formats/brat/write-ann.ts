import type { ArgumentAnnotation, ArgumentSpan } from "../argument-types";
import { createOffsetIndex, sliceCodePoints } from "../offsets";

// Writes a brat standoff .ann (https://brat.nlplab.org/standoff.html): T lines, then R lines, ids
// renumbered T1…, R1… in a stable order (spans by start, end, label; relations by their spans'
// new numbers, then type), so that the same annotation always gives the same file whatever ids
// the editor assigned. A T line cannot hold a line break: a span that crosses one is written the
// way brat's own editor writes it, as pieces split at the break ("0 12;13 40", texts joined by a
// space), which parseBratAnn joins back into one span.

const LINE_BREAK = /[\r\n]/;

type Ordered = { span: ArgumentSpan; at: number };

function compareSpans(a: Ordered, b: Ordered): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.span.label < b.span.label ? -1 : a.span.label > b.span.label ? 1 : 0) || a.at - b.at;
}

/** The pieces of [start, end) between line breaks, in code points; an edge break keeps an empty piece so the span's ends survive. */
export function splitAtLineBreaks(spanText: string, start: number): [number, number][] {
  const points = Array.from(spanText);
  const pieces: [number, number][] = [];
  let from = -1;
  points.forEach((point, k) => {
    const isBreak = LINE_BREAK.test(point);
    if (!isBreak && from === -1) from = k;
    if (isBreak && from !== -1) {
      pieces.push([start + from, start + k]);
      from = -1;
    }
  });
  if (from !== -1) pieces.push([start + from, start + points.length]);
  if (points.length > 0 && LINE_BREAK.test(points[0])) pieces.unshift([start, start]);
  if (points.length > 0 && LINE_BREAK.test(points[points.length - 1])) pieces.push([start + points.length, start + points.length]);
  return pieces;
}

/**
 * The .ann content of one document (empty when it has no annotation). Throws when the annotation
 * does not fit its text or a relation names a missing span: check it with checkArgumentAnnotation first.
 */
export function writeBratAnn(annotation: ArgumentAnnotation, text: string): string {
  const index = createOffsetIndex(text);
  const ordered = annotation.spans.map((span, at) => ({ span, at })).sort(compareSpans);
  const newId = new Map<string, number>();
  const lines: string[] = [];
  ordered.forEach(({ span }, k) => {
    if (newId.has(span.id)) throw new Error(`Two spans have the id "${span.id}"; cannot write the .ann file.`);
    newId.set(span.id, k + 1);
    if (span.end > index.codePointLength || span.start >= span.end) throw new Error(`Span ${span.id} (${span.start}–${span.end}) does not fit the text (${index.codePointLength} characters).`);
    const actual = sliceCodePoints(text, span.start, span.end, index);
    if (actual !== span.text) throw new Error(`Span ${span.id}'s text differs from the text at its offsets ${span.start}–${span.end}; cannot write the .ann file.`);
    const pieces = splitAtLineBreaks(actual, span.start);
    const offsets = pieces.map(([s, e]) => `${s} ${e}`).join(";");
    const pieceText = pieces.map(([s, e]) => sliceCodePoints(text, s, e, index)).join(" ");
    lines.push(`T${k + 1}\t${span.label} ${offsets}\t${pieceText}`);
  });

  const relations = annotation.relations.map((relation, at) => {
    const from = newId.get(relation.from);
    const to = newId.get(relation.to);
    if (from === undefined || to === undefined) throw new Error(`Relation ${relation.id} names span ${from === undefined ? relation.from : relation.to}, which does not exist; cannot write the .ann file.`);
    return { label: relation.label, from, to, at };
  });
  relations.sort((a, b) => a.from - b.from || a.to - b.to || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || a.at - b.at);
  // brat's own files end R lines with a tab (the empty text column); so do AbstRCT's.
  relations.forEach((r, k) => lines.push(`R${k + 1}\t${r.label} Arg1:T${r.from} Arg2:T${r.to}\t`));
  return lines.length ? `${lines.join("\n")}\n` : "";
}
