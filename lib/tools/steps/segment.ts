// Splits a reasoning trace into steps for the step annotator (issue 8; decision 012). Pure and
// client-safe: the admin's segmentation editor runs the same code as the server.
//
// Offsets are Unicode code points of the text (start inclusive, end exclusive), the convention of
// every stored range in Consilium: an emoji, a CJK character or an Arabic letter is one, whatever
// its UTF-16 length. The rules below work on JS (UTF-16) indices and convert once at the end.

export type StepRange = { start: number; end: number };
export type SegmentRule = "numbered_list" | "step_markers" | "paragraphs" | "sentences" | "whole_text";
export type Segmentation = { rule: SegmentRule; steps: StepRange[]; mergedFrom: number | null };

export const MIN_STEPS = 2;
export const MAX_STEPS = 60;

type Span = [start: number, end: number]; // UTF-16 indices, used only inside this module

const isSpace = (ch: string) => /\s/u.test(ch);

function trimSpan(text: string, [start, end]: Span): Span | null {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return end > start ? [start, end] : null;
}

/** Paragraphs: runs of text separated by blank (or whitespace-only) lines. */
function paragraphSpans(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  const blank = /\n[^\S\n]*\n\s*/gu;
  blank.lastIndex = from;
  let start = from;
  for (let m = blank.exec(text); m && m.index < to; m = blank.exec(text)) {
    spans.push([start, m.index]);
    start = m.index + m[0].length;
  }
  spans.push([start, to]);
  return spans;
}

