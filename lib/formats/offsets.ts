// Offsets of argument spans are Unicode code points of the stored text (start inclusive, end
// exclusive), the unit brat, Python and most NLP corpora count in. JavaScript strings index
// UTF-16 code units, which differ as soon as a text holds a character outside the Basic
// Multilingual Plane (emoji, some CJK ideographs, historic scripts): "🙂" is one code point and two
// UTF-16 units. Everything that talks to the browser (selections, DOM ranges, String.slice)
// converts here, so the stored offsets never depend on the runtime. Code points are not grapheme
// clusters: "é" written as e + U+0301 is two code points, a flag is two, a ZWJ family emoji is
// several; the offsets stay exact, and a UI that wants whole characters snaps with Intl.Segmenter.
// Decision record: docs/decisions/011-argument-formats.md.

/** Converts offsets both ways for one text; built in one pass, each conversion O(log a), a = astral characters. */
export type OffsetIndex = {
  /** Length of the text in code points. */
  readonly codePointLength: number;
  /** Length of the text in UTF-16 code units (String.length). */
  readonly utf16Length: number;
  /** UTF-16 index of code-point offset `cp` (0 ≤ cp ≤ codePointLength). */
  toUtf16(cp: number): number;
  /** Code-point offset of UTF-16 index `i` (0 ≤ i ≤ utf16Length, not between the halves of a surrogate pair). */
  toCodePoint(i: number): number;
};

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function checkWhole(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} ${value} is outside the text, which has ${max} of them (offsets run from 0 to ${max}).`);
  }
}

/**
 * One pass over the text records where the astral characters (surrogate pairs) are; a text
 * without any (most texts) converts by identity. A lone surrogate counts as one code point, as
 * JavaScript's for…of and Python's surrogateescape do.
 */
export function createOffsetIndex(text: string): OffsetIndex {
  const astralUtf16: number[] = []; // UTF-16 index of each pair's high surrogate
  for (let i = 0; i < text.length; i += 1) {
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      astralUtf16.push(i);
      i += 1;
    }
  }
  const utf16Length = text.length;
  const codePointLength = utf16Length - astralUtf16.length;
  // The k-th astral character starts at code point astralUtf16[k] - k.
  const astralCp = astralUtf16.map((u, k) => u - k);

  return {
    codePointLength,
    utf16Length,
    toUtf16(cp) {
      checkWhole(cp, codePointLength, "Code-point offset");
      return cp + countBelow(astralCp, cp);
    },
    toCodePoint(i) {
      checkWhole(i, utf16Length, "UTF-16 index");
      const before = countBelow(astralUtf16, i);
      if (before > 0 && astralUtf16[before - 1] === i - 1) {
        throw new RangeError(`UTF-16 index ${i} falls between the two halves of the character at code point ${i - before}; an offset must not split a character.`);
      }
      return i - before;
    },
  };
}

/** How many values of the ascending list are < x (binary search). */
function countBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of code points in a text (what Python's len() gives). */
export function countCodePoints(text: string): number {
  let pairs = 0;
  for (let i = 0; i + 1 < text.length; i += 1) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      pairs += 1;
      i += 1;
    }
  }
  return text.length - pairs;
}

/** UTF-16 index of a code-point offset. For many offsets of one text, use createOffsetIndex or codePointsToUtf16. */
export function codePointToUtf16(text: string, cp: number): number {
  return createOffsetIndex(text).toUtf16(cp);
}

/** Code-point offset of a UTF-16 index (throws when it falls inside a surrogate pair). */
export function utf16ToCodePoint(text: string, i: number): number {
  return createOffsetIndex(text).toCodePoint(i);
}

/** Converts a whole list of code-point offsets of one text in O(text + list · log a). */
export function codePointsToUtf16(text: string, cps: readonly number[]): number[] {
  const index = createOffsetIndex(text);
  return cps.map((cp) => index.toUtf16(cp));
}

/** Converts a whole list of UTF-16 indices of one text in O(text + list · log a). */
export function utf16ToCodePoints(text: string, indices: readonly number[]): number[] {
  const index = createOffsetIndex(text);
  return indices.map((i) => index.toCodePoint(i));
}

/** The text between two code-point offsets (Python's text[start:end] for 0 ≤ start ≤ end ≤ length). */
export function sliceCodePoints(text: string, start: number, end: number, index: OffsetIndex = createOffsetIndex(text)): string {
  if (end < start) throw new RangeError(`A span cannot end (${end}) before it starts (${start}).`);
  return text.slice(index.toUtf16(start), index.toUtf16(end));
}
