import { z } from "zod";
import type { ArgumentDocument, ArgumentRelation, ArgumentSpan } from "../argument-types";
import { type FormatIssue, quote, splitLines } from "../format-issue";
import { countCodePoints } from "../offsets";
import { decodeIob, IOB2_TAG } from "../conll/decode-iob";
import { matchArgument } from "./match-argument";

// Reads CasiMedicos-Arg (Sviridova et al., EMNLP 2024; HF HiTZ/casimedicos-arg): a JSON array of
// {id, text, labels}, where text and labels are parallel lists of sentences of tokens/IOB2 tags,
// and a JSONL file of relations, one {doc_id: [[arg1 text, arg2 text, "Support"|"Attack"], …]} per
// line (Arg1 → Arg2). A document's text is its tokens joined by a space, its sentences by a line
// break; spans get code-point offsets in it; relation texts are matched to spans (match-argument.ts).
// Every problem is returned with its line (JSONL) or record (JSON); whether one stops the import is
// the caller's decision.

export type CasimedicosInput = { documents: string; relations: string; documentsFile?: string; relationsFile?: string };

export type ReadCasimedicos = {
  documents: ArgumentDocument[];
  issues: FormatIssue[];
  /** Read but not imported, or imported with a caveat: spans of other labels, empty documents, inexact matches. */
  notes: FormatIssue[];
};

// Records without text have "" for text and labels in the release (8 in the validation split).
const sentencesSchema = (error: string) => z.union([z.array(z.array(z.string())), z.literal("").transform((): string[][] => [])], { error });

const recordSchema = z.object({
  id: z.union([z.string().trim().min(1), z.int()], { error: 'Each record needs an "id" (text).' }),
  text: sentencesSchema('"text" must be a list of sentences, each a list of tokens.'),
  labels: sentencesSchema('"labels" must be a list of sentences, each a list of tags.'),
});

const relationsSchema = z.record(
  z.string(),
  z.array(z.tuple([z.string(), z.string(), z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/)]), {
    error: 'Relations must be a list of [argument 1 text, argument 2 text, type] triples, e.g. [["Fever is present", "It is an infection", "Support"]].',
  }),
);

/** Line of a JSON.parse error, when the engine's message gives its position. */
function jsonErrorLine(content: string, error: unknown): number | undefined {
  const position = /position (\d+)/.exec(String(error))?.[1];
  return position === undefined ? undefined : content.slice(0, Number(position)).split("\n").length;
}

/** Spans labelled `labels` (default Claim and Premise, the corpus's argument components) are kept. */
export function readCasimedicos(input: CasimedicosInput, opts: { labels?: string[] } = {}): ReadCasimedicos {
  const labels = new Set(opts.labels ?? ["Claim", "Premise"]);
  const issues: FormatIssue[] = [];
  const notes: FormatIssue[] = [];
  const docFile = input.documentsFile ?? "documents";
  const relFile = input.relationsFile ?? "relations";

  let records: unknown;
  try {
    records = JSON.parse(input.documents.replace(/^\uFEFF/, ""));
  } catch (error) {
    issues.push({ file: docFile, line: jsonErrorLine(input.documents, error), message: `This is not valid JSON (${error instanceof Error ? error.message : String(error)}).` });
    return { documents: [], issues, notes };
  }
  if (!Array.isArray(records)) {
    issues.push({ file: docFile, message: 'The documents file must hold one JSON list of records {"id", "text", "labels"}.' });
    return { documents: [], issues, notes };
  }

  const documents = new Map<string, ArgumentDocument>();
  const empty = new Set<string>();
  const skipped = new Map<string, number>();
  records.forEach((record, r) => {
    const report = (id: string, message: string) => issues.push({ file: docFile, message: `Record ${r + 1}${id ? ` (id ${JSON.stringify(id)})` : ""}: ${message}` });
    const parsed = recordSchema.safeParse(record);
    if (!parsed.success) return report("", parsed.error.issues.map((i) => i.message).join(" "));
    const id = String(parsed.data.id).trim();
    if (documents.has(id) || empty.has(id)) return report(id, "this id was already used by an earlier record.");
    const built = buildDocument(parsed.data.text, parsed.data.labels);
    if ("error" in built) return report(id, built.error);
    if (built.text === "") {
      empty.add(id);
      notes.push({ file: docFile, message: `Record ${r + 1} (id ${JSON.stringify(id)}) has no tokens, so no document was made of it.` });
      return;
    }
    for (const span of built.spans) if (!labels.has(span.label)) skipped.set(span.label, (skipped.get(span.label) ?? 0) + 1);
    const spans = built.spans.filter((s) => labels.has(s.label)).map((s, k) => ({ ...s, id: `T${k + 1}` }));
    documents.set(id, { externalId: id, text: built.text, annotation: { spans, relations: [] } });
  });
  if (skipped.size) {
    const list = [...skipped].map(([label, n]) => `${label} (${n})`).join(", ");
    notes.push({ file: docFile, message: `Spans labelled ${list} were not imported: only ${[...labels].join(" and ")} spans are read.` });
  }

  readRelations(input.relations, relFile, documents, empty, issues, notes);
  return { documents: [...documents.values()], issues, notes };
}

