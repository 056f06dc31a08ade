import { createOffsetIndex, type OffsetIndex } from "@/lib/formats/offsets";

// The annotator's selection model, pure so that every script can be tested without a browser. The
// page works in UTF-16 indices (DOM ranges, String.slice); stored spans are Unicode code points
// (decision 011), converted at the edge with lib/formats/offsets.ts. A "unit" is what the keyboard
// moves over: a word with the punctuation glued to it ("risk." is one unit), a CJK word as
// Intl.Segmenter finds it, an emoji sequence whole. Selections never split a grapheme.

export type Unit = { start: number; end: number };

/** Words, punctuation runs and emoji, as UTF-16 ranges, in logical order; whitespace separates them. */
export function textUnits(text: string): Unit[] {
  const units: Unit[] = [];
  const words = new Intl.Segmenter(undefined, { granularity: "word" });
  let lastWordLike = false;
  for (const seg of words.segment(text)) {
    if (/^\s+$/u.test(seg.segment)) continue;
    const start = seg.index;
    const end = seg.index + seg.segment.length;
    const last = units[units.length - 1];
    // Pieces touching each other form one unit ("risk." "(p" "0.05)."), as whitespace tokens do,
    // except two words in a row: CJK has no spaces, and the segmenter's words are its units.
    const wordLike = Boolean(seg.isWordLike);
    if (last && last.end === start && !(wordLike && lastWordLike)) last.end = end;
    else units.push({ start, end });
    lastWordLike = wordLike;
  }
  return units;
}

/** Grapheme boundaries (UTF-16), for snapping a mouse selection so that it never splits a character. */
export function graphemeBoundaries(text: string): number[] {
  const out: number[] = [];
  for (const seg of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) out.push(seg.index);
  out.push(text.length);
  return out;
}

function snap(boundaries: readonly number[], i: number, dir: "down" | "up"): number {
  let lo = 0;
  let hi = boundaries.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (boundaries[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  if (boundaries[lo] === i || dir === "down") return boundaries[lo];
  return boundaries[Math.min(lo + 1, boundaries.length - 1)];
}

/**
 * A selection (UTF-16 indices, either order) as a span's code-point offsets: widened to whole
 * graphemes, trimmed of surrounding whitespace. Null when nothing but whitespace is selected.
 */
export function selectionToSpan(text: string, a: number, b: number, boundaries: readonly number[] = graphemeBoundaries(text), index: OffsetIndex = createOffsetIndex(text)): { start: number; end: number } | null {
  let start = snap(boundaries, Math.max(0, Math.min(a, b)), "down");
  let end = snap(boundaries, Math.min(text.length, Math.max(a, b)), "up");
  while (start < end && /\s/u.test(text[start])) start += 1;
  while (end > start && /\s/u.test(text[end - 1])) end -= 1;
  if (start >= end) return null;
  return { start: index.toCodePoint(start), end: index.toCodePoint(end) };
}

/** Where a caret (UTF-16) goes with one word step forward (to the next unit's start) or back. */
export function moveCaret(units: readonly Unit[], caret: number | null, forward: boolean): number {
  if (!units.length) return 0;
  if (caret === null) return forward ? units[0].start : units[units.length - 1].start;
  if (forward) return (units.find((u) => u.start > caret) ?? units[units.length - 1]).start;
  const before = units.filter((u) => u.start < caret);
  return (before[before.length - 1] ?? units[0]).start;
}

/** Moves a selection's focus one unit: forward to the end of the next unit, back to the start of the previous one. */
export function extendFocus(units: readonly Unit[], focus: number, forward: boolean): number {
  if (!units.length) return focus;
  if (forward) return (units.find((u) => u.end > focus) ?? units[units.length - 1]).end;
  const before = units.filter((u) => u.start < focus);
  return (before[before.length - 1] ?? units[0]).start;
}

// First strong character decides, as dir="auto" does (Unicode bidi rules P2–P3, simplified to scripts).
const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
const STRONG = /[\p{L}]/u;

/** "rtl" when the text's first strong letter is right-to-left (Hebrew, Arabic…), as dir="auto" decides. */
export function textDirection(text: string): "ltr" | "rtl" {
  for (const ch of text) if (STRONG.test(ch)) return RTL.test(ch) ? "rtl" : "ltr";
  return "ltr";
}

/** Whether an arrow key moves forward in the text: → in left-to-right text, ← in right-to-left text. */
export function isForwardArrow(key: string, direction: "ltr" | "rtl"): boolean {
  return direction === "rtl" ? key === "ArrowLeft" : key === "ArrowRight";
}
