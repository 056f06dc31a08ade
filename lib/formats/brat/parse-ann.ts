import type { ArgumentAnnotation, ArgumentRelation, ArgumentSpan } from "../argument-types";
import { type FormatIssue, quote, splitLines } from "../format-issue";
import { createOffsetIndex, sliceCodePoints, type OffsetIndex } from "../offsets";

// Reads a brat standoff .ann file against its .txt (https://brat.nlplab.org/standoff.html):
// T lines (text-bound annotations) become spans, R lines (binary relations, Arg1 → Arg2) become
// relations. Offsets count characters as Python does (code points), like ours. Every T line's text
// must equal the document text at its offsets, as brat itself checks (server/src/annotation.py):
// this is what catches a .txt/.ann mismatch or offsets in another unit. Lines Consilium does not
// represent (events, attributes, normalizations, notes, equivalences, discontinuous spans) are
// reported, never dropped silently (decision 011).

export type ParsedBratAnn = { annotation: ArgumentAnnotation; issues: FormatIssue[] };

const UNSUPPORTED: Record<string, string> = {
  E: "an event (E line)",
  A: "an attribute (A line)",
  M: "an attribute (M line, brat's old name for A)",
  N: "a normalization (N line)",
  "#": "a note (# line)",
  "*": "an equivalence (* line)",
};

const TYPE = /^[A-Za-z][A-Za-z0-9_-]*$/;
const WHITESPACE = /^\p{White_Space}*$/u;

type Relation = ArgumentRelation & { line: number };

/** Parses one .ann file; `file` names it in issues. Span and relation ids are brat's (T1, R1…). */
export function parseBratAnn(ann: string, text: string, opts: { file?: string } = {}): ParsedBratAnn {
  const issues: FormatIssue[] = [];
  const spans: ArgumentSpan[] = [];
  const relations: Relation[] = [];
  const seen = new Map<string, number>(); // id → line of every annotation line, imported or not
  const index = createOffsetIndex(text);

  splitLines(ann).forEach((raw, i) => {
    const line = i + 1;
    const report = (message: string) => issues.push({ file: opts.file, line, message });
    if (raw.trim() === "") return; // a blank line carries no annotation
    const tab = raw.indexOf("\t");
    if (tab <= 0) return report(`This is not a brat annotation line: it should start with an id such as T1 or R1, then a tab.`);
    const id = raw.slice(0, tab);
    const rest = raw.slice(tab + 1);
    if (seen.has(id) && id !== "*") return report(`The id ${id} was already used on line ${seen.get(id)}; every annotation needs its own id.`);
    seen.set(id, line);
    const kind = id[0];
    if (kind === "T") {
      const span = parseTextBound(id, rest, text, index);
      if ("error" in span) report(span.error);
      else spans.push(span);
    } else if (kind === "R") {
      const relation = parseRelation(id, rest);
      if ("error" in relation) report(relation.error);
      else relations.push({ ...relation, line });
    } else if (UNSUPPORTED[kind]) {
      report(`${id} is ${UNSUPPORTED[kind]}; Consilium imports only text spans (T lines) and relations (R lines), so it was not imported.`);
    } else {
      report(`${id} is not a kind of brat annotation Consilium knows (T for spans, R for relations).`);
    }
  });

  const spanIds = new Set(spans.map((s) => s.id));
  const kept: ArgumentRelation[] = [];
  for (const { line, ...relation } of relations) {
    const missing = [relation.from, relation.to].filter((id) => !spanIds.has(id));
    if (missing.length === 0) {
      kept.push(relation);
      continue;
    }
    const why = missing.map((id) => (seen.has(id) ? `${id} (line ${seen.get(id)}) was not imported` : `${id} is not in the file`)).join(", and ");
    issues.push({ file: opts.file, line, message: `Relation ${relation.id} was not imported: ${why}.` });
  }
  return { annotation: { spans, relations: kept }, issues };
}

