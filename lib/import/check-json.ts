// Values an import would store changed, or that PostgreSQL refuses, found before anything is
// written (decision 006):
// - numbers JavaScript cannot hold exactly: 1e400 became null, 1e-400 became 0, a 23-digit id
//   became 1.2345678901234568e+22. JSON.parse has already rounded them, so they are found in the
//   line's text (`findInexactNumbers`), with the path of the field that holds them;
// - text PostgreSQL rejects in text and jsonb columns: NUL (\u0000), and UTF-16 surrogates without
//   their pair (a "\ud800" escape), which would also be stored as U+FFFD in text columns;
// - nesting deeper than MAX_DEPTH (PostgreSQL's jsonb parser runs out of stack first).
// Each finding names its field, so the import reports it like any other field error.

export const MAX_DEPTH = 64;
/** Findings per line: a file of garbage should not give a million messages for one line. */
const MAX_FINDINGS = 20;

export type JsonFinding = { path: (string | number)[]; message: string };

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** What goes wrong when `token` (a JSON number as written) is read into a JavaScript number, or null. */
export function numberProblem(token: string): string | null {
  const value = Number(token);
  const keep = "put it in quotes to keep it as text";
  if (!Number.isFinite(value)) return `the number ${token} is too large to store (the largest is about 1.8e308); ${keep}.`;
  if (sameDecimal(token, String(value))) return null;
  if (value === 0) return `the number ${token} is too close to zero to store: it would become 0; ${keep}.`;
  return `the number ${token} has more digits than can be stored exactly: it would become ${String(value)}; ${keep}.`;
}

/** Decimal value of a numeral as (digits, exponent) without leading or trailing zeros. */
function normalize(numeral: string): string {
  const m = /^-?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(numeral);
  if (!m) return numeral;
  let digits = `${m[1]}${m[2] ?? ""}`;
  let exponent = BigInt(m[3] ?? 0) - BigInt((m[2] ?? "").length);
  digits = digits.replace(/^0+/, "");
  if (!digits) return "0";
  const trailing = digits.length - digits.replace(/0+$/, "").length;
  digits = digits.slice(0, digits.length - trailing);
  exponent += BigInt(trailing);
  return `${numeral.startsWith("-") ? "-" : ""}${digits}e${exponent}`;
}

function sameDecimal(a: string, b: string): boolean {
  return normalize(a) === normalize(b);
}

/** End (index of the closing quote) of the JSON string that starts at `start`. */
function stringEnd(text: string, start: number): number {
  for (let from = start + 1; ; ) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return text.length;
    let backslashes = 0;
    for (let k = quote - 1; text.charCodeAt(k) === 92; k--) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

type Frame = { list: true; index: number } | { list: false; key: string; expectsKey: boolean };

/**
 * Numbers in a JSON text (already known to be valid) that a JavaScript number cannot hold exactly,
 * with their paths. Strings are skipped with indexOf, so the cost follows the number of tokens,
 * not the length of the text.
 */
export function findInexactNumbers(json: string, prefix: (string | number)[] = []): JsonFinding[] {
  const findings: JsonFinding[] = [];
  const stack: Frame[] = [];
  const path = () => [...prefix, ...stack.map((f) => (f.list ? f.index : f.key))];
  for (let i = 0; i < json.length && findings.length < MAX_FINDINGS; ) {
    const c = json.charCodeAt(i);
    const top = stack.at(-1);
    if (c === 34 /* " */) {
      const end = stringEnd(json, i);
      if (top && !top.list && top.expectsKey) top.key = JSON.parse(json.slice(i, end + 1)) as string;
      i = end + 1;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      stack.push(c === 123 ? { list: false, key: "", expectsKey: true } : { list: true, index: 0 });
      i += 1;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
      i += 1;
    } else if (c === 44 /* , */) {
      if (top?.list) top.index += 1;
      else if (top) top.expectsKey = true;
      i += 1;
    } else if (c === 58 /* : */) {
      if (top && !top.list) top.expectsKey = false;
      i += 1;
    } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      NUMBER.lastIndex = i;
      const token = NUMBER.exec(json)?.[0] ?? json[i];
      const problem = numberProblem(token);
      if (problem) findings.push({ path: path(), message: problem });
      i += token.length;
    } else i += 1;
  }
  return findings;
}

// NUL, or a surrogate without its partner.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why PostgreSQL would refuse `text` (a NUL, or half of a surrogate pair), in words naming `what`,
 * or null. Shared by any entry point that stores user text.
 */
export function unstorableTextProblem(text: string, what: string): string | null {
  const m = UNSTORABLE.exec(text);
  if (!m) return null;
  if (m[0] === "\u0000") return `${what} contains a NUL character (\\u0000), which cannot be stored; remove it.`;
  const code = m[0].charCodeAt(0).toString(16);
  return `${what} contains half of a UTF-16 surrogate pair (\\u${code}) without the other half, which is not valid Unicode text; fix or remove it.`;
}

/**
 * Strings (and object keys) PostgreSQL would refuse, non-finite numbers, and nesting deeper than
 * MAX_DEPTH, in an already-parsed value. Iterative, so any depth is safe to walk.
 */
export function findUnstorableValues(value: unknown): JsonFinding[] {
  const findings: JsonFinding[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length && findings.length < MAX_FINDINGS) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === "string") {
      const problem = unstorableTextProblem(v, "this text");
      if (problem) findings.push({ path, message: problem });
    } else if (typeof v === "number") {
      if (!Number.isFinite(v)) findings.push({ path, message: `the number ${v} cannot be stored.` });
    } else if (typeof v === "object" && v !== null) {
      if (path.length >= MAX_DEPTH) {
        findings.push({ path, message: `this value is nested more than ${MAX_DEPTH} levels deep, which cannot be stored; flatten it.` });
        continue;
      }
      const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
      for (let k = entries.length - 1; k >= 0; k--) {
        const [key, child] = entries[k];
        if (typeof key === "string") {
          const problem = unstorableTextProblem(key, `the key "${key.replace(/[\u0000\uD800-\uDFFF]/g, "?")}"`);
          if (problem) findings.push({ path: [...path, key], message: problem });
        }
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return findings;
}
