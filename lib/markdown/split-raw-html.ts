// Finds raw HTML in plain text (note sentences, criteria, diagnoses, captions), so those fields
// mark it exactly as rendered markdown does. The grammar is CommonMark's "raw HTML"
// (https://spec.commonmark.org/0.31.2/#raw-html): open and closing tags, comments, processing
// instructions, declarations and CDATA — the same constructs micromark turns into `html` nodes.
// Client-safe and dependency-free: review widgets that run in the browser call it.
//
// Linear time: tags are matched with sticky regexes whose quoted values cannot run past another
// tag's quote, and the constructs closed by a fixed terminator (-->, ?>, ]]>, >) look it up with
// indexOf once; when it is missing, later openers of that kind are not searched again.

export type TextSegment = { html: boolean; text: string };

const ATTRIBUTE = String.raw`\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?`;
const OPEN_TAG = new RegExp(String.raw`<[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*\s*\/?>`, "y");
const CLOSING_TAG = /<\/[A-Za-z][A-Za-z0-9-]*\s*>/y;

type Terminated = { opener: string; closer: string; minEnd?: number; test?: (text: string, at: number) => boolean };
const TERMINATED: Terminated[] = [
  { opener: "<![CDATA[", closer: "]]>" },
  // "<!-->" and "<!--->" are complete comments; otherwise the body runs to the first "-->".
  { opener: "<!--", closer: "-->", minEnd: 2 },
  { opener: "<?", closer: "?>" },
  { opener: "<!", closer: ">", test: (text, at) => /[A-Za-z]/.test(text[at + 2] ?? "") },
];

/** Splits text into plain runs and raw-HTML runs; joining the segments gives the text back. */
export function splitRawHtml(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  const missing = new Set<string>(); // closers known to be absent from here to the end
  let plainFrom = 0;
  let at = text.indexOf("<");
  while (at !== -1) {
    const end = matchAt(text, at, missing);
    if (end === -1) {
      at = text.indexOf("<", at + 1);
      continue;
    }
    if (at > plainFrom) segments.push({ html: false, text: text.slice(plainFrom, at) });
    segments.push({ html: true, text: text.slice(at, end) });
    plainFrom = end;
    at = text.indexOf("<", end);
  }
  if (plainFrom < text.length) segments.push({ html: false, text: text.slice(plainFrom) });
  return segments;
}

/** End (exclusive) of the raw HTML that starts at `at`, or -1. */
function matchAt(text: string, at: number, missing: Set<string>): number {
  for (const regex of [OPEN_TAG, CLOSING_TAG]) {
    regex.lastIndex = at;
    if (regex.test(text)) return regex.lastIndex;
  }
  for (const { opener, closer, minEnd = 0, test } of TERMINATED) {
    if (!text.startsWith(opener, at) || (test && !test(text, at))) continue;
    if (missing.has(closer)) return -1;
    const close = text.indexOf(closer, at + opener.length - minEnd);
    if (close === -1) {
      missing.add(closer);
      return -1;
    }
    return close + closer.length;
  }
  return -1;
}
