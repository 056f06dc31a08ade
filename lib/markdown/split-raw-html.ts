// Finds raw HTML in text: anything a browser would read as a tag, a comment or a declaration. Used
// for plain-text fields (note sentences, criteria, diagnoses, captions) and for the text of
// rendered markdown, so both mark the same things (markdown's own `html` nodes are marked too).
// The grammar is CommonMark's raw HTML (https://spec.commonmark.org/0.31.2/#raw-html) loosened
// the way browsers are (https://html.spec.whatwg.org/#tokenization): unquoted attribute values may
// hold quotes and backticks (`<img src=x onerror=alert('x')>`), "/" separates attributes, and
// `<!…>` / `<?…>` end at the first ">". URL and e-mail autolinks (`<https://…>`, `<a@b.org>`)
// are not HTML. Client-safe and dependency-free: review widgets that run in the browser call it.
//
// Linear time: a tag's names and unquoted values cannot run past the next "<", a quoted value
// stops at its quote, and constructs closed by a fixed terminator (-->, ]]>, >) look it up with
// indexOf; when it is missing, later openers of that kind are not searched again.

export type TextSegment = { html: boolean; text: string };

const NAME = String.raw`[^\s/>="'<][^\s/>=<]*`;
const VALUE = String.raw`(?:"[^"]*"|'[^']*'|[^\s>"'<][^\s><]*)`;
const OPEN_TAG = new RegExp(String.raw`<[A-Za-z][^\s/><]*(?:[\s/]+${NAME}(?:\s*=\s*${VALUE})?)*[\s/]*>`, "y");
const CLOSING_TAG = /<\/[A-Za-z][^\s/><]*[^><]*>/y;
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;

// Checked in order: the longest opener first.
const TERMINATED = [
  { opener: "<![CDATA[", closer: "]]>", from: 9 },
  { opener: "<!--", closer: "-->", from: 2 }, // from 2: "<!-->" and "<!--->" are complete comments
  { opener: "<!", closer: ">", from: 2 }, // declarations, and what browsers call bogus comments
  { opener: "<?", closer: ">", from: 2 },
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

function stickyEnd(regex: RegExp, text: string, at: number): number {
  regex.lastIndex = at;
  return regex.test(text) ? regex.lastIndex : -1;
}

/** End (exclusive) of the raw HTML that starts at `at`, or -1. */
function matchAt(text: string, at: number, missing: Set<string>): number {
  for (const { opener, closer, from } of TERMINATED) {
    if (!text.startsWith(opener, at)) continue;
    if (missing.has(closer)) return -1;
    const close = text.indexOf(closer, at + from);
    if (close === -1) missing.add(closer);
    return close === -1 ? -1 : close + closer.length;
  }
  if (stickyEnd(AUTOLINK, text, at) !== -1) return -1;
  const open = stickyEnd(OPEN_TAG, text, at);
  return open !== -1 ? open : stickyEnd(CLOSING_TAG, text, at);
}