function parseTextBound(id: string, rest: string, text: string, index: OffsetIndex): ArgumentSpan | { error: string } {
  const tab = rest.indexOf("\t");
  const head = tab === -1 ? rest : rest.slice(0, tab);
  const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(head);
  if (!match) return { error: `${id} should read "${id}<tab>Label start end<tab>text", e.g. "T1\tClaim 0 25\tAspirin lowers the risk."; found "${head}".` };
  const [, label, offsets] = match;
  if (!TYPE.test(label)) return { error: `${id}'s label "${label}" cannot be used: a label has letters, digits, _ and -, and starts with a letter.` };
  const fragments = offsets.split(";").map((pair) => pair.split(" ").map(Number) as [number, number]);
  for (const [k, [start, end]] of fragments.entries()) {
    if (end > index.codePointLength) return { error: `${id} ends at ${end}, after the end of the text (${index.codePointLength} characters). Is this the .ann file of this .txt?` };
    if (start > end) return { error: `${id} starts at ${start}, after its end ${end}.` };
    if (k > 0 && start < fragments[k - 1][1]) return { error: `${id}'s pieces ${offsets} overlap or are out of order.` };
  }
  if (fragments.length === 1 && fragments[0][0] === fragments[0][1]) return { error: `${id} is empty (it starts and ends at ${fragments[0][0]}).` };

  // brat writes the text of each piece, joined by one space; the line may go on after it only with whitespace.
  const written = tab === -1 ? "" : rest.slice(tab + 1);
  if (written === "") return { error: `${id} has no text after its offsets; brat writes the span's text there, and Consilium checks it against the document.` };
  const expected = fragments.map(([s, e]) => sliceCodePoints(text, s, e, index)).join(" ");
  const length = Array.from(expected).length;
  const writtenPoints = Array.from(written);
  const own = writtenPoints.slice(0, length).join("");
  if (own !== expected || !WHITESPACE.test(writtenPoints.slice(length).join(""))) {
    return { error: `${id}'s text ${quote(written)} differs from the document's text at ${offsets}, ${quote(expected)}.${unitHint(text, fragments, written)}` };
  }

  if (fragments.length > 1) {
    // brat splits a selection that crosses a line break into pieces at the break. Pieces separated
    // only by whitespace are that case and become one span; a real gap is refused (decision 011).
    for (let k = 1; k < fragments.length; k += 1) {
      const gap = sliceCodePoints(text, fragments[k - 1][1], fragments[k][0], index);
      if (!WHITESPACE.test(gap)) {
        return { error: `${id} is a discontinuous span (${offsets}) that leaves out ${quote(gap)}; Consilium's spans are continuous, so it was not imported. Split it into separate spans, or cover the gap.` };
      }
    }
  }
  const start = fragments[0][0];
  const end = fragments[fragments.length - 1][1];
  return { id, label, start, end, text: sliceCodePoints(text, start, end, index) };
}

/** A hint when the offsets fit the text in UTF-16 units (JavaScript's String indices) instead of code points. */
function unitHint(text: string, fragments: [number, number][], written: string): string {
  const utf16 = fragments.map(([s, e]) => text.slice(s, e)).join(" ");
  return utf16 !== "" && written.startsWith(utf16) ? " The offsets match if counted in UTF-16 units (as JavaScript does); brat counts characters (code points), as Python does." : "";
}

function parseRelation(id: string, rest: string): ArgumentRelation | { error: string } {
  const tab = rest.indexOf("\t");
  const head = tab === -1 ? rest : rest.slice(0, tab);
  const tail = tab === -1 ? "" : rest.slice(tab + 1);
  const match = /^(\S+) (\S+):(\S+) (\S+):(\S+)$/.exec(head);
  if (!match) return { error: `${id} should read "${id}<tab>Type Arg1:T1 Arg2:T2", e.g. "R1\tSupport Arg1:T2 Arg2:T1"; found "${head}".` };
  const [, label, role1, arg1, role2, arg2] = match;
  if (!TYPE.test(label)) return { error: `${id}'s type "${label}" cannot be used: a type has letters, digits, _ and -, and starts with a letter.` };
  const roles = `${role1} ${role2}`;
  if (roles !== "Arg1 Arg2" && roles !== "Arg2 Arg1") return { error: `${id} has the arguments ${role1} and ${role2}; Consilium reads relations with Arg1 (from) and Arg2 (to).` };
  if (!WHITESPACE.test(tail)) return { error: `${id} has text after its arguments (${quote(tail)}), which Consilium cannot keep.` };
  const [from, to] = role1 === "Arg1" ? [arg1, arg2] : [arg2, arg1];
  return { id, label, from, to };
}