function buildDocument(sentences: string[][], tags: string[][]): { text: string; spans: ArgumentSpan[] } | { error: string } {
  if (sentences.length !== tags.length) return { error: `"text" has ${sentences.length} sentences but "labels" has ${tags.length}.` };
  const parts: string[] = [];
  const spans: ArgumentSpan[] = [];
  let offset = 0;
  for (const [s, tokens] of sentences.entries()) {
    if (tokens.length !== tags[s].length) return { error: `sentence ${s + 1} has ${tokens.length} tokens but ${tags[s].length} labels.` };
    const bad = tags[s].find((tag) => !IOB2_TAG.test(tag));
    if (bad !== undefined) return { error: `sentence ${s + 1} has the label ${JSON.stringify(bad)}, which is not an IOB2 tag (O, B-Label, I-Label).` };
    if (s > 0 && parts.length) {
      parts.push("\n");
      offset += 1;
    }
    const starts: number[] = [];
    const ends: number[] = [];
    tokens.forEach((token, t) => {
      if (t > 0) {
        parts.push(" ");
        offset += 1;
      }
      starts.push(offset);
      offset += countCodePoints(token);
      ends.push(offset);
      parts.push(token);
    });
    for (const range of decodeIob(tags[s])) {
      spans.push({ id: "", label: range.label, start: starts[range.from], end: ends[range.to - 1], text: tokens.slice(range.from, range.to).join(" ") });
    }
  }
  return { text: parts.join(""), spans };
}

function readRelations(content: string, file: string, documents: Map<string, ArgumentDocument>, empty: Set<string>, issues: FormatIssue[], notes: FormatIssue[]): void {
  const lineOf = new Map<string, number>();
  splitLines(content).forEach((raw, i) => {
    const line = i + 1;
    const report = (message: string) => issues.push({ file, line, message });
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return report("This line is not valid JSON.");
    }
    if (Array.isArray(value)) return report(`This line is a list (${quote(raw, 40)}); each line must be one object {"document id": [[argument 1, argument 2, type], …]}. Remove the surrounding [ ].`);
    const parsed = relationsSchema.safeParse(value);
    if (!parsed.success) return report(parsed.error.issues[0]?.message ?? "This line is not an object of relations.");
    if (Object.keys(parsed.data).length === 0) return report('This line names no document; each line must be one object {"document id": [[argument 1, argument 2, type], …]}.');
    for (const [id, triples] of Object.entries(parsed.data)) {
      if (lineOf.has(id)) {
        report(`Document ${JSON.stringify(id)} already had its relations on line ${lineOf.get(id)}.`);
        continue;
      }
      lineOf.set(id, line);
      const doc = documents.get(id);
      if (!doc) {
        if (!empty.has(id) || triples.length) report(`There is no document ${JSON.stringify(id)} in the documents file${empty.has(id) ? " with text" : ""}.`);
        continue;
      }
      const relations: ArgumentRelation[] = [];
      const seen = new Map<string, number>();
      triples.forEach(([arg1, arg2, label], k) => {
        const name = `Relation ${k + 1} of document ${JSON.stringify(id)}`;
        const from = matchArgument(arg1, doc.text, doc.annotation.spans);
        const to = matchArgument(arg2, doc.text, doc.annotation.spans);
        for (const error of new Set([from, to].flatMap((m) => ("error" in m ? [m.error] : [])))) report(`${name}: ${error}`);
        if ("error" in from || "error" in to) return;
        for (const [m, arg] of [[from, arg1], [to, arg2]] as const) {
          if (!m.exact) notes.push({ file, line, message: `${name}: the argument ${quote(arg.trim())} is part of the longer span ${quote(m.span.text)}, which the relation is attached to.` });
        }
        const key = `${label} ${from.span.id} ${to.span.id}`;
        if (seen.has(key)) return report(`${name} repeats relation ${seen.get(key)}.`);
        seen.set(key, k + 1);
        relations.push({ id: `R${relations.length + 1}`, label, from: from.span.id, to: to.span.id });
      });
      doc.annotation.relations = relations;
    }
  });
}