// A numbered list item starts a line: "1." / "1)" / "(1)", optionally bold ("**1.").
const NUMBERED = /^[^\S\n]{0,3}(?:\*\*|__)?(?:(\d{1,3})([.)])|\((\d{1,3})\))(?=\s)/gmu;
// "Step 3", "Step 3:", "### Step 3 —": at a line start or after the end of a sentence.
const STEP_MARKER = /(?<=^|\n|[.!?。:;)][^\S\n]*)[^\S\n]*(?:#{1,6}[^\S\n]+|[*_]{2}|>[^\S\n]*)?(?:Step|STEP)[^\S\n]*(\d{1,3})(?!\d)/gu;

type Marker = { at: number; number: number; style: string };

/**
 * The longest run of markers of one style numbered n, n+1, n+2… in text order, preferring runs that
 * start at 1. Markers outside the run (a nested list restarting at 1, a stray "2.") stay inside a step.
 */
function longestChain(markers: Marker[]): number[] {
  let best: Marker[] = [];
  for (const style of new Set(markers.map((m) => m.style))) {
    const ofStyle = markers.filter((m) => m.style === style);
    const ones = ofStyle.filter((m) => m.number === 1);
    for (const first of ones.length ? ones : ofStyle.slice(0, 1)) {
      const chain = [first];
      for (const m of ofStyle) {
        const last = chain[chain.length - 1];
        if (m.at > last.at && m.number === last.number + 1) chain.push(m);
      }
      if (chain.length > best.length) best = chain;
    }
  }
  return best.map((m) => m.at);
}

/**
 * Steps from marker positions: the text before the first marker and after the last item are split
 * into paragraphs; the last item ends at its first blank line unless the text after it is indented
 * (a continuation paragraph of that item).
 */
function spansFromMarkers(text: string, starts: number[]): Span[] {
  if (starts.length < MIN_STEPS) return [];
  const spans = paragraphSpans(text, 0, starts[0]);
  starts.forEach((start, k) => {
    if (k < starts.length - 1) return void spans.push([start, starts[k + 1]]);
    // A paragraph whose first line is indented (the character before it is a space, not the line
    // break) continues the item; the first one that is not starts the tail.
    const tail = paragraphSpans(text, start);
    let end = 0;
    while (end + 1 < tail.length && /[^\S\n]/u.test(text[tail[end + 1][0] - 1])) end++;
    spans.push([start, tail[end][1]], ...tail.slice(end + 1));
  });
  return spans;
}

function numberedListSpans(text: string): Span[] {
  const markers = [...text.matchAll(NUMBERED)].map((m) => ({
    at: m.index,
    number: Number(m[1] ?? m[3]),
    style: m[2] ?? "()",
  }));
  const items = longestChain(markers);
  // A list nested inside "Step N" sections is part of those steps, not the trace's structure.
  const steps = stepMarkerChain(text);
  if (steps.length >= MIN_STEPS && items.length && steps[0] < items[0]) return [];
  return spansFromMarkers(text, items);
}

function stepMarkerChain(text: string): number[] {
  return longestChain([...text.matchAll(STEP_MARKER)].map((m) => ({ at: m.index, number: Number(m[1]), style: "step" })));
}

function stepMarkerSpans(text: string): Span[] {
  return spansFromMarkers(text, stepMarkerChain(text));
}

// Words whose final period does not end a sentence (lower-cased); dotted runs such as "e.g.", "i.v.",
// "b.i.d." are recognised by their shape. Single capitals are not ("vitamin K. Then" ends there).
const ABBREVIATIONS = new Set(["vs.", "cf.", "approx.", "dr.", "mr.", "mrs.", "ms.", "prof.", "st.", "al.", "resp.", "incl.", "sp.", "spp.", "subsp.", "var.", "pt.", "pts."]);
// …and these only before a number ("No. 3", "Fig. 2"); "The answer is no. The" ends.
const NUMBER_ABBREVIATIONS = new Set(["no.", "nos.", "fig.", "figs.", "vol."]);
const STOPS = /[.!?…؟۔।]/u;
const CJK_STOPS = /[。！？]/u; // full-width stops end a sentence without a following space
const CLOSERS = /["'”’)\]」』»]/u;

/** Whether the period at `periodAt` ends an abbreviation that stands as its own word. */
function isAbbreviation(text: string, periodAt: number, nextChar: string): boolean {
  let from = periodAt;
  while (from > 0 && /[\p{L}.]/u.test(text[from - 1])) from--;
  if (from > 0 && !/[\s(\["'“‘]/u.test(text[from - 1])) return false; // "38.6°C." or "mg/L." end sentences
  const word = text.slice(from, periodAt + 1).toLowerCase();
  if (NUMBER_ABBREVIATIONS.has(word)) return /\d/u.test(nextChar);
  return ABBREVIATIONS.has(word) || /^(?:\p{L}\.){2,}$/u.test(word);
}

/**
 * Sentences inside each paragraph. A sentence ends at . ! ? … (or Arabic ؟ ۔, Devanagari ।) with
 * closing quotes or brackets, followed by space and a character that is not a lower-case letter or
 * , ; : ) — or at a CJK full stop; decimals ("38.6"), abbreviations ("e.g.", "i.v.") and doses
 * ("5 mg/kg") stay inside. A line that starts with a bullet or a number starts a sentence.
 */
function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const [from, to] of paragraphSpans(text)) {
    let start = from;
    for (let i = from; i < to; i++) {
      const ch = text[i];
      let end = -1;
      if (ch === "\n" && /^[^\S\n]*(?:[-*•]|\d{1,3}[.)])\s/u.test(text.slice(i + 1, i + 12))) end = i;
      else if (STOPS.test(ch) || CJK_STOPS.test(ch)) {
        let j = i + 1;
        while (j < to && (STOPS.test(text[j]) || CJK_STOPS.test(text[j]) || CLOSERS.test(text[j]))) j++;
        let k = j;
        while (k < to && isSpace(text[k])) k++;
        if (CJK_STOPS.test(ch)) end = j;
        else if (k > j && k < to && !/[\p{Ll},;:)]/u.test(String.fromCodePoint(text.codePointAt(k) ?? 0)) && !(ch === "." && j === i + 1 && isAbbreviation(text, i, text[k]))) end = j;
        i = j - 1;
      }
      if (end > start) {
        spans.push([start, end]);
        start = end;
      }
    }
    spans.push([start, to]);
  }
  return spans;
}

/** Merges n > max steps into max groups whose sizes differ by at most one, in order. */
function mergeEvenly(spans: Span[], max: number): Span[] {
  return Array.from({ length: max }, (_, g) => {
    const first = Math.floor((g * spans.length) / max);
    const last = Math.floor(((g + 1) * spans.length) / max) - 1;
    return [spans[first][0], spans[last][1]] as Span;
  });
}

/** Code-point offset of every UTF-16 index of `text` (one entry more than its length). */
export function codePointOffsets(text: string): Uint32Array {
  const offsets = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++, cp++) {
    offsets[i] = cp;
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    // Both halves of a surrogate pair (emoji, rare CJK) belong to one code point.
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) offsets[++i] = cp;
  }
  offsets[text.length] = cp;
  return offsets;
}

const RULES: Array<[SegmentRule, (text: string) => Span[]]> = [
  ["numbered_list", numberedListSpans],
  ["step_markers", stepMarkerSpans],
  ["paragraphs", (text) => paragraphSpans(text)],
  ["sentences", sentenceSpans],
];

/**
 * Segments with the first rule that yields 2–60 non-empty steps. When none does but some rule
 * yields more than 60, that rule's steps (the first such rule's) are merged evenly down to 60;
 * otherwise the whole trimmed text is one step (none for blank text).
 */
