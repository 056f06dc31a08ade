import type { ArgumentAnnotation, ArgumentSpan } from "../argument-types";
import { splitLines, type FormatIssue } from "../format-issue";
import { countCodePoints } from "../offsets";
import { decodeIob, IOB2_TAG } from "./decode-iob";

// Reads a CoNLL/BIO file of argument components back into texts and spans: the token is the first
// column, the IOB2 tag the last (so "token tag" and "token<TAB>pos<TAB>tag" both read). The text
// is rebuilt from the tokens, joined by one space (sentences by a line break), since BIO keeps no
// whitespace; spans get code-point offsets in that text. "-DOCSTART-" lines always start a new
// document. A blank line ends a document (what writeConll writes) or, with blankLine "sentence",
// only a sentence (AbstRCT's and CasiMedicos-Arg's BIO releases).

export type ConllDocument = { line: number; text: string; annotation: ArgumentAnnotation };

type Sentence = { tokens: string[]; tags: string[] };

export function readConll(content: string, opts: { file?: string; blankLine?: "document" | "sentence" } = {}): { documents: ConllDocument[]; issues: FormatIssue[] } {
  const issues: FormatIssue[] = [];
  const documents: ConllDocument[] = [];
  let sentences: Sentence[] = [];
  let sentence: Sentence = { tokens: [], tags: [] };
  let startLine = 0;

  const endSentence = () => {
    if (sentence.tokens.length) sentences.push(sentence);
    sentence = { tokens: [], tags: [] };
  };
  const endDocument = () => {
    endSentence();
    if (sentences.length) documents.push(buildDocument(sentences, startLine));
    sentences = [];
  };

  splitLines(content).forEach((raw, i) => {
    const line = i + 1;
    const fields = raw.trim() === "" ? [] : raw.trim().split(/[ \t]+/);
    if (fields[0] === "-DOCSTART-") return endDocument();
    if (fields.length === 0) return opts.blankLine === "sentence" ? endSentence() : endDocument();
    if (!sentences.length && !sentence.tokens.length) startLine = line;
    let tag = fields[fields.length - 1];
    if (fields.length < 2) {
      issues.push({ file: opts.file, line, message: `Expected a token and its tag, e.g. "Aspirin\tB-Claim"; found only "${fields[0]}".` });
      tag = "O";
    } else if (!IOB2_TAG.test(tag)) {
      issues.push({ file: opts.file, line, message: `"${tag}" is not an IOB2 tag: use O, B-Label or I-Label (a label has letters, digits, _ and -, and starts with a letter).` });
      tag = "O";
    }
    sentence.tokens.push(fields[0]);
    sentence.tags.push(tag);
  });
  endDocument();
  return { documents, issues };
}

function buildDocument(sentences: Sentence[], line: number): ConllDocument {
  const spans: ArgumentSpan[] = [];
  const parts: string[] = [];
  let offset = 0;
  sentences.forEach((sentence, s) => {
    if (s > 0) {
      parts.push("\n");
      offset += 1;
    }
    const starts: number[] = [];
    const ends: number[] = [];
    sentence.tokens.forEach((token, t) => {
      if (t > 0) {
        parts.push(" ");
        offset += 1;
      }
      starts.push(offset);
      offset += countCodePoints(token);
      ends.push(offset);
      parts.push(token);
    });
    for (const range of decodeIob(sentence.tags)) {
      const text = sentence.tokens.slice(range.from, range.to).join(" ");
      spans.push({ id: `T${spans.length + 1}`, label: range.label, start: starts[range.from], end: ends[range.to - 1], text });
    }
  });
  return { line, text: parts.join(""), annotation: { spans, relations: [] } };
}