export function segmentStepsWithRule(text: string): Segmentation {
  const toRanges = (spans: Span[]): StepRange[] => {
    const cp = codePointOffsets(text);
    return spans.map(([s, e]) => ({ start: cp[s], end: cp[e] }));
  };
  let tooMany: [SegmentRule, Span[]] | null = null;
  for (const [rule, split] of RULES) {
    const spans = split(text).map((s) => trimSpan(text, s)).filter((s): s is Span => s !== null);
    if (spans.length >= MIN_STEPS && spans.length <= MAX_STEPS) return { rule, steps: toRanges(spans), mergedFrom: null };
    if (spans.length > MAX_STEPS && !tooMany) tooMany = [rule, spans];
  }
  if (tooMany) return { rule: tooMany[0], steps: toRanges(mergeEvenly(tooMany[1], MAX_STEPS)), mergedFrom: tooMany[1].length };
  const whole = trimSpan(text, [0, text.length]);
  return { rule: "whole_text", steps: whole ? toRanges([whole]) : [], mergedFrom: null };
}

/** Step ranges (code points) of a reasoning trace; see segmentStepsWithRule for the rules. */
export function segmentSteps(text: string): StepRange[] {
  return segmentStepsWithRule(text).steps;
}

/** UTF-16 index of every code-point offset of `text` (one entry more than its code points). */
function utf16Offsets(text: string): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    offsets.push(i);
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
  }
  offsets.push(text.length);
  return offsets;
}

/** The text of each step (offsets in code points), e.g. for exports and the annotator. */
export function stepTexts(text: string, steps: readonly StepRange[]): string[] {
  const at = utf16Offsets(text);
  return steps.map((s) => text.slice(at[s.start], at[s.end]));
}

export type StepProblem = { index: number | null; message: string };

/**
 * Problems of a given segmentation (imported `Response.steps` or an admin's edit) in plain words;
 * [] when every step is a non-empty range inside the text, in order and without overlap.
 */
export function validateSteps(text: string, steps: readonly StepRange[]): StepProblem[] {
  const at = utf16Offsets(text);
  const length = at.length - 1;
  if (steps.length === 0) return [{ index: null, message: "There are no steps. Give at least one, or leave steps out to have the text segmented automatically." }];
  const problems: StepProblem[] = [];
  let previousEnd = 0;
  let previousStep = 0; // the step that reaches furthest so far, named when a later one overlaps it
  steps.forEach(({ start, end }, index) => {
    const name = `Step ${index + 1}`;
    const add = (message: string) => void problems.push({ index, message: `${name} ${message}` });
    if (!Number.isInteger(start) || !Number.isInteger(end)) return add(`must start and end at whole numbers of characters (start ${start}, end ${end}).`);
    if (start < 0) return add(`starts at ${start}, before the beginning of the text.`);
    if (end <= start) return add(`is empty: it must end after it starts (start ${start}, end ${end}).`);
    if (end > length) return add(`ends at ${end}, past the end of the text (${length} characters, counted as Unicode code points).`);
    if (index > 0 && start < previousEnd) add(`starts at ${start}, before step ${previousStep} ends (${previousEnd}): steps must be in order and must not overlap.`);
    else if (!/\S/u.test(text.slice(at[start], at[end]))) add("holds only spaces or line breaks.");
    if (end > previousEnd) [previousEnd, previousStep] = [end, index + 1];
  });
  return problems;
}

export type StepEdit = { ok: true; steps: StepRange[] } | { ok: false; message: string };

/** Joins step `index` with the step after it (one range from the first's start to the second's end). */
export function mergeSteps(steps: readonly StepRange[], index: number): StepEdit {
  if (!Number.isInteger(index) || index < 0 || index >= steps.length - 1) {
    return { ok: false, message: steps.length < 2 ? "There is only one step: nothing to merge." : `Choose a step from 1 to ${steps.length - 1} to merge with the step after it.` };
  }
  const merged = { start: steps[index].start, end: steps[index + 1].end };
  return { ok: true, steps: [...steps.slice(0, index), merged, ...steps.slice(index + 2)] };
}

/**
 * Cuts step `index` in two at code-point offset `at` of the text; both parts are trimmed of
 * surrounding whitespace and must keep some text.
 */
export function splitStep(text: string, steps: readonly StepRange[], index: number, at: number): StepEdit {
  const step = steps[index];
  if (!Number.isInteger(index) || !step) return { ok: false, message: `There is no step ${index + 1}; the text has ${steps.length}.` };
  if (!Number.isInteger(at) || at <= step.start || at >= step.end) {
    return { ok: false, message: `Step ${index + 1} runs from ${step.start} to ${step.end}; split it at a position strictly between.` };
  }
  const units = utf16Offsets(text);
  if (step.end >= units.length) return { ok: false, message: `Step ${index + 1} ends past the end of the text; fix the segmentation first.` };
  const cp = codePointOffsets(text);
  const left = trimSpan(text, [units[step.start], units[at]]);
  const right = trimSpan(text, [units[at], units[step.end]]);
  if (!left || !right) return { ok: false, message: `Splitting step ${index + 1} there would leave a part with no text.` };
  const parts = [left, right].map(([s, e]) => ({ start: cp[s], end: cp[e] }));
  return { ok: true, steps: [...steps.slice(0, index), ...parts, ...steps.slice(index + 1)] };
}
